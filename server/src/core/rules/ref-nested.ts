import type { Rule } from '../lint/types';
import { ExtensionTagNode, type TemplateNode } from '../parser/nodes';

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
    footnote: 'A {{{{template}}}} inside a <ref> makes a ref inside a ref, shown as plain text; move it out of the <ref>, or write {{harvnb|...}} inside the ref',
  },
  check(ctx) {
    for (const r of ctx.model.refs) {
      if ((r.syntax !== 'tag' && !r.generatedName) || !r.nestedIn || r.nestedIn.syntax !== 'tag') continue;
      const unclosedOuter = r.node instanceof ExtensionTagNode && !r.node.closed;
      if (unclosedOuter) continue;
      ctx.report({
        start: r.tagNode.start,
        end: r.tagNode.end,
        ...(r.generatedName ? { messageId: 'footnote', data: { template: (r.node as TemplateNode).name } } : { messageId: 'nested' }),
        related: [{ start: r.nestedIn.tagNode.start, end: r.nestedIn.tagNode.end, message: 'The enclosing ref' }],
      });
    }
  },
};
