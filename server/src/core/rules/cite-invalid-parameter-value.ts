import type { Rule, Fix } from '../lint/types';
import { keywordValue, localKeywords } from '../citations';
import { KEYWORD_PARAMS, invalidKeyword } from '../cs1/values';
import { removeParamEdit } from './shared/citeShared';
import { forEachKnownParam, isComputed } from './shared/citationParams';

/**
 * `err_invalid_param_val`: a keyword parameter (name-list-style, url-access, mode, df, no-pp, the identifier
 * -access parameters...) with a value outside CS1's list, and the no longer supported |ref=harv. |url-status= has
 * its own rule, cite-url-status-invalid.
 */
export const citeInvalidParameterValue: Rule = {
  id: 'cite-invalid-parameter-value',
  defaultSeverity: 'error',
  description: 'A value CS1 does not accept for a keyword parameter (|name-list-style=, |url-access=, |mode=, |df=, |no-pp=, |ref=harv...).',
  wikipedia: 'err_invalid_param_val',
  category: 'cs1',
  languages: 'en',
  fixable: 'safe',
  messages: {
    invalid: 'Invalid |{{param}}={{value}}: {{why}}',
  },
  check(ctx) {
    forEachKnownParam(ctx, (p) => {
      const canonical = p.lookup.canonical;
      if (canonical === 'url-status') return;
      if (canonical !== 'ref' && !(canonical in KEYWORD_PARAMS)) return;
      if (isComputed(ctx.src, p)) return; // computed by a template
      if (!invalidKeyword(canonical, keywordValue(p))) return;
      // the wiki's own words (a citation profile's values) are named after CS1's, and one in other case is the fix
      const local = localKeywords(ctx.citationProfile, canonical);
      const why = invalidKeyword(canonical, keywordValue(p), local)!;
      const fixes: Fix[] = [];
      if (canonical === 'ref') {
        // CS1 makes the anchor |ref=harv asked for by itself now
        fixes.push({ title: 'Remove |ref=harv (no longer needed)', edits: [removeParamEdit(p.node)], safe: true });
      } else {
        const list = KEYWORD_PARAMS[canonical];
        const lower = p.value.toLowerCase().replace(/\s+/g, ' ');
        if (list.includes(lower) || local.includes(lower)) fixes.push({ title: `Change to ${lower}`, edits: [{ start: p.valueStart, end: p.valueEnd, newText: lower }], safe: true });
        else for (const v of list) fixes.push({ title: `Change to ${v}`, edits: [{ start: p.valueStart, end: p.valueEnd, newText: v }], safe: false });
      }
      ctx.report({ start: p.valueStart, end: p.valueEnd, messageId: 'invalid', data: { param: p.name, value: p.value, why }, fixes });
    });
  },
};
