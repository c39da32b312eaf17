/**
 * Link status as the link checker (server/src/links/) records it and as rules read it through `ctx.links`.
 * Plain data only: results cross worker threads and are cached on disk as JSON.
 */

/** The verdict on one URL. */
export type LinkStatus = 'alive' | 'dead' | 'unreachable' | 'soft-404' | 'redirect' | 'cannot-tell';

/** An archived copy found for a URL (Wayback Machine), or null when one was looked for and none found. */
export interface ArchiveSnapshot {
  /** The snapshot's URL, https://web.archive.org/web/<timestamp>/<original>. */
  url: string;
  /** 14-digit Wayback timestamp. */
  timestamp: string;
}

/** What is known about one URL after a check. */
export interface LinkInfo {
  status: LinkStatus;
  /** When it was (last) checked: an ISO 8601 date-time (UTC). */
  checkedAt: string;
  /** Where redirects ended, when that is another URL. */
  finalUrl?: string;
  /** The HTTP status of the last answer, when there was one. */
  httpStatus?: number;
  /** The first redirect was permanent (301/308) to this URL. */
  permanentRedirect?: string;
  /** Why, in words ("404 Not Found", "DNS lookup failed", "redirected to the site's home page"...). */
  reason?: string;
  /** Failing checks counted so far (this run and earlier days). */
  failures?: number;
  /** The archived copy for a dead link: set when looked up, null when none was found. */
  archive?: ArchiveSnapshot | null;
}

/** What rules see: the results of the last link check, by URL as written in the page. */
export interface LinkLookup {
  get(url: string): LinkInfo | undefined;
}

/** A lookup over a plain record (what the CLI passes to workers and what tests write). */
export function lookupOf(record: Record<string, LinkInfo> | Map<string, LinkInfo>): LinkLookup {
  if (record instanceof Map) return { get: (url) => record.get(url) ?? record.get(normaliseLinkUrl(url)) };
  return {
    get: (url) => (Object.prototype.hasOwnProperty.call(record, url) ? record[url] : Object.prototype.hasOwnProperty.call(record, normaliseLinkUrl(url)) ? record[normaliseLinkUrl(url)] : undefined),
  };
}

/** The key a URL is checked and cached under: trimmed, fragment dropped (a server never sees it). */
export function normaliseLinkUrl(url: string): string {
  const t = url.trim();
  const hash = t.indexOf('#');
  return hash >= 0 ? t.slice(0, hash) : t;
}
