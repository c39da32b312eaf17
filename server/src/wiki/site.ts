/**
 * Naming a wiki and a page the way users do, turned into an API endpoint and a title. Pure functions, except
 * `discoverApi`, which reads a wiki's HTML page for its `EditURI` link when the endpoint cannot be guessed.
 *
 * Sites: `en` and `enwiki` (en.wikipedia.org), `dewiktionary`, `commonswiki`, a host (`de.wikipedia.org`), a URL
 * (`https://de.wikipedia.org`), or the API URL of any wiki (`https://wiki.example.org/w/api.php`).
 * Pages: `Title`, `[[Title]]`, `Title_with_underscores`, percent-encoded titles, and page URLs
 * (`https://en.wikipedia.org/wiki/Kazakhstan`, `.../w/index.php?title=Kazakhstan&action=edit`).
 */
import { WikiError, networkError } from './errors';

/** A resolved wiki. */
export interface SiteRef {
  /** The Action API endpoint (`https://en.wikipedia.org/w/api.php`). */
  api: string;
  /** A short name for messages and cache files: the host, plus the port and path when they are not the usual. */
  name: string;
}

const WIKIMEDIA_PROJECTS: Record<string, string> = {
  wiki: 'wikipedia.org',
  wiktionary: 'wiktionary.org',
  wikibooks: 'wikibooks.org',
  wikinews: 'wikinews.org',
  wikiquote: 'wikiquote.org',
  wikisource: 'wikisource.org',
  wikiversity: 'wikiversity.org',
  wikivoyage: 'wikivoyage.org',
};
const SPECIAL_DBNAMES: Record<string, string> = {
  commonswiki: 'commons.wikimedia.org',
  metawiki: 'meta.wikimedia.org',
  specieswiki: 'species.wikimedia.org',
  wikidatawiki: 'www.wikidata.org',
  mediawikiwiki: 'www.mediawiki.org',
};
const WIKIMEDIA_HOST = /(^|\.)(wikipedia|wiktionary|wikibooks|wikinews|wikiquote|wikisource|wikiversity|wikivoyage|wikimedia|wikidata|mediawiki|wikifunctions)\.org$/i;

function siteName(u: URL): string {
  const path = u.pathname.replace(/\/(api|index)\.php$/, '');
  const usual = WIKIMEDIA_HOST.test(u.hostname) && path === '/w';
  return (u.host + (usual ? '' : path)).replace(/\/+$/, '');
}

function fromApiUrl(u: URL): SiteRef {
  u.search = '';
  u.hash = '';
  return { api: u.toString(), name: siteName(u) };
}

/**
 * The endpoint for a site name, or `undefined` when it needs discovery (a URL of a non-Wikimedia wiki that
 * does not end in api.php or index.php). Throws `unknown-site` for names that cannot be a site.
 */
export function resolveSiteSync(input: string): SiteRef | undefined {
  const s = input.trim();
  if (!s) throw new WikiError('unknown-site', '(empty)', undefined, 'no site given');
  const special = SPECIAL_DBNAMES[s.toLowerCase()];
  if (special) return { api: `https://${special}/w/api.php`, name: special };
  const db = /^([a-z][a-z0-9_-]*?)(wiki|wiktionary|wikibooks|wikinews|wikiquote|wikisource|wikiversity|wikivoyage)$/i.exec(s);
  if (db) {
    const host = `${db[1].toLowerCase().replace(/_/g, '-')}.${WIKIMEDIA_PROJECTS[db[2].toLowerCase()]}`;
    return { api: `https://${host}/w/api.php`, name: host };
  }
  if (/^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(s)) {
    const host = `${s.toLowerCase()}.wikipedia.org`;
    return { api: `https://${host}/w/api.php`, name: host };
  }
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    throw new WikiError('unknown-site', s, undefined, 'not a site name, host or URL (try en.wikipedia.org, enwiki, or the wiki\'s api.php URL)');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new WikiError('unknown-site', s, undefined, `unsupported protocol ${u.protocol}`);
  if (!u.hostname.includes('.') && u.hostname !== 'localhost' && !/^\[|^\d/.test(u.hostname)) {
    throw new WikiError('unknown-site', s, undefined, 'not a known shorthand (like en or enwiki) nor a host name');
  }
  if (/\/api\.php$/.test(u.pathname)) return fromApiUrl(u);
  if (/\/index\.php$/.test(u.pathname)) {
    u.pathname = u.pathname.replace(/index\.php$/, 'api.php');
    return fromApiUrl(u);
  }
  if (WIKIMEDIA_HOST.test(u.hostname)) return { api: `https://${u.host}/w/api.php`, name: u.host };
  return undefined;
}

/** Finds the API endpoint of any wiki from one of its HTML pages (`<link rel="EditURI" href=".../api.php?action=rsd">`). */
export async function discoverApi(input: string, fetchImpl: typeof fetch = fetch, userAgent?: string, timeoutMs = 20000): Promise<SiteRef> {
  const s = input.trim();
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`;
  let res: Response;
  try {
    res = await fetchImpl(url, { headers: userAgent ? { 'User-Agent': userAgent } : {}, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw networkError(e, s, undefined, timeoutMs);
  }
  const html = (await res.text()).slice(0, 200_000);
  const link = /<link\b[^>]*\brel=["']?EditURI["']?[^>]*>/i.exec(html)?.[0];
  const href = link && /\bhref=["']([^"']+)["']/i.exec(link)?.[1];
  if (!href) {
    // the usual places, tried in order
    for (const p of ['/w/api.php', '/api.php']) {
      const u = new URL(p, res.url || url);
      try {
        const r = await fetchImpl(`${u}?action=query&meta=siteinfo&format=json`, { headers: userAgent ? { 'User-Agent': userAgent } : {}, signal: AbortSignal.timeout(timeoutMs) });
        if (r.ok && /json/.test(r.headers.get('content-type') ?? '')) return fromApiUrl(u);
      } catch {
        /* try the next */
      }
    }
    throw new WikiError('unknown-site', s, undefined, 'no MediaWiki Action API found there (give the api.php URL)');
  }
  return fromApiUrl(new URL(href.replace(/&amp;/g, '&'), res.url || url));
}

/** Resolves a site name, discovering the endpoint when needed. */
export async function resolveSite(input: string, fetchImpl?: typeof fetch, userAgent?: string): Promise<SiteRef> {
  return resolveSiteSync(input) ?? discoverApi(input, fetchImpl, userAgent);
}

/**
 * A title as a user typed it, in the wiki's text form: `[[ ]]` and a `|label` dropped, underscores to spaces,
 * percent-encoding decoded, spaces collapsed, a leading colon and a `#fragment` dropped. The first-letter case
 * and namespace names are left to the wiki, which reports its normalisation.
 */
export function normaliseTitle(input: string): string {
  let t = input.trim();
  const link = /^\[\[([^\]]*)\]\]$/.exec(t);
  if (link) t = link[1].split('|')[0];
  if (/%[0-9A-Fa-f]{2}/.test(t)) {
    try {
      t = decodeURIComponent(t);
    } catch {
      /* not valid percent-encoding: keep it as typed (the wiki will reject it if invalid) */
    }
  }
  t = t.replace(/[_\s\u00a0]+/g, ' ').trim();
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash).trim();
  if (t.startsWith(':')) t = t.slice(1).trim();
  return t;
}

/** A page named by URL: `https://host/wiki/Title`, `.../index.php?title=Title`, `.../index.php/Title`. */
export interface PageUrl {
  /** The site as found in the URL (its endpoint may still need discovery). */
  site: string;
  /** The endpoint when it follows from the URL. */
  siteRef?: SiteRef;
  title: string;
}

/** Splits a page URL into site and title; `undefined` when the string is not an http(s) URL naming a page. */
export function parsePageUrl(input: string): PageUrl | undefined {
  if (!/^https?:\/\//i.test(input.trim())) return undefined;
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return undefined;
  }
  let title = u.searchParams.get('title') ?? undefined;
  let base = u.pathname;
  if (title === undefined) {
    const m = /^(.*?\/(?:wiki|index\.php))\/(.+)$/.exec(u.pathname);
    if (!m) return undefined;
    title = m[2];
    base = m[1];
  }
  title = normaliseTitle(title);
  if (!title) return undefined;
  const origin = `${u.protocol}//${u.host}`;
  if (WIKIMEDIA_HOST.test(u.hostname)) return { site: u.host, siteRef: { api: `${origin}/w/api.php`, name: u.host }, title };
  if (/index\.php$/.test(base)) {
    const api = new URL(base.replace(/index\.php$/, 'api.php'), origin);
    return { site: siteName(api), siteRef: fromApiUrl(api), title };
  }
  // another wiki's article path: its endpoint is discovered from the page itself
  return { site: input.trim(), title };
}
