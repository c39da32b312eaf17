import type { Rule } from '../lint/types';

/** `cite_error_included_ref` in practice: a `<ref>` whose `</ref>` is missing. */
export const refUnclosed: Rule = {
  id: 'ref-unclosed',
  defaultSeverity: 'error',
  description: 'A <ref> with no closing </ref>; Wikipedia prints the tag as text (or swallows the next ref).',
  wikipedia: 'cite_error_included_ref (CheckWiki #94)',
  category: 'ref',
  languages: 'any',
  fixable: null,
  messages: {
    unclosed: '<ref> is never closed: add </ref> after its content, or make it self-closing (<ref name="..." />)',
  },
  check(ctx) {
    for (const u of ctx.doc.unclosed) {
      if (u.kind !== 'extension-tag' || u.name !== 'ref') continue;
      ctx.report({ start: u.start, end: u.end, messageId: 'unclosed' });
    }
  },
};
