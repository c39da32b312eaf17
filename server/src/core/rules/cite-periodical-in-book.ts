import type { Rule, Fix } from '../lint/types';
import { isParameterIgnoredBy } from '../cs1/parameters';
import { paramNameRange } from './shared/citeShared';

/**
 * `err_periodical_ignored` [2025]: a periodical parameter (|work=, |website=, |journal=, |magazine=, |newspaper=,
 * |periodical= and their script-/trans- forms) in {{cite book}} or {{cite encyclopedia}}, which CS1 now ignores.
 */
export const citePeriodicalInBook: Rule = {
  id: 'cite-periodical-in-book',
  defaultSeverity: 'error',
  description: 'A periodical parameter (|work=, |website=, |journal=, |magazine=, |newspaper=...) in {{cite book}} or {{cite encyclopedia}}, which CS1 ignores.',
  wikipedia: 'err_periodical_ignored',
  category: 'cs1',
  languages: 'en',
  fixable: 'suggestion',
  messages: {
    encyclopedia: '|{{param}}= ignored: {{{{template}}}} has no periodical; the encyclopedia goes in |encyclopedia=',
    noPeriodical: '|{{param}}= ignored: {{{{template}}}} has no periodical; use |publisher= or |series=, or {{cite journal}}/{{cite news}}/{{cite web}} for an article',
  },
  check(ctx) {
    for (const c of ctx.citations) {
      for (const p of c.params) {
        if (!p.lookup.known || p.value === '' || !p.lookup.definition.periodical) continue;
        if (!isParameterIgnoredBy(p.name, c.info.citationClass)) continue;
        const r = paramNameRange(ctx.src, p.node);
        const fixes: Fix[] = [];
        const base = p.lookup.canonical;
        // where the value belongs instead: a book's series or publisher, an encyclopedia's title
        const targets = c.info.citationClass === 'encyclopaedia' && base === 'work' ? ['encyclopedia'] : base === 'work' ? ['publisher', 'series'] : [];
        for (const t of targets) if (!c.get(t)) fixes.push({ title: `Change to |${t}=`, edits: [{ start: r.start, end: r.end, newText: t }], safe: false });
        ctx.report({
          start: r.start,
          end: r.end,
          messageId: c.info.citationClass === 'encyclopaedia' ? 'encyclopedia' : 'noPeriodical', data: { param: p.name, template: c.info.name },
          fixes,
        });
      }
    }
  },
};
