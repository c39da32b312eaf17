/**
 * One error type for everything that can go wrong talking to a wiki. The message always names the site
 * (and the page when there is one), so a user linting several pages knows which one failed and why.
 */
export type WikiErrorCode =
  | 'unknown-site' // the site could not be identified or has no Action API
  | 'dns' // the host name does not resolve
  | 'tls' // certificate or TLS failure
  | 'network' // connection refused/reset, wiki down
  | 'timeout' // no answer in time
  | 'http' // an HTTP error status (after retries)
  | 'not-json' // an HTML error page or other non-JSON answer
  | 'maxlag' // the wiki stayed lagged after the retries
  | 'ratelimited' // 429 after the retries
  | 'permission' // read denied, login needed
  | 'api' // any other API error code
  | 'invalid-title' // the title is not valid on this wiki
  | 'missing' // no such page
  | 'special' // a special page, which has no wikitext
  | 'redirect' // the page is a redirect and redirects were not followed
  | 'no-section' // no such section
  | 'content-model'; // not wikitext

export class WikiError extends Error {
  override name = 'WikiError';
  constructor(
    readonly code: WikiErrorCode,
    /** The site as the user named it or as resolved (host, or API URL for other wikis). */
    readonly site: string,
    /** The page, when the request was about one. */
    readonly page: string | undefined,
    /** What went wrong, without the site and page. */
    readonly detail: string,
    /** The API's own error code, for `api` errors. */
    readonly apiCode?: string,
  ) {
    super(`${page !== undefined ? `${site}: "${page}": ` : `${site}: `}${detail}`);
  }
}

/** Maps a Node fetch failure (`TypeError: fetch failed` with a system error as cause) to a WikiError. */
export function networkError(e: unknown, site: string, page: string | undefined, timeoutMs: number): WikiError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (err?.name === 'TimeoutError' || err?.cause?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new WikiError('timeout', site, page, `no answer within ${Math.round(timeoutMs / 100) / 10} s (timed out)`);
  }
  const code = err?.cause?.code ?? (err as { code?: string })?.code ?? '';
  const why = err?.cause?.message ?? err?.message ?? String(e);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new WikiError('dns', site, page, `unknown host (DNS lookup failed: ${code}); check the site name and the network`);
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code) || /certificate|ssl|tls/i.test(why)) {
    return new WikiError('tls', site, page, `TLS/certificate failure (${code || why})`);
  }
  if (code === 'ECONNREFUSED') return new WikiError('network', site, page, 'connection refused: the wiki is not answering (is it down, or the URL wrong?)');
  return new WikiError('network', site, page, `network error: ${code ? `${code} ` : ''}${why}`);
}

/** A text holding names from a wiki or a file, as it can be printed on a terminal: control characters and bidi overrides as \u escapes. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
