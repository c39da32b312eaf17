/**
 * Fill Citation's network part: fetch the page (HTML only, 2 MB cap, charset from the header or `<meta>`),
 * read its metadata (core), resolve a DOI through doi.org content negotiation (CSL JSON) and an ISBN through
 * Open Library. Returns metadata, or why there is none.
 */
import type { LinkSession } from './checker';
import { NetFailure } from './http';
import { charsetOf, decodeBody } from '../core/links/html';
import { extractMetadata, metadataFromCsl, metadataFromOpenLibrary, PageMetadata } from '../core/links/metadata';

const MAX_PAGE = 2 * 1024 * 1024;
const MAX_REDIRECTS = 10;

export type FetchedMetadata = { ok: true; metadata: PageMetadata; finalUrl: string } | { ok: false; reason: string };

async function get(session: LinkSession, url: string, accept: string, max: number): Promise<{ status: number; body: Buffer; type: string; url: string }> {
  let current = url;
  for (let i = 0; i <= MAX_REDIRECTS; i++) {
    const res = await session.request(current, 'GET', max, { Accept: accept });
    const loc = res.headers.location;
    if (res.status >= 300 && res.status < 400 && loc) {
      current = new URL(String(loc), current).href;
      continue;
    }
    return { status: res.status, body: res.body, type: String(res.headers['content-type'] ?? ''), url: current };
  }
  throw new NetFailure('too-many-redirects', 'more than 10 redirects');
}

/** Metadata for a citation of `url`. */
export async function fetchMetadata(session: LinkSession, url: string): Promise<FetchedMetadata> {
  let page;
  try {
    page = await get(session, url, 'text/html,application/xhtml+xml', MAX_PAGE);
  } catch (e) {
    if (e instanceof NetFailure && e.kind === 'aborted') throw e;
    return { ok: false, reason: `the page could not be fetched (${(e as Error).message})` };
  }
  if (page.status < 200 || page.status >= 300) return { ok: false, reason: `the page answered ${page.status}` };
  if (page.type && !/html/i.test(page.type)) return { ok: false, reason: `not an HTML page (${page.type})` };
  const text = decodeBody(page.body, charsetOf(page.type, page.body));
  // a binary file served as HTML: no markup near the start, or many control characters
  const head = text.slice(0, 2000);
  if (!/<(?:!doctype|html|head|meta|title)\b/i.test(head) || (head.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length > 20) return { ok: false, reason: 'the page is not HTML' };
  let md = extractMetadata(text, page.url);
  const s = session.settings;
  if (md.doi) {
    try {
      const r = await get(session, s.doiUrl.replace(/\/?$/, '/') + encodeURI(md.doi), 'application/vnd.citationstyles.csl+json', 1024 * 1024);
      if (r.status === 200) {
        const csl = metadataFromCsl(JSON.parse(r.body.toString('utf8')));
        // the registry is more reliable than the page for bibliographic fields; the page keeps what the registry lacks
        md = { ...md, ...Object.fromEntries(Object.entries(csl).filter(([k, v]) => k !== 'sources' && v !== undefined && !(Array.isArray(v) && !v.length))), sources: { ...md.sources, ...csl.sources } } as PageMetadata;
      }
    } catch (e) {
      if (e instanceof NetFailure && e.kind === 'aborted') throw e;
    }
  }
  if (md.isbn && md.kind === 'book') {
    const isbn = md.isbn.replace(/[^0-9X]/gi, '');
    try {
      const r = await get(session, `${s.openLibraryUrl.replace(/\/$/, '')}/api/books?bibkeys=ISBN:${isbn}&format=json&jscmd=data`, 'application/json', 1024 * 1024);
      const ol = r.status === 200 ? metadataFromOpenLibrary(JSON.parse(r.body.toString('utf8')), isbn) : null;
      if (ol) md = { ...md, ...Object.fromEntries(Object.entries(ol).filter(([k, v]) => k !== 'sources' && v !== undefined && !(Array.isArray(v) && !v.length))), sources: { ...md.sources, ...ol.sources } } as PageMetadata;
    } catch (e) {
      if (e instanceof NetFailure && e.kind === 'aborted') throw e;
    }
  }
  if (!md.title) return { ok: false, reason: 'the page has no usable title (only a generic one, or none)' };
  return { ok: true, metadata: md, finalUrl: page.url };
}
