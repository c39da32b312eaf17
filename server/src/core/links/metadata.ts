/**
 * Citation metadata from a fetched page (pure), in the order citation generators (Zotero's translators,
 * Citoid, reFill) trust it: Highwire Press `citation_*` tags, then OpenGraph/Twitter, then Dublin Core, then
 * JSON-LD (NewsArticle, Article, WebPage, ScholarlyArticle, Book), then `<title>` and the host name. Also
 * the answers of doi.org (CSL JSON) and Open Library, read into the same shape.
 */
import { cleanText, htmlTitle } from './html';

export interface PersonName {
  last?: string;
  first?: string;
  /** A name that cannot be split (an organisation): `|author=`. */
  name?: string;
}

/** What a citation is built from. */
export interface PageMetadata {
  kind: 'web' | 'news' | 'journal' | 'book';
  title?: string;
  authors: PersonName[];
  /** A date: year, month and day when known. */
  date?: { year: number; month?: number; day?: number };
  /** The site (website/work) name. */
  site?: string;
  publisher?: string;
  journal?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  language?: string;
  doi?: string;
  isbn?: string;
  location?: string;
  /** Where each field came from, for the preview ("title: citation_title"...). */
  sources: Record<string, string>;
}

/** Titles that are a site's generic title, never a page's: not used. */
const GENERIC_TITLE = /^(?:home(?:\s*page)?|index|welcome|untitled(?: document)?|page not found|404(?: not found)?|not found|error|access denied|just a moment\.*|attention required!?(?: \| cloudflare)?|are you a robot\??|sign in|log ?in|subscribe|captcha|security check|please wait\.*|redirecting\.*|loading\.*|wayback machine|internet archive)$/i;

export function isGenericTitle(t: string | undefined): boolean {
  if (!t) return true;
  const s = t.trim();
  return s.length < 2 || GENERIC_TITLE.test(s) || /^(?:404|403|500)\b/.test(s);
}

/** The `<meta>` tags of a page: name/property (lower-cased) -> contents, in order. */
export function metaTags(html: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // a linear scan (indexOf), not one regular expression over the page: pages are remote and may be hostile
  const lower = html.toLowerCase();
  for (let i = lower.indexOf('<meta'); i >= 0; i = lower.indexOf('<meta', i + 5)) {
    const close = lower.indexOf('>', i);
    if (close < 0) break;
    if (close - i > 4000 || !/[\s/>]/.test(lower[i + 5] ?? '')) continue;
    const attrs: Record<string, string> = {};
    const ar = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
    const body = html.slice(i + 5, close);
    let a: RegExpExecArray | null;
    while ((a = ar.exec(body))) attrs[a[1].toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    const key = (attrs.name ?? attrs.property ?? attrs.itemprop ?? '').toLowerCase();
    if (!key || attrs.content === undefined) continue;
    const v = cleanText(attrs.content);
    if (!v) continue;
    const list = out.get(key) ?? [];
    list.push(v);
    out.set(key, list);
  }
  return out;
}

/** A date from the usual metadata spellings: 2021-03-05, 2021-03-05T10:00Z, 1970/08/14, 2019. */
export function parseMetaDate(s: string | undefined): PageMetadata['date'] | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?/.exec(s.trim());
  if (!m) return undefined;
  const year = Number(m[1]), month = m[2] ? Number(m[2]) : undefined, day = m[3] ? Number(m[3]) : undefined;
  if (year < 1000 || (month !== undefined && (month < 1 || month > 12)) || (day !== undefined && (day < 1 || day > 31))) return undefined;
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** Splits a person's name: "Frank, H. S." -> Frank / H. S.; "Jane Smith" -> Smith / Jane. */
export function splitName(raw: string, person: boolean): PersonName {
  const s = raw.replace(/\s+/g, ' ').trim();
  const comma = s.indexOf(',');
  if (comma > 0) return { last: s.slice(0, comma).trim(), first: s.slice(comma + 1).trim() };
  const words = s.split(' ');
  if (person && words.length >= 2 && words.length <= 4) return { last: words[words.length - 1], first: words.slice(0, -1).join(' ') };
  return { name: s };
}

interface JsonLdThing {
  '@type'?: string | string[];
  headline?: string;
  name?: string;
  datePublished?: string;
  author?: unknown;
  publisher?: unknown;
  isPartOf?: unknown;
  inLanguage?: unknown;
  isbn?: string;
  '@graph'?: unknown[];
}

const LD_TYPES = ['NewsArticle', 'ScholarlyArticle', 'Article', 'BlogPosting', 'ReportageNewsArticle', 'Book', 'WebPage'];

function ldItems(html: string): JsonLdThing[] {
  const out: JsonLdThing[] = [];
  const lower = html.toLowerCase();
  for (let i = lower.indexOf('<script'); i >= 0; i = lower.indexOf('<script', i + 7)) {
    const open = lower.indexOf('>', i);
    if (open < 0) break;
    if (!/type\s*=\s*["']?application\/ld\+json/.test(lower.slice(i, Math.min(open, i + 500)))) continue;
    const close = lower.indexOf('</script', open);
    if (close < 0) break;
    i = close;
    const text = html.slice(open + 1, close).trim();
    if (text.length > 500_000) continue;
    try {
      const v = JSON.parse(text);
      const push = (x: unknown) => {
        if (Array.isArray(x)) x.forEach(push);
        else if (x && typeof x === 'object') {
          out.push(x as JsonLdThing);
          if (Array.isArray((x as JsonLdThing)['@graph'])) (x as JsonLdThing)['@graph']!.forEach(push);
        }
      };
      push(v);
    } catch { /* broken JSON-LD is common: skip it */ }
  }
  return out;
}

function ldType(x: JsonLdThing): string | undefined {
  const t = Array.isArray(x['@type']) ? x['@type'] : [x['@type']];
  return LD_TYPES.find((k) => t.includes(k));
}

function ldName(v: unknown): string | undefined {
  if (typeof v === 'string') return cleanText(v);
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return cleanText((v as { name: string }).name);
  return undefined;
}

/** Reads a page's metadata. */
export function extractMetadata(html: string, pageUrl: string): PageMetadata {
  const meta = metaTags(html);
  const first = (...keys: string[]): [string, string] | undefined => {
    for (const k of keys) {
      const v = meta.get(k)?.[0];
      if (v) return [v, k];
    }
    return undefined;
  };
  const md: PageMetadata = { kind: 'web', authors: [], sources: {} };
  const set = <K extends keyof PageMetadata>(field: K, value: PageMetadata[K] | undefined, source: string) => {
    if (value === undefined || value === '' || md[field] !== undefined && !(Array.isArray(md[field]) && !(md[field] as unknown[]).length)) return;
    md[field] = value;
    md.sources[field] = source;
  };
  // 1. Highwire Press
  const hwTitle = first('citation_title');
  if (hwTitle) set('title', hwTitle[0], hwTitle[1]);
  const hwAuthors = meta.get('citation_author');
  if (hwAuthors?.length) set('authors', hwAuthors.map((a) => splitName(a, true)), 'citation_author');
  const hwDate = first('citation_publication_date', 'citation_date', 'citation_online_date');
  if (hwDate) set('date', parseMetaDate(hwDate[0]), hwDate[1]);
  const journal = first('citation_journal_title');
  if (journal) {
    set('journal', journal[0], journal[1]);
    md.kind = 'journal';
  }
  const hwPublisher = first('citation_publisher');
  if (hwPublisher) set('publisher', hwPublisher[0], hwPublisher[1]);
  for (const [field, key] of [['volume', 'citation_volume'], ['issue', 'citation_issue'], ['doi', 'citation_doi'], ['isbn', 'citation_isbn'], ['language', 'citation_language']] as const) {
    const v = first(key);
    if (v) set(field, field === 'doi' ? v[0].replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '') : v[0], key);
  }
  const fp = first('citation_firstpage'), lp = first('citation_lastpage');
  if (fp) set('pages', lp ? `${fp[0]}\u2013${lp[0]}` : fp[0], 'citation_firstpage');
  if (md.isbn && md.kind === 'web') md.kind = 'book';
  // 2. OpenGraph / Twitter
  const og = first('og:title', 'twitter:title');
  if (og) set('title', og[0], og[1]);
  const site = first('og:site_name', 'application-name');
  if (site) set('site', site[0], site[1]);
  const ogDate = first('article:published_time', 'og:published_time');
  if (ogDate) set('date', parseMetaDate(ogDate[0]), ogDate[1]);
  const ogType = first('og:type');
  if (ogType && /article/i.test(ogType[0]) && md.kind === 'web') md.kind = 'news';
  const ogAuthor = meta.get('article:author')?.filter((a) => !/^https?:/.test(a)) ?? meta.get('author');
  if (ogAuthor?.length) set('authors', ogAuthor.map((a) => splitName(a, a.split(' ').length <= 3)), meta.has('article:author') ? 'article:author' : 'author');
  const locale = first('og:locale');
  if (locale) set('language', locale[0].slice(0, 2).toLowerCase(), locale[1]);
  // 3. Dublin Core
  const dc = (k: string) => first(`dc.${k}`, `dcterms.${k}`);
  const dcTitle = dc('title');
  if (dcTitle) set('title', dcTitle[0], dcTitle[1]);
  const dcCreator = meta.get('dc.creator') ?? meta.get('dcterms.creator');
  if (dcCreator?.length) set('authors', dcCreator.map((a) => splitName(a, a.includes(',') || a.split(' ').length === 2)), 'dc.creator');
  const dcDate = dc('date') ?? dc('issued');
  if (dcDate) set('date', parseMetaDate(dcDate[0]), dcDate[1]);
  const dcPublisher = dc('publisher');
  if (dcPublisher) set('publisher', dcPublisher[0], dcPublisher[1]);
  const dcLanguage = dc('language');
  if (dcLanguage) set('language', dcLanguage[0].slice(0, 2).toLowerCase(), dcLanguage[1]);
  // 4. JSON-LD
  for (const item of ldItems(html)) {
    const type = ldType(item);
    if (!type) continue;
    const src = `JSON-LD ${type}`;
    set('title', ldName(item.headline) ?? ldName(item.name), src);
    if (item.datePublished) set('date', parseMetaDate(item.datePublished), src);
    const authors = (Array.isArray(item.author) ? item.author : item.author ? [item.author] : []).map((a) => {
      const n = ldName(a);
      const person = typeof a === 'object' && a !== null && (a as { '@type'?: string })['@type'] === 'Person';
      return n ? splitName(n, person) : null;
    }).filter((x): x is PersonName => !!x);
    if (authors.length) set('authors', authors, src);
    const pub = ldName(item.publisher);
    if (pub) set(type === 'NewsArticle' || type === 'Article' ? 'site' : 'publisher', pub, src);
    if (item.isbn) set('isbn', String(item.isbn), src);
    const lang = ldName(item.inLanguage);
    if (lang) set('language', lang.slice(0, 2).toLowerCase(), src);
    if (type === 'NewsArticle' || type === 'ReportageNewsArticle') { if (md.kind === 'web') md.kind = 'news'; }
    else if (type === 'ScholarlyArticle') md.kind = 'journal';
    else if (type === 'Book' && md.kind === 'web') md.kind = 'book';
  }
  // 5. <title> and the host
  const title = htmlTitle(html);
  if (title) set('title', stripSiteFromTitle(title, md.site), '<title>');
  let host = '';
  try {
    host = new URL(pageUrl).hostname.replace(/^www\./, '');
  } catch { /* not a URL */ }
  if (host) set('site', host, 'host name');
  if (isGenericTitle(md.title)) {
    delete md.title;
    delete md.sources.title;
  }
  return md;
}

/** "Storm hits coast – Example News" -> "Storm hits coast" when the suffix is the site's name. */
export function stripSiteFromTitle(title: string, site: string | undefined): string {
  const m = /^(.{3,}?)\s+[|\u2013\u2014\u00b7:-]\s+([^|\u2013\u2014\u00b7]{2,60})$/.exec(title);
  if (!m) return title;
  if (site && m[2].trim().toLowerCase() === site.toLowerCase()) return m[1].trim();
  return title;
}

/** Metadata from a doi.org CSL JSON answer. */
export function metadataFromCsl(csl: Record<string, unknown>): PageMetadata {
  const str = (v: unknown) => (typeof v === 'string' ? cleanText(v) : Array.isArray(v) && typeof v[0] === 'string' ? cleanText(v[0]) : undefined);
  const md: PageMetadata = { kind: 'journal', authors: [], sources: {} };
  const type = str(csl.type) ?? '';
  if (/book/.test(type)) md.kind = 'book';
  else if (!/article-journal|paper-conference|article/.test(type)) md.kind = 'web';
  const add = <K extends keyof PageMetadata>(k: K, v: PageMetadata[K] | undefined) => {
    if (v !== undefined && v !== '') {
      md[k] = v;
      md.sources[k] = 'doi.org (CSL JSON)';
    }
  };
  add('title', str(csl.title));
  add('authors', (Array.isArray(csl.author) ? csl.author : []).map((a: { family?: string; given?: string; literal?: string }) => (a.family ? { last: a.family, ...(a.given ? { first: a.given } : {}) } : { name: a.literal ?? '' }) as PersonName).filter((a) => a.last || a.name));
  const parts = (csl.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  if (parts?.[0]) add('date', { year: parts[0], ...(parts[1] ? { month: parts[1] } : {}), ...(parts[2] ? { day: parts[2] } : {}) });
  if (md.kind === 'journal') add('journal', str(csl['container-title']));
  add('volume', str(csl.volume));
  add('issue', str(csl.issue));
  const page = str(csl.page);
  add('pages', page?.replace(/-/g, '\u2013'));
  add('publisher', str(csl.publisher));
  add('doi', str(csl.DOI));
  add('isbn', str(csl.ISBN));
  return md;
}

/** Metadata from an Open Library Books API answer (jscmd=data) for one ISBN. */
export function metadataFromOpenLibrary(json: Record<string, unknown>, isbn: string): PageMetadata | null {
  const rec = (json[`ISBN:${isbn}`] ?? Object.values(json)[0]) as { title?: string; subtitle?: string; authors?: { name?: string }[]; publishers?: { name?: string }[]; publish_date?: string; publish_places?: { name?: string }[] } | undefined;
  if (!rec?.title) return null;
  const md: PageMetadata = { kind: 'book', authors: [], sources: {} };
  const src = 'Open Library';
  md.title = cleanText(rec.subtitle ? `${rec.title}: ${rec.subtitle}` : rec.title);
  md.sources.title = src;
  md.authors = (rec.authors ?? []).map((a) => splitName(a.name ?? '', true)).filter((a) => a.last || a.name);
  if (rec.publishers?.[0]?.name) md.publisher = cleanText(rec.publishers[0].name);
  if (rec.publish_places?.[0]?.name) md.location = cleanText(rec.publish_places[0].name);
  const year = /\b(\d{4})\b/.exec(rec.publish_date ?? '');
  if (year) md.date = { year: Number(year[1]) };
  md.isbn = isbn;
  return md;
}
