import type { Rule } from '../lint/types';
import { datesChecked, parseCs1DateCached } from '../cs1/dates';

const DATE_PARAMS = new Set(['date', 'access-date', 'archive-date', 'orig-date', 'publication-date', 'year', 'doi-broken-date', 'pmc-embargo-date', 'lay-date']);

/** `err_bad_date`: a date parameter CS1 cannot read, an impossible date, a future year, an access-date out of range. */
export const citeBadDate: Rule = {
  id: 'cite-bad-date',
  defaultSeverity: 'error',
  description: 'A date in a format CS1 does not accept, an impossible date, a future year, or an access-date outside 15 January 2001 to tomorrow.',
  wikipedia: 'err_bad_date',
  category: 'cs1',
  languages: 'en',
  fixable: null,
  messages: {
    badDate: 'Check date values in |{{param}}=: {{reason}}',
    yearMismatch: '|year={{year}} does not match |date={{date}}',
  },
  check(ctx) {
    // a citation profile's dates: local names, digits and formats; a wiki whose module checks no dates gets no finding
    if (!datesChecked(ctx.citationProfile)) return;
    const dates = ctx.citationProfile?.dates;
    for (const c of ctx.citations) {
      for (const p of c.params) {
        if (!p.lookup.known || !DATE_PARAMS.has(p.lookup.canonical) || p.value === '') continue;
        if (p.lookup.canonical === 'orig-date') continue; // free text in CS1
        if (/\{\{|\}\}|<!--/.test(ctx.src.slice(p.valueStart, p.valueEnd))) continue; // a template computes it
        // CS1 promotes |year= to |date= when |date= is empty and checks it as a date: a range (2001–2002) or a
        // disambiguated year (2001a) is then valid
        const promoted = p.lookup.canonical === 'year' && !c.get('date');
        const r = parseCs1DateCached(p.value, promoted ? 'date' : dates ? p.lookup.canonical : p.name, ctx.today, dates);
        if (r.ok) continue;
        ctx.report({ start: p.valueStart, end: p.valueEnd, messageId: 'badDate', data: { param: p.name, reason: r.reason } });
      }
      // |year= and |date= disagreeing is part of err_bad_date too
      const year = c.value('year'), date = c.value('date');
      if (year && date) {
        const y = parseCs1DateCached(year, 'year', ctx.today, dates), d = parseCs1DateCached(date, 'date', ctx.today, dates);
        if (y.ok && d.ok && y.start.year !== d.start.year && !(d.end && y.start.year >= d.start.year && y.start.year <= d.end.year)) {
          const yp = c.get('year')!;
          ctx.report({ start: yp.valueStart, end: yp.valueEnd, messageId: 'yearMismatch', data: { year, date } });
        }
      }
    }
  },
};
