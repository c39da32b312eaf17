import type { Rule } from '../lint/types';
import { refKey, refRange, refScopeKey, reuseTag } from './shared/refShared';
import type { RefUse } from '../model';
import type { TemplateNode } from '../parser/nodes';

/** `cite_error_references_duplicate_key`: one group and name defined twice with different content. */
export const refDuplicateName: Rule = {
  id: 'ref-duplicate-name',
  defaultSeverity: 'error',
  description: 'A ref name defined more than once with different content (the Cite extension keeps the first).',
  wikipedia: 'cite_error_references_duplicate_key',
  category: 'ref',
  languages: 'any',
  fixable: 'safe',
  messages: {
    whitespace: 'Ref "{{name}}" is defined again with content that differs only in whitespace; Wikipedia treats it as a different definition',
    different: 'Ref "{{name}}"{{group}} is defined more than once with different content; Wikipedia shows only the first',
    footnote: '{{{{template}}}} makes the ref "{{name}}" again with a different text (its |ps=, |ref= or year brackets differ from the first); Wikipedia shows only the first',
  },
  check(ctx) {
    const first = new Map<string, RefUse>();
    const names = new Set<string>();
    for (const r of ctx.model.refs) if (r.name !== null) names.add(refKey(r));
    for (const r of ctx.model.refs) {
      if (r.name === null || !r.isDefinition || r.nestedIn?.syntax === 'tag') continue;
      const key = refScopeKey(r);
      const def = first.get(key);
      if (!def) {
        first.set(key, r);
        continue;
      }
      if (def.content!.text === r.content!.text) continue;
      const sameButSpace = def.content!.text.replace(/\s+/g, ' ').trim() === r.content!.text.replace(/\s+/g, ' ').trim();
      const range = refRange(r);
      const fixes = [];
      if (r.syntax === 'tag') {
        if (sameButSpace) {
          fixes.push({ title: `Replace with a reuse of "${r.name}"`, edits: [{ start: r.node.start, end: r.node.end, newText: reuseTag(r) }], safe: true });
        }
        if (r.nameNode) {
          let n = 2;
          while (names.has(refKey({ group: r.group, name: `${r.name}-${n}` }))) n++;
          const quoted = /^["']/.test(ctx.src[r.nameNode.start]);
          const q = quoted ? ctx.src[r.nameNode.start] : '"';
          fixes.push({
            title: `Rename this definition to "${r.name}-${n}"`,
            edits: [{ start: r.nameNode.start, end: r.nameNode.end, newText: `${q}${r.name}-${n}${q}` }],
            safe: false,
          });
        }
      }
      ctx.report({
        start: range.start,
        end: range.end,
        // group: ' (group "g")' or ''
        ...(r.generatedName && def.generatedName
          ? { messageId: 'footnote', data: { name: r.name!, template: (r.node as TemplateNode).name } }
          : sameButSpace ? { messageId: 'whitespace', data: { name: r.name! } } : { messageId: 'different', data: { name: r.name!, group: r.group ? ` (group "${r.group}")` : '' } }),
        related: [{ start: refRange(def).start, end: refRange(def).end, message: `First definition of "${r.name}"` }],
        fixes,
      });
    }
  },
};
