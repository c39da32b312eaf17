import type { Rule } from '../lint/types';
import { waybackTimestampDate } from '../cs1/urls';
import { parseCs1DateCached, formatDate } from '../cs1/dates';
import { dateFormatFor } from './shared/citeShared';

/** `err_archive_date_url_ts_mismatch`: |archive-date= differs from the date in the Wayback URL's timestamp. */
export const citeArchiveDateMismatch: Rule = {
  id: 'cite-archive-date-mismatch',
  defaultSeverity: 'warning',
  description: '|archive-date= differs from the date of the Wayback Machine timestamp in |archive-url=.',
  wikipedia: 'err_archive_date_url_ts_mismatch',
  category: 'cs1',
  fixable: 'safe',
  check(ctx) {
    for (const c of ctx.citations) {
      const a = c.get('archive-url');
      const d = c.get('archive-date');
      if (!a || !d) continue;
      const ts = waybackTimestampDate(a.value, ctx.today);
      if (!ts) continue;
      const parsed = parseCs1DateCached(d.value, 'archive-date', ctx.today);
      if (!parsed.ok || parsed.kind !== 'full') continue;
      const s = parsed.start;
      if (s.year === ts.year && s.month === ts.month && s.day === ts.day) continue;
      // keep the format the date is written in
      const fmt = parsed.format === 'dmy' || parsed.format === 'mdy' ? parsed.format : parsed.format === 'ymd' ? 'iso' : dateFormatFor(ctx, c);
      const fixed = formatDate(ts, fmt);
      ctx.report({
        start: d.valueStart,
        end: d.valueEnd,
        message: `|archive-date=${d.value} does not match the archive's timestamp (${fixed})`,
        fixes: [{ title: `Change to ${fixed}`, edits: [{ start: d.valueStart, end: d.valueEnd, newText: fixed }], safe: true }],
      });
    }
  },
};
