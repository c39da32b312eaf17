import type { Rule } from '../lint/types';
import { refScopeKey, refRange } from './shared/refShared';

/** `cite_error_references_missing_key`: a list-defined ref that the text never uses. */
export const refListDefinedUnused: Rule = {
  id: 'ref-list-defined-unused',
  defaultSeverity: 'warning',
  description: 'A ref defined inside <references> or {{reflist|refs=}} that is never used in the text.',
  wikipedia: 'cite_error_references_missing_key',
  category: 'ref',
  languages: 'en',
  fixable: null,
  messages: {
    unused: 'List-defined ref "{{name}}" is never used in the text; use it with <ref name="{{name}}" /> or remove it',
  },
  check(ctx) {
    const used = new Set<string>();
    for (const r of ctx.model.refs) if (!r.listDefined && r.name !== null) used.add(refScopeKey(r));
    for (const r of ctx.model.refs) {
      if (!r.listDefined || r.name === null || used.has(refScopeKey(r))) continue;
      const range = refRange(r);
      ctx.report({
        start: range.start,
        end: range.end,
        messageId: 'unused', data: { name: r.name! },
        tags: ['unnecessary'],
      });
    }
  },
};
