/**
 * What the features say about citations, shared by hover, completion, signature help and refactors (the
 * features never import each other): a citation as CS1 would print it, in Markdown, the state of its link
 * (live, dead with an archive, usurped...), what each url-status value means, the citation of a template
 * node, and the date format of an inserted date. Pure functions of the analysis.
 */
import type { Analysis } from './analysis';
import type { Citation } from './citations';
import type { LintOptions } from './lint/lint';
import type { RefUse } from './model';
import type { ExtensionTagNode } from './parser/nodes';
import { archiveServiceName, waybackTimestampDate } from './cs1/urls';
import { detectDateFormat, formatDate } from './cs1/dates';
import { insertionDateFormat } from './text';
import { plainTextOf, plainTextOfWikitext } from './plainText';

/** What the link of a citation looks like to a reader, after CS1's url-status logic. */
export type LinkStateKind =
  | 'no-url' | 'live' | 'live-archived' | 'dead' | 'dead-archived' | 'deviated' | 'usurped' | 'unfit' | 'bot-unknown';

/** The link state of a citation and its archive, if any. */
export interface LinkState {
  kind: LinkStateKind;
  /** Archive service name ("Wayback Machine"), or the archive's host when the service is not known. */
  archiveService?: string;
  /** `archive-date` as written, else the date of the Wayback timestamp (ISO). */
  archiveDate?: string;
  /** Why the link counts as dead without an archive: a `{{dead link}}` tag or `url-status=dead`. */
  deadBecause?: 'dead-link-tag' | 'url-status';
}

// CS1 prints the title in quotes for these classes (a part of a larger work), in italics otherwise.
const QUOTED_TITLE_CLASSES = new Set([
  'web', 'news', 'journal', 'magazine', 'pressrelease', 'podcast', 'newsgroup', 'mailinglist', 'conference',
  'arxiv', 'biorxiv', 'medrxiv', 'citeseerx', 'ssrn', 'encyclopaedia', 'interview', 'episode', 'serial', 'speech', 'sign',
]);

/** Escapes the characters Markdown would read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (ch) => `\\${ch}`);
}

/** A URL made safe as a Markdown link target. */
export function markdownUrl(url: string): string {
  return url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/** The plain text of a parameter's value (links by their label, markup dropped: `plainText.ts`). */
function text(c: Citation, canonical: string, src: string): string {
  const p = c.get(canonical);
  return p && p.value ? plainTextOf(src, p.node.valueNode) : '';
}

/** The link state of a citation: CS1's url-status logic plus a `{{dead link}}` after it in its ref. */
export function linkState(c: Citation): LinkState {
  const url = c.value('url') || c.value('chapter-url');
  const archiveUrl = c.value('archive-url');
  const status = c.value('url-status');
  if (archiveUrl) {
    const host = /^(?:[a-z][a-z\d+.-]*:)?\/\/([^/?#\s]+)/i.exec(archiveUrl)?.[1];
    const service = archiveServiceName(archiveUrl) ?? host;
    const stamp = waybackTimestampDate(archiveUrl);
    const archiveDate = c.value('archive-date') || (stamp ? formatDate(stamp, 'iso') : undefined);
    const archive = { ...(service ? { archiveService: service } : {}), ...(archiveDate ? { archiveDate } : {}) };
    // Matching is exact and case-sensitive; any other value is ignored, which reads as dead.
    switch (status) {
      case 'live': return { kind: c.deadLinkTag ? 'dead-archived' : 'live-archived', ...archive };
      case 'deviated': return { kind: 'deviated', ...archive };
      case 'usurped': return { kind: 'usurped', ...archive };
      case 'unfit': return { kind: 'unfit', ...archive };
      case 'bot: unknown': return { kind: 'bot-unknown', ...archive };
      default: return { kind: 'dead-archived', ...archive };
    }
  }
  if (!url) return { kind: 'no-url' };
  if (c.deadLinkTag) return { kind: 'dead', deadBecause: 'dead-link-tag' };
  // url-status without archive-url is ignored by CS1 (maint_url_status), but the editor meant it.
  if (status === 'dead') return { kind: 'dead', deadBecause: 'url-status' };
  return { kind: 'live' };
}

/** The link state in one Markdown sentence. */
export function describeLinkState(state: LinkState): string {
  const archived = state.archiveService || state.archiveDate
    ? `archived${state.archiveService ? ` at ${escapeMarkdown(state.archiveService)}` : ''}${state.archiveDate ? ` of ${escapeMarkdown(state.archiveDate)}` : ''}`
    : 'archived';
  switch (state.kind) {
    case 'no-url': return 'No URL: an offline source.';
    case 'live': return 'Live link, no archive.';
    case 'live-archived': return `Live link, ${archived} (\`url-status=live\`: the title links to the original).`;
    case 'dead': return state.deadBecause === 'dead-link-tag'
      ? 'Dead link without an archive (tagged `{{dead link}}`).'
      : 'Dead link without an archive (`url-status=dead` has no effect without `archive-url`).';
    case 'dead-archived': return `Dead link, ${archived} (the title links to the archive).`;
    case 'deviated': return `Deviated: the original no longer supports the text; ${archived} (the title links to the archive).`;
    case 'usurped': return `Usurped: the original domain was taken over, so CS1 hides the original URL; ${archived}.`;
    case 'unfit': return `Unfit: the original is unsuitable (spam, malware...), so CS1 hides the original URL; ${archived}.`;
    case 'bot-unknown': return `Status unknown (set by a bot), so CS1 hides the original URL; ${archived}.`;
  }
}

// Name-list form: "Last, First" for each numbered author, else |vauthors= as written.
function authors(c: Citation, src: string): string {
  const vauthors = text(c, 'vauthors', src);
  if (vauthors) return escapeMarkdown(vauthors);
  let max = 0;
  for (const p of c.params) {
    if (p.lookup.known && p.lookup.definition.nameList === 'author' && p.lookup.enumerator && p.value) max = Math.max(max, p.lookup.enumerator);
  }
  const names: string[] = [];
  for (let n = 1; n <= max; n++) {
    const last = text(c, `last${n}`, src);
    const first = text(c, `first${n}`, src);
    if (last) names.push(escapeMarkdown(first ? `${last}, ${first}` : last));
  }
  const shown = Number(c.value('display-authors'));
  if (Number.isInteger(shown) && shown > 0 && shown < names.length) return `${names.slice(0, shown).join('; ')}; et al.`;
  return names.join('; ');
}

function sentence(part: string): string {
  return /[.!?]["”'*]*$/.test(part) ? part : `${part}.`;
}

/** Renders a citation as CS1 would read it, in Markdown (one paragraph). */
export function citationPreview(c: Citation, src: string): string {
  const parts: string[] = [];
  const state = linkState(c);
  const url = c.value('url');
  const archiveUrl = c.value('archive-url');
  const hidesOriginal = state.kind === 'usurped' || state.kind === 'unfit' || state.kind === 'bot-unknown';
  const titleTarget = archiveUrl && state.kind !== 'live-archived' ? archiveUrl : hidesOriginal ? '' : url;
  const work = text(c, 'work', src) || text(c, 'encyclopedia', src);
  const quoted = QUOTED_TITLE_CLASSES.has(c.info.citationClass) || (c.info.citationClass === 'citation' && work !== '');
  const names = authors(c, src);
  const date = escapeMarkdown(text(c, 'date', src) || text(c, 'year', src));

  if (names) parts.push(sentence(date ? `${names} (${date})` : names));
  const chapter = text(c, 'chapter', src);
  if (chapter) {
    const chapterUrl = c.value('chapter-url');
    const shown = `"${escapeMarkdown(chapter)}"`;
    parts.push(sentence(chapterUrl ? `[${shown}](${markdownUrl(chapterUrl)})` : shown));
  }
  const title = text(c, 'title', src) || text(c, 'script-title', src);
  if (title) {
    const shown = quoted && !chapter ? `"${escapeMarkdown(title)}"` : `*${escapeMarkdown(title)}*`;
    let part = titleTarget ? `[${shown}](${markdownUrl(titleTarget)})` : shown;
    const trans = text(c, 'trans-title', src);
    if (trans) part += ` [${escapeMarkdown(trans)}]`;
    parts.push(sentence(part));
  }
  const volume = escapeMarkdown(text(c, 'volume', src));
  const issue = escapeMarkdown(text(c, 'issue', src));
  const page = escapeMarkdown(text(c, 'page', src));
  const pages = escapeMarkdown(text(c, 'pages', src));
  const at = escapeMarkdown(text(c, 'at', src));
  let inSource = page ? `p. ${page}` : pages ? `pp. ${pages}` : at;
  if (work) {
    let part = `*${escapeMarkdown(work)}*`;
    // A periodical with a volume or issue: "Journal. 12 (3): 45–67."
    if (volume || issue) {
      part += `${volume ? `. **${volume}**` : '.'}${issue ? ` (${issue})` : ''}`;
      if (page || pages) {
        part += `: ${page || pages}`;
        inSource = at;
      }
    }
    parts.push(sentence(part));
  } else if (volume) {
    parts.push(sentence(`Vol. ${volume}`));
  }
  const location = escapeMarkdown(text(c, 'location', src));
  const publisher = escapeMarkdown(text(c, 'publisher', src));
  if (publisher || location) parts.push(sentence(location && publisher ? `${location}: ${publisher}` : publisher || location));
  const agency = escapeMarkdown(text(c, 'agency', src));
  if (agency) parts.push(sentence(agency));
  if (!names && date) parts.push(sentence(date));
  if (!work && issue) parts.push(sentence(`No. ${issue}`));
  if (inSource) parts.push(sentence(inSource));
  if (archiveUrl) {
    const archiveDate = escapeMarkdown(c.value('archive-date'));
    const original = state.kind === 'dead-archived' || state.kind === 'deviated'
      ? (url ? `[the original](${markdownUrl(url)})` : 'the original')
      : 'the original';
    const archived = state.kind === 'live-archived' ? `[Archived](${markdownUrl(archiveUrl)})` : 'Archived';
    parts.push(`${archived} from ${original}${archiveDate ? ` on ${archiveDate}` : ''}.`);
  }
  const accessDate = escapeMarkdown(text(c, 'access-date', src));
  if (accessDate) parts.push(`Retrieved ${accessDate}.`);
  return parts.join(' ');
}

/** The citations inside a ref's content, found by position in the page's sorted citation list. */
export function citationsInRef(a: Analysis, ref: RefUse): Citation[] {
  if (!ref.content) return [];
  const { start, end } = ref.content;
  const list = a.citations;
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].template.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Citation[] = [];
  for (let i = lo; i < list.length && list[i].template.start < end; i++) {
    if (list[i].template.end <= end && list[i].ref === ref) out.push(list[i]);
  }
  return out;
}

/** The citation made by a template node, found by binary search in the page's sorted citation list. */
export function citationOfTemplate(a: Analysis, template: { start: number }): Citation | undefined {
  const list = a.citations;
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].template.start < template.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && list[i].template.start === template.start; i++) {
    if (list[i].template === template) return list[i];
  }
  return undefined;
}

const MAX_REF_TEXT = 400;

/** A ref's content as Markdown: the preview of each citation it holds, else its text. */
export function refContentPreview(a: Analysis, ref: RefUse): string {
  if (!ref.content) return '';
  const cites = citationsInRef(a, ref);
  if (cites.length) return cites.map((c) => citationPreview(c, a.text)).join('\n\n');
  let shown = ref.node.type === 'ExtensionTag' && (ref.node as ExtensionTagNode).body ? plainTextOf(a.text, (ref.node as ExtensionTagNode).body!) : plainTextOfWikitext(ref.content.text);
  if (shown.length > MAX_REF_TEXT) shown = `${shown.slice(0, MAX_REF_TEXT)}…`;
  return escapeMarkdown(shown);
}

/** What each url-status value means for how CS1 shows the citation (no prototype: `|url-status=constructor` means nothing). */
export const URL_STATUS_MEANINGS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  dead: 'the original URL no longer works: the title links to the archive, and "Archived from the original" links the original.',
  deviated: 'the original is live but its content has drifted and no longer supports the text; shown as `dead`.',
  live: 'the original is still good and was archived pre-emptively: the title links to the original.',
  usurped: 'the original domain was taken over (spam, domain reseller): CS1 does not show the original URL.',
  unfit: 'the original page is live but unsuitable (spam, malware, porn): CS1 does not show the original URL.',
  'bot: unknown': 'set by a bot that could not tell the status: CS1 does not show the original URL.',
});

/** The date format for a date inserted here: the page's, else the citation's own dates, else the configured one, else ISO. */
export function dateFormatFor(a: Analysis, options: LintOptions, citationDates: readonly string[] = []): 'dmy' | 'mdy' | 'iso' {
  return insertionDateFormat(a.model.dateFormat, detectDateFormat(citationDates), options.config?.dateFormat ?? 'iso');
}
