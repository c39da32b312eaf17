import type { Rule } from '../lint/types';
import { ExtensionTagNode } from '../parser/nodes';

/** `cite_error_ref_no_input` / `cite_error_ref_no_key`: an unnamed ref with no content. */
export const refEmpty: Rule = {
  id: 'ref-empty',
  defaultSeverity: 'error',
  description: 'A ref with neither a name nor content: <ref></ref> or <ref/>.',
  wikipedia: 'cite_error_ref_no_input, cite_error_ref_no_key',
  category: 'ref',
  languages: 'any',
  fixable: 'safe',
  messages: {
    selfClosing: 'A self-closing <ref/> needs a name: it reuses nothing',
    empty: 'Empty <ref></ref>: an unnamed ref must have content',
  },
  check(ctx) {
    for (const r of ctx.model.refs) {
      if (r.syntax !== 'tag' || r.listDefined || r.name !== null || r.isDefinition) continue;
      const selfClosing = r.node instanceof ExtensionTagNode && r.node.selfClosing;
      ctx.report({
        start: r.node.start,
        end: r.node.end,
        messageId: selfClosing ? 'selfClosing' : 'empty',
        fixes: [{ title: 'Remove the empty ref', edits: [{ start: r.node.start, end: r.node.end, newText: '' }], safe: true }],
      });
    }
  },
};
