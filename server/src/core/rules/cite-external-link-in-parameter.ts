import type { Rule } from '../lint/types';
import { externalLinkIn } from '../cs1/urls';
import { externalLinkAllowed } from '../cs1/values';
import { forEachKnownParam } from './shared/citationParams';

/**
 * `err_param_has_ext_link`: a URL or `[http://... text]` link in a parameter that is not a URL parameter
 * (|website=, |title=, |publisher=, |author=...). CS1 tests every named parameter except the URL ones and the
 * in-source locators (cfg.url_skip: |url=, |archive-url=, |chapter-url=, |id=, |page=, |pages=, |at=...).
 */
export const citeExternalLinkInParameter: Rule = {
  id: 'cite-external-link-in-parameter',
  defaultSeverity: 'error',
  description: 'A URL or external link in a citation parameter that is not a URL parameter (|website=, |title=, |publisher=...).',
  wikipedia: 'err_param_has_ext_link',
  category: 'cs1',
  languages: 'en',
  fixable: null,
  messages: {
    externalLink: 'External link in |{{param}}=: {{url}}; put the link in |url= (a website name, title or publisher is plain text)',
  },
  check(ctx) {
    forEachKnownParam(ctx, (p) => {
      if (externalLinkAllowed(p.lookup.canonical)) return;
      const kind = p.lookup.definition.kind;
      if (kind === 'url') return; // url-like parameters CS1 does not list in url_skip but which hold URLs (transcript-url...)
      const url = externalLinkIn(p.value);
      if (!url) return;
      const at = p.value.indexOf(url);
      const raw = ctx.src.slice(p.valueStart, p.valueEnd);
      const start = raw === p.value && at >= 0 ? p.valueStart + at : p.valueStart;
      const end = raw === p.value && at >= 0 ? start + url.length : p.valueEnd;
      ctx.report({
        start,
        end,
        messageId: 'externalLink', data: { param: p.name, url: url.length > 60 ? url.slice(0, 57) + '...' : url },
      });
    });
  },
};
