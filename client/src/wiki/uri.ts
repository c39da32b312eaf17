/**
 * `mediawiki://SITE/TITLE[?section=N]` URIs for wiki pages opened in the editor. Pure (no `vscode`), so the
 * provider's logic is testable outside VS Code. SITE is the wiki's short name (`en.wikipedia.org`,
 * `127.0.0.1:8080`); TITLE is the title with underscores for spaces, as in the wiki's own URLs.
 */
import { normaliseTitle, parsePageUrl } from '../../../server/src/wiki/site';

export const SCHEME = 'mediawiki';

export interface PageRef {
  site: string;
  title: string;
  /** One section (0 = the lead), or the whole page. */
  section?: number;
}

/** The parts a `vscode.Uri` has (authority, path, query), for `Uri.from({ scheme, ...parts })`. */
export interface UriParts {
  authority: string;
  path: string;
  query: string;
}

export function pageUriParts(ref: PageRef): UriParts {
  return {
    authority: ref.site,
    path: `/${ref.title.replace(/ /g, '_')}`,
    query: ref.section !== undefined ? `section=${ref.section}` : '',
  };
}

export function pageUriString(ref: PageRef): string {
  const p = pageUriParts(ref);
  return `${SCHEME}://${p.authority}${encodeURI(p.path).replace(/\?/g, '%3F').replace(/#/g, '%23')}${p.query ? `?${p.query}` : ''}`;
}

/** The page a URI names (path already decoded, as `vscode.Uri.path` is). */
export function pageRefFromParts(parts: UriParts): PageRef | undefined {
  const title = normaliseTitle(parts.path.replace(/^\/+/, '').replace(/_/g, ' '));
  if (!parts.authority || !title) return undefined;
  const m = /(?:^|&)section=(\d+)(?:&|$)/.exec(parts.query);
  return { site: parts.authority, title, section: m ? Number(m[1]) : undefined };
}

/** A key for per-document state: one per site, title and section. */
export function pageKey(ref: PageRef): string {
  return `${ref.site}\u0000${ref.title}\u0000${ref.section ?? ''}`;
}

/**
 * What a user typed or pasted in Open Page: a page URL (`https://en.wikipedia.org/wiki/Kazakhstan`), or a title
 * on the given site. Returns the site as the URL names it, the API endpoint when it follows from the URL.
 */
export function parseUserInput(input: string, defaultSite: string): { site: string; api?: string; title: string } | undefined {
  const url = parsePageUrl(input);
  if (url) return { site: url.siteRef?.name ?? url.site, api: url.siteRef?.api, title: url.title };
  const title = normaliseTitle(input);
  return title ? { site: defaultSite, title } : undefined;
}

/**
 * What a `vscode://wikitext-tools.wikitext-lint/open?...` URI asks for (`code --open-url`, links on web pages):
 * `?site=en.wikipedia.org&title=Kazakhstan[&section=2]`, or `?url=https://en.wikipedia.org/wiki/Kazakhstan`
 * (site and title then come from the URL). Undefined for any other path or an unusable query.
 */
export function openRequestOfUri(path: string, query: string): { site?: string; title?: string; section?: number } | undefined {
  if (path !== '/open') return undefined;
  const q = new URLSearchParams(query);
  const url = q.get('url');
  if (url) return /^https?:\/\//i.test(url) ? { site: url } : undefined;
  const site = q.get('site')?.trim() || undefined;
  const title = q.get('title')?.trim() || undefined;
  const section = q.get('section');
  const n = section !== null && /^\d{1,4}$/.test(section) ? Number(section) : undefined;
  if (!site && !title) return undefined;
  return { site, title, ...(n !== undefined ? { section: n } : {}) };
}
