import type { Rule } from '../lint/types';
import { refKey, refRange } from './shared/refShared';

/** `cite_error_references_no_text`: a named ref reused but never given content. */
export const refUndefinedName: Rule = {
  id: 'ref-undefined-name',
  defaultSeverity: 'error',
  description: 'A named ref is reused but never defined on the page.',
  wikipedia: 'cite_error_references_no_text',
  category: 'ref',
  fixable: null,
  check(ctx) {
    const defined = new Set<string>();
    for (const r of ctx.model.refs) if (r.name !== null && r.isDefinition) defined.add(refKey(r));
    const reported = new Set<string>();
    for (const r of ctx.model.refs) {
      if (r.name === null || r.isDefinition || defined.has(refKey(r))) continue;
      if (/^\d+$/.test(r.name)) continue; // ref-numeric-name reports these; Cite drops the name
      const range = refRange(r);
      const key = refKey(r);
      const again = reported.has(key);
      reported.add(key);
      ctx.report({
        start: range.start,
        end: range.end,
        message: `The named reference "${r.name}"${r.group ? ` (group "${r.group}")` : ''} is used but never defined${again ? '' : ' (no <ref> with this name has content)'}`,
      });
    }
  },
};
