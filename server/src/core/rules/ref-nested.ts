import type { Rule } from '../lint/types';
import { ExtensionTagNode } from '../parser/nodes';

/** A `<ref>` inside a `<ref>`: MediaWiki prints the inner one as text (WPCleaner #531). */
export const refNested: Rule = {
  id: 'ref-nested',
  defaultSeverity: 'error',
  description: 'A <ref> inside another <ref>; only {{#tag:ref}} (or {{efn}}, {{refn}}) can contain refs.',
  wikipedia: 'Cite parser test "nested ref-tag emitted as plain text" (WPCleaner #531)',
  category: 'ref',
  languages: 'any',
  fixable: null,
  messages: {
    nested: 'A <ref> inside another <ref> is shown as plain text; to nest notes, write the outer one as {{refn|...}} or {{#tag:ref|...}}',
  },
  check(ctx) {
    for (const r of ctx.model.refs) {
      if (r.syntax !== 'tag' || !r.nestedIn || r.nestedIn.syntax !== 'tag') continue;
      const unclosedOuter = r.node instanceof ExtensionTagNode && !r.node.closed;
      if (unclosedOuter) continue;
      ctx.report({
        start: r.tagNode.start,
        end: r.tagNode.end,
        messageId: 'nested',
        related: [{ start: r.nestedIn.tagNode.start, end: r.nestedIn.tagNode.end, message: 'The enclosing ref' }],
      });
    }
  },
};
