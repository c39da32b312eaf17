/**
 * The `"links"` settings (`.wikitext-lint.json`, VS Code `wikitext.links`): service base URLs (defaults: the
 * real services; tests point them at local stand-ins) and politeness limits.
 */
export interface LinkSettings {
  /** Wayback availability API. */
  waybackAvailabilityUrl: string;
  /** Wayback CDX API. */
  cdxUrl: string;
  /** DOI resolver (content negotiation, CSL JSON). */
  doiUrl: string;
  /** Open Library base URL (`/api/books`). */
  openLibraryUrl: string;
  /** Connections per host at once. */
  maxPerHost: number;
  /** Connections in all at once. */
  maxTotal: number;
  /** Pause between two requests to one host, ms. */
  hostDelayMs: number;
  /** Whole-request timeout, ms (connecting has its own, `connectTimeoutMs`). */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Failed checks (a pause apart, or on separate days) before a link is called dead. */
  deadAfterFailures: number;
  /** Pause before checking a failed link again in the same run, ms. */
  retryPauseMs: number;
  /** Longest Retry-After honoured, ms (longer: the link is "unreachable now"). */
  maxRetryAfterMs: number;
  /** Check every external link of the page, not only those of citations and refs. */
  allExternalLinks: boolean;
  /** Results younger than this are taken from the cache, ms. */
  cacheMaxAgeMs: number;
}

export const DEFAULT_LINK_SETTINGS: LinkSettings = {
  waybackAvailabilityUrl: 'https://archive.org/wayback/available',
  cdxUrl: 'https://web.archive.org/cdx/search/cdx',
  doiUrl: 'https://doi.org/',
  openLibraryUrl: 'https://openlibrary.org',
  maxPerHost: 2,
  maxTotal: 8,
  hostDelayMs: 500,
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  deadAfterFailures: 2,
  retryPauseMs: 5_000,
  maxRetryAfterMs: 30_000,
  allExternalLinks: false,
  cacheMaxAgeMs: 24 * 3600_000,
};

const NUMBERS = ['maxPerHost', 'maxTotal', 'hostDelayMs', 'timeoutMs', 'connectTimeoutMs', 'deadAfterFailures', 'retryPauseMs', 'maxRetryAfterMs', 'cacheMaxAgeMs'] as const;
const URLS = ['waybackAvailabilityUrl', 'cdxUrl', 'doiUrl', 'openLibraryUrl'] as const;

/** Validates a `"links"` object (from JSON); throws an Error naming the key at fault. */
export function parseLinkSettings(value: unknown, where = 'links'): Partial<LinkSettings> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`"${where}" must be an object`);
  const out: Partial<LinkSettings> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if ((URLS as readonly string[]).includes(k)) {
      if (typeof v !== 'string' || !/^https?:\/\//.test(v)) throw new Error(`"${where}.${k}" must be an http(s) URL`);
      (out as Record<string, unknown>)[k] = v;
    } else if ((NUMBERS as readonly string[]).includes(k)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`"${where}.${k}" must be a number >= 0`);
      if ((k === 'maxPerHost' || k === 'maxTotal' || k === 'deadAfterFailures') && (v < 1 || !Number.isInteger(v))) throw new Error(`"${where}.${k}" must be a whole number >= 1`);
      (out as Record<string, unknown>)[k] = v;
    } else if (k === 'allExternalLinks') {
      if (typeof v !== 'boolean') throw new Error(`"${where}.${k}" must be true or false`);
      out.allExternalLinks = v;
    } else if (k === 'checkOnOpen') {
      // an editor setting (the VS Code client reads it); accepted and ignored here
      if (typeof v !== 'boolean') throw new Error(`"${where}.${k}" must be true or false`);
    } else throw new Error(`unknown key "${where}.${k}"`);
  }
  return out;
}
