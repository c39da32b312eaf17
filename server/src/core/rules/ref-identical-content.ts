import type { Rule, Fix } from '../lint/types';
import type { RefUse } from '../model';
import { ExtensionTagNode } from '../parser/nodes';
import { quoteRefName, refKey, suggestRefName } from './shared/refShared';

/** CheckWiki #81: unnamed refs with identical content; name the first and reuse it. */
export const refIdenticalContent: Rule = {
  id: 'ref-identical-content',
  defaultSeverity: 'info',
  description: 'Unnamed refs with identical content: name the first and reuse it.',
  wikipedia: 'CheckWiki #81 (reference duplication)',
  category: 'ref',
  languages: 'any',
  fixable: 'suggestion',
  messages: {
    identical: 'This ref has the same content as an earlier unnamed ref; name the first and reuse it',
  },
  check(ctx) {
    // by the trimmed content's length, then compared: hashing every ref's whole text cost more than comparing
    // the few of equal length
    const byLength = new Map<number, { r: RefUse; text: string }[]>();
    const taken = new Set<string>();
    for (const r of ctx.model.refs) if (r.name !== null) taken.add(refKey(r));
    for (const r of ctx.model.refs) {
      if (r.syntax !== 'tag' || r.name !== null || !r.isDefinition || r.nestedIn || r.listDefined) continue;
      const text = r.content!.text.trim();
      let same = byLength.get(text.length);
      if (!same) byLength.set(text.length, (same = []));
      const first = same.find((x) => x.r.group === r.group && x.text === text)?.r;
      if (!first) {
        same.push({ r, text });
        continue;
      }
      const name = suggestRefName(r.content!.text, (n) => taken.has(refKey({ group: r.group, name: n })));
      const fixes: Fix[] = [];
      if (first.node instanceof ExtensionTagNode && r.node instanceof ExtensionTagNode) {
        const openEnd = first.node.openTag.end - 1; // before '>'
        fixes.push({
          title: `Name the first ref "${name}" and reuse it here`,
          edits: [
            { start: openEnd, end: openEnd, newText: ` name=${quoteRefName(name)}` },
            { start: r.node.start, end: r.node.end, newText: `<ref name=${quoteRefName(name)}${r.group ? ` group=${quoteRefName(r.group)}` : ''} />` },
          ],
          safe: false,
        });
      }
      ctx.report({
        start: r.tagNode.start,
        end: r.tagNode.end,
        messageId: 'identical',
        related: [{ start: first.tagNode.start, end: first.tagNode.end, message: 'The earlier ref with the same content' }],
        fixes,
      });
    }
  },
};
