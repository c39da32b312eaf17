import type { Rule } from '../lint/types';
import { waybackTimestampDate } from '../cs1/urls';
import { datesChecked, parseCs1DateCached, formatDate } from '../cs1/dates';
import { dateFormatFor } from './shared/citeShared';

/** `err_archive_date_url_ts_mismatch`: |archive-date= differs from the date in the Wayback URL's timestamp. */
export const citeArchiveDateMismatch: Rule = {
  id: 'cite-archive-date-mismatch',
  defaultSeverity: 'warning',
  description: '|archive-date= differs from the date of the Wayback Machine timestamp in |archive-url=.',
  wikipedia: 'err_archive_date_url_ts_mismatch',
  category: 'cs1',
  languages: 'en',
  fixable: 'safe',
  messages: {
    beforeWork: "The archive's timestamp ({{timestamp}}) is before the cited work's date (|{{param}}={{value}}): the |archive-url= looks wrong, not |archive-date={{archiveDate}}",
    mismatch: "|archive-date={{archiveDate}} does not match the archive's timestamp ({{timestamp}})",
  },
  check(ctx) {
    if (!datesChecked(ctx.citationProfile)) return;
    const dates = ctx.citationProfile?.dates;
    for (const c of ctx.citations) {
      const a = c.get('archive-url');
      const d = c.get('archive-date');
      if (!a || !d) continue;
      const ts = waybackTimestampDate(a.value, ctx.today);
      if (!ts) continue;
      const parsed = parseCs1DateCached(d.value, 'archive-date', ctx.today, dates);
      if (!parsed.ok || parsed.kind !== 'full') continue;
      const s = parsed.start;
      if (s.year === ts.year && s.month === ts.month && s.day === ts.day) continue;
      // keep the format the date is written in (on a profiled wiki: ISO, which every module accepts)
      const fmt = dates ? 'iso' : parsed.format === 'dmy' || parsed.format === 'mdy' ? parsed.format : parsed.format === 'ymd' ? 'iso' : dateFormatFor(ctx, c);
      const fixed = formatDate(ts, fmt);
      // a snapshot cannot be older than the work it archives: when the timestamp is before the cited work's own
      // date, the archive-url (a wrong snapshot, or a typed timestamp) is the suspect, not the archive-date
      const own = c.get('date') ?? c.get('year');
      const work = own ? parseCs1DateCached(own.value, own.lookup.known ? own.lookup.canonical : 'date', ctx.today, dates) : undefined;
      const tsBeforeWork = !!work?.ok && work.kind !== 'no-date' && before(ts, work.start);
      if (tsBeforeWork) {
        const m = /(\/\/(?:web|wayback)\.archive\.org\/(?:web\/)?)(\d{14})/.exec(a.value)!;
        const at = a.valueStart + m.index + m[1].length;
        const stamp = `${s.year}${String(s.month).padStart(2, '0')}${String(s.day).padStart(2, '0')}000000`;
        ctx.report({
          start: a.valueStart,
          end: a.valueEnd,
          messageId: 'beforeWork', data: { timestamp: fixed, param: own!.name, value: own!.value, archiveDate: d.value },
          fixes: [
            { title: `Change the archive URL's timestamp to ${stamp} (the archive-date; check the snapshot)`, edits: [{ start: at, end: at + 14, newText: stamp }], safe: false },
            { title: `Change |archive-date= to ${fixed}`, edits: [{ start: d.valueStart, end: d.valueEnd, newText: fixed }], safe: false },
          ],
        });
        continue;
      }
      ctx.report({
        start: d.valueStart,
        end: d.valueEnd,
        messageId: 'mismatch', data: { archiveDate: d.value, timestamp: fixed },
        fixes: [{ title: `Change to ${fixed}`, edits: [{ start: d.valueStart, end: d.valueEnd, newText: fixed }], safe: true }],
      });
    }
  },
};

/** True when the day `a` is before every day of `b` (b may be a month or a year). */
function before(a: { year: number; month: number; day: number }, b: { year: number; month?: number; day?: number }): boolean {
  if (a.year !== b.year) return a.year < b.year;
  if (b.month === undefined) return false;
  if (a.month !== b.month) return a.month < b.month;
  return b.day !== undefined && a.day < b.day;
}
