/**
 * The Wayback Machine's answers, read (pure), and the archive fix: `url-status=dead`, `archive-url`,
 * `archive-date` in the citation's own date format and spacing, or a `{{Webarchive}}` after a bare link.
 * Never invents a snapshot: without one there is no fix.
 *
 * Answer shapes (documented at https://archive.org/help/wayback_api.php and
 * https://github.com/internetarchive/wayback/tree/master/wayback-cdx-server):
 *   availability: {"archived_snapshots":{"closest":{"available":true,"url":"http://web.archive.org/web/20130919044612/http://example.com/","timestamp":"20130919044612","status":"200"}}}
 *   CDX (output=json): [["urlkey","timestamp","original","mimetype","statuscode","digest","length"], ["com,example)/","20020120142510","http://example.com:80/","text/html","200","HT2D...","1792"]]
 */
import type { Citation } from '../citations';
import type { RuleContext, TextEdit } from '../lint/types';
import { parseCs1Date, formatDate } from '../cs1/dates';
import { insertParam, dateFormatFor, insertsIso } from '../rules/shared/citeShared';
import type { ArchiveSnapshot } from './types';
import type { LinkTarget } from './select';
import { citationStyleOf } from './fill';

/** A snapshot from the availability API's answer, when it is a 200 capture. */
export function snapshotFromAvailability(json: unknown): ArchiveSnapshot | null {
  const closest = (json as { archived_snapshots?: { closest?: { available?: boolean; url?: string; timestamp?: string; status?: string } } })?.archived_snapshots?.closest;
  if (!closest || closest.available === false || typeof closest.url !== 'string' || typeof closest.timestamp !== 'string') return null;
  if (String(closest.status ?? '200') !== '200' || !/^\d{14}$/.test(closest.timestamp)) return null;
  return { url: closest.url.replace(/^http:\/\/web\.archive\.org\//, 'https://web.archive.org/'), timestamp: closest.timestamp };
}

/** Snapshots (200 captures) from a CDX JSON answer, in its order. */
export function snapshotsFromCdx(json: unknown, waybackBase = 'https://web.archive.org/web/'): ArchiveSnapshot[] {
  if (!Array.isArray(json) || json.length < 2 || !Array.isArray(json[0])) return [];
  const head = (json[0] as unknown[]).map(String);
  const ti = head.indexOf('timestamp'), oi = head.indexOf('original'), si = head.indexOf('statuscode');
  if (ti < 0 || oi < 0) return [];
  const out: ArchiveSnapshot[] = [];
  for (const row of json.slice(1)) {
    if (!Array.isArray(row)) continue;
    const ts = String(row[ti]), original = String(row[oi]);
    if (!/^\d{14}$/.test(ts)) continue;
    if (si >= 0 && String(row[si]) !== '200') continue;
    out.push({ url: `${waybackBase}${ts}/${original}`, timestamp: ts });
  }
  return out;
}

/** Picks the closest 200 snapshot before `date` (YYYYMMDD), else the closest after. */
export function pickSnapshot(candidates: readonly ArchiveSnapshot[], date: string): ArchiveSnapshot | null {
  let before: ArchiveSnapshot | null = null, after: ArchiveSnapshot | null = null;
  for (const c of candidates) {
    const day = c.timestamp.slice(0, 8);
    if (day <= date) {
      if (!before || c.timestamp > before.timestamp) before = c;
    } else if (!after || c.timestamp < after.timestamp) after = c;
  }
  return before ?? after;
}

/** The date an archive lookup aims at for a citation: its access-date, else its date, else today; as YYYYMMDD. */
export function archiveTargetDate(c: Citation | undefined, today: { year: number; month: number; day: number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  for (const name of ['access-date', 'date']) {
    const v = c?.value(name);
    if (!v) continue;
    const d = parseCs1Date(v, name, today);
    if (d.ok && d.kind !== 'no-date' && d.start.year > 0) return `${d.start.year}${pad(d.start.month ?? 1)}${pad(d.start.day ?? 1)}`;
  }
  return `${today.year}${pad(today.month)}${pad(today.day)}`;
}

/** The calendar date of a Wayback timestamp. */
export function timestampDay(ts: string): { year: number; month: number; day: number } {
  return { year: Number(ts.slice(0, 4)), month: Number(ts.slice(4, 6)), day: Number(ts.slice(6, 8)) };
}

/**
 * The edits of "Mark dead and add archive" on a citation: `url-status=dead` (replacing a live status),
 * `archive-url` and `archive-date` after the URL, in the citation's spacing and date format.
 */
export function archiveCitationEdits(ctx: RuleContext, c: Citation, snap: ArchiveSnapshot): TextEdit[] {
  const date = formatDate(timestampDay(snap.timestamp), dateFormatFor(ctx, c));
  const edits: TextEdit[] = [];
  const inserts: { name: string; value: string }[] = [];
  const archiveUrl = c.params.find((p) => p.lookup.known && p.lookup.canonical === 'archive-url');
  const archiveDate = c.params.find((p) => p.lookup.known && p.lookup.canonical === 'archive-date');
  const status = c.params.find((p) => p.lookup.known && p.lookup.canonical === 'url-status');
  if (archiveUrl) edits.push({ start: archiveUrl.valueStart, end: archiveUrl.valueEnd, newText: snap.url });
  else inserts.push({ name: 'archive-url', value: snap.url });
  if (archiveDate) edits.push({ start: archiveDate.valueStart, end: archiveDate.valueEnd, newText: date });
  else inserts.push({ name: 'archive-date', value: date });
  if (status) edits.push({ start: status.valueStart, end: status.valueEnd, newText: 'dead' });
  else inserts.push({ name: 'url-status', value: 'dead' });
  if (inserts.length) {
    const anchors = ['url', 'chapter-url', 'access-date'];
    const first = insertParam(ctx.src, c, anchors, inserts[0].name, inserts[0].value);
    let text = first.newText;
    for (const ins of inserts.slice(1)) text += insertParam(ctx.src, c, anchors, ins.name, ins.value).newText;
    edits.push({ start: first.start, end: first.end, newText: text });
  }
  return edits;
}

/**
 * The fix for a bare link or `[url text]` in a ref, as the page's convention prefers: a `{{Webarchive}}` after
 * the link when the page uses {{Webarchive}} or has no citations; on a page that cites with templates, a
 * `[url text]` that is the whole ref becomes a `{{cite web}}` (its text as the title) with the archive.
 */
export function refLinkArchiveFix(ctx: RuleContext, t: LinkTarget, snap: ArchiveSnapshot): { title: string; edit: TextEdit } {
  const style = citationStyleOf(ctx.src, ctx.model, ctx.citations, ctx.fallbackDateFormat);
  // on a wiki with a citation profile: ISO, which every citation module accepts
  const date = formatDate(timestampDay(snap.timestamp), insertsIso(ctx.citationProfile) ? 'iso' : ctx.citations.length ? style.dateFormat : ctx.model.dateFormat ?? ctx.fallbackDateFormat);
  const usesWebarchive = ctx.model.templates.some((x) => /^web ?archive$/i.test(x.name));
  const link = t.link;
  const raw = link ? ctx.src.slice(link.start, link.end) : '';
  const text = link?.type === 'ExternalLink' ? raw.slice(raw.indexOf(t.url) + t.url.length, -1).trim() : '';
  const wholeRef = !!link && !!t.ref?.content && t.ref.content.text.trim() === raw;
  if (!usesWebarchive && ctx.citations.length && text && wholeRef && !/[{}|[\]]/.test(text)) {
    const p = (n: string, v: string) => `${style.sep}|${style.beforeName}${n}${style.beforeEq}=${style.afterEq}${v}`;
    const cite = `{{${style.capitalised ? 'C' : 'c'}ite web${p('url', t.url)}${p('title', text)}${p('archive-url', snap.url)}${p('archive-date', date)}${p('url-status', 'dead')}${style.sep === '\n' ? '\n' : ''}}}`;
    return { title: 'Make it a citation with its archive', edit: { start: link!.start, end: link!.end, newText: cite } };
  }
  const at = link ? link.end : t.end;
  return { title: 'Add {{Webarchive}} after the link', edit: { start: at, end: at, newText: ` {{Webarchive |url=${snap.url} |date=${date}}}` } };
}

/** `|url-status=dead`: the existing value replaced, or the parameter added after the archive parameters. */
export function urlStatusDeadEdit(ctx: RuleContext, c: Citation): TextEdit {
  const status = c.params.find((p) => p.lookup.known && p.lookup.canonical === 'url-status');
  if (status) return { start: status.valueStart, end: status.valueEnd, newText: 'dead' };
  return insertParam(ctx.src, c, ['url', 'archive-url', 'archive-date'], 'url-status', 'dead');
}
