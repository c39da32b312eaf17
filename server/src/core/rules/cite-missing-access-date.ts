import type { Rule } from '../lint/types';
import { insertParam, todayFor } from './shared/citeShared';

/**
 * A citation with a URL and no access-date. Not a Wikipedia error (CS1 never reports a missing access-date);
 * it is this project's policy, because an online source without the date it was read cannot be re-checked.
 */
export const citeMissingAccessDate: Rule = {
  id: 'cite-missing-access-date',
  defaultSeverity: 'warning',
  description: 'A citation with a |url= (or |chapter-url=) and no |access-date= (project policy, not a Wikipedia error).',
  wikipedia: null,
  category: 'policy',
  fixable: 'safe',
  options: {
    templates: { type: 'string[]', description: 'Only these citation templates are checked (names in lower case, e.g. "cite web"); default: all.' },
  },
  check(ctx) {
    const only = Array.isArray(ctx.options.templates) ? new Set((ctx.options.templates as unknown[]).map((t) => String(t).replace(/[_\s]+/g, ' ').trim().toLowerCase())) : null;
    for (const c of ctx.citations) {
      if (only && !only.has(c.info.name)) continue;
      const url = c.get('url') ?? c.get('chapter-url');
      if (!url || c.get('access-date')) continue;
      // an access-date given but empty is still missing; replace its value rather than adding a second one
      const empty = c.params.find((p) => p.lookup.known && p.lookup.canonical === 'access-date');
      const date = todayFor(ctx, c);
      const hasDates = !!(c.get('date') || c.get('archive-date'));
      const edit = empty
        ? { start: empty.valueStart, end: empty.valueEnd, newText: date }
        : insertParam(ctx.src, c, hasDates ? ['url', 'chapter-url', 'date', 'archive-date', 'archive-url'] : ['url', 'chapter-url'], 'access-date', date);
      const nameRange = { start: url.node.nameNode!.start, end: url.valueEnd };
      ctx.report({
        start: nameRange.start + (ctx.src.slice(nameRange.start, nameRange.end).length - ctx.src.slice(nameRange.start, nameRange.end).trimStart().length),
        end: nameRange.end,
        message: `Citation has |${url.name}= but no |access-date=: add the date the source was read`,
        fixes: [{ title: `Add |access-date=${date}`, edits: [edit], safe: true }],
      });
    }
  },
};
