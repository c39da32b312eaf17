import type { Rule } from '../lint/types';

/** `cite_error_group_refs_without_references`: refs in a named group and no list for it. */
export const refGroupWithoutList: Rule = {
  id: 'ref-group-without-list',
  defaultSeverity: 'error',
  description: 'Refs in a named group with no <references group="..."/> (or {{reflist|group=...}}, {{notelist}}) for that group.',
  wikipedia: 'cite_error_group_refs_without_references',
  category: 'ref',
  languages: 'en',
  fixable: 'suggestion',
  messages: {
    noList: '{{count}} {{refs}} in group "{{group}}" but no list for that group: add <references group="{{group}}" /> or {{reflist|group={{group}}}}',
  },
  check(ctx) {
    const lists = new Set(ctx.model.refLists.map((l) => l.group));
    const reported = new Set<string>();
    for (const r of ctx.model.refs) {
      if (!r.group || lists.has(r.group) || reported.has(r.group)) continue;
      reported.add(r.group);
      const count = ctx.model.refs.filter((x) => x.group === r.group).length;
      ctx.report({
        start: r.tagNode.start,
        end: r.tagNode.end,
        messageId: 'noList', data: { count, refs: count === 1 ? 'ref' : 'refs', group: r.group },
        fixes: [{
          title: `Add {{reflist|group=${r.group}}} at the end of the page`,
          edits: [{ start: ctx.src.length, end: ctx.src.length, newText: `${ctx.src.endsWith('\n') ? '' : '\n'}{{reflist|group=${r.group}}}\n` }],
          safe: false,
        }],
      });
    }
  },
};
