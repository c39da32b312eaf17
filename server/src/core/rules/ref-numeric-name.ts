import type { Rule } from '../lint/types';
import { refRange } from './shared/refShared';

/** `cite_error_ref_numeric_key`: a name that is a plain integer (the Cite extension drops it). */
export const refNumericName: Rule = {
  id: 'ref-numeric-name',
  defaultSeverity: 'error',
  description: 'A ref name made only of digits; Wikipedia rejects it.',
  wikipedia: 'cite_error_ref_numeric_key',
  category: 'ref',
  languages: 'any',
  fixable: null,
  messages: {
    numeric: 'Ref name "{{name}}" is a plain number; use a descriptive name (e.g. "smith2020")',
  },
  check(ctx) {
    for (const r of ctx.model.refs) {
      if (r.name === null || !/^[0-9]+$/.test(r.name)) continue;
      const range = refRange(r);
      ctx.report({ start: range.start, end: range.end, messageId: 'numeric', data: { name: r.name! } });
    }
  },
};
