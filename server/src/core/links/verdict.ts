/**
 * How one URL is judged, from what HTTP answered: the rules the long-running dead-link bots follow
 * (InternetArchiveBot, and the older Checklinks/WebCite bots), written as pure functions over a record
 * of the requests the adapter made. No I/O here: `server/src/links/` makes the requests.
 */
import type { LinkInfo, LinkStatus } from './types';

/** One HTTP answer in a chain of redirects. */
export interface Hop {
  url: string;
  method: 'HEAD' | 'GET';
  status: number;
  /** Location header, resolved against `url`. */
  location?: string;
  contentType?: string;
  contentLength?: number;
  retryAfter?: string;
  /** `<title>` of an HTML body read with GET (at most the first megabyte). */
  title?: string;
  /** The start of the body (GET only), lower-cased, for challenge-page markers. */
  bodyStart?: string;
  /** Response headers that mark a bot wall (cf-mitigated, ...), lower-cased names. */
  challengeHeader?: boolean;
}

/** A network failure before any usable answer. */
export type NetError = 'dns' | 'refused' | 'timeout' | 'reset' | 'too-many-redirects' | 'redirect-loop' | 'tls' | 'other';

/** What one check of a URL saw: the redirect chain and the final answer, or a network error. */
export interface CheckOutcome {
  url: string;
  hops: Hop[];
  error?: NetError;
  errorMessage?: string;
}

/** The verdict of one check: a status, and whether it counts towards calling the link dead. */
export interface Attempt {
  status: LinkStatus;
  /** 'dead': counts towards dead (404, 410, DNS failure, refused, timeout); 'transient': unreachable now. */
  failure: 'dead' | 'transient' | null;
  httpStatus?: number;
  finalUrl?: string;
  permanentRedirect?: string;
  reason: string;
}

/** Titles that say the page is not there (a soft 404 when served with 200). */
const NOT_FOUND_TITLE = /\b(?:page|file|article|document|content|resource)s?\s+(?:was\s+|is\s+|could\s+)?(?:not\s+(?:be\s+)?found|unavailable|does\s*n[o']t\s+exist|no\s+longer\s+(?:exists|available))|\bpage\b.{0,40}?\b(?:does\s*n[o']t|no\s+longer)\s+exists?\b|\b404\b|not\s+found|error\s+404|seite\s+nicht\s+gefunden|page\s+introuvable|página\s+no\s+encontrada/i;
/** Paths a site redirects missing pages to. */
const NOT_FOUND_PATH = /(?:^|[/_.\-=?&])(?:404|not[-_]?found|notfound|error|errors|page[-_]?not[-_]?found)(?:$|[/_.\-=?&])/i;
/** Challenge pages of bot walls and paywalls (Cloudflare, DDoS-Guard, Akamai, captchas). */
const CHALLENGE = /just a moment|attention required|checking your browser|captcha|cf-chl|challenge-platform|access denied|are you a robot|verify you are human|ddos-guard|subscribe to (?:continue|read)|paywall/i;

/** True when `url` is a "deep" URL: a path beyond the root, or a query. */
function isDeep(u: URL): boolean {
  return (u.pathname !== '/' && u.pathname !== '' && !/^\/(?:index|default|home)\.\w+$/i.test(u.pathname)) || u.search !== '';
}

function isRoot(u: URL): boolean {
  return (u.pathname === '/' || u.pathname === '' || /^\/(?:index|default|home)(?:\.\w+)?$/i.test(u.pathname) || /^\/[a-z]{2}(?:-[a-z]{2})?\/?$/i.test(u.pathname)) && u.search === '';
}

function parse(u: string): URL | null {
  try {
    return new URL(u);
  } catch {
    return null;
  }
}

/**
 * Soft 404 by redirect: a deep URL redirected to its site's root, or to a path that says 404/notfound/error.
 * Returns the reason, or null.
 */
export function softRedirectReason(from: string, to: string): string | null {
  const a = parse(from), b = parse(to);
  if (!a || !b) return null;
  const sameSite = a.hostname.replace(/^www\./, '') === b.hostname.replace(/^www\./, '');
  if (isDeep(a) && isRoot(b) && sameSite) return "redirected to the site's home page";
  if (NOT_FOUND_PATH.test(b.pathname + b.search) && !NOT_FOUND_PATH.test(a.pathname + a.search)) return `redirected to an error page (${b.pathname})`;
  return null;
}

/** True when a page title says the page was not found. */
export function isNotFoundTitle(title: string | undefined): boolean {
  return !!title && NOT_FOUND_TITLE.test(title.slice(0, 300));
}

/** True when an answer looks like a bot wall or paywall challenge. */
export function isChallenge(h: Hop): boolean {
  if (h.challengeHeader) return true;
  return CHALLENGE.test(h.title ?? '') || CHALLENGE.test((h.bodyStart ?? '').slice(0, 4096));
}

/**
 * Whether a HEAD answer is unclear, so that a GET must follow: 405 (method not allowed), 403, 429, 5xx,
 * other 4xx except 404/410, or no content length (a generated page, whose title may say "page not found").
 */
export function needsGet(h: Hop): boolean {
  if (h.status >= 300 && h.status < 400 && h.location) return false;
  if (h.status === 404 || h.status === 410) return false;
  if (h.status === 405 || h.status === 403 || h.status === 429 || h.status >= 400) return true;
  // no length: usually a page generated on the fly, which is where "page not found" titles with status 200 live
  if (h.contentLength === undefined) return true;
  return false;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  408: 'Request Timeout', 410: 'Gone', 429: 'Too Many Requests', 451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function statusText(n: number): string {
  return `${n}${REASONS[n] ? ' ' + REASONS[n] : ''}`;
}

const NET_REASON: Record<NetError, string> = {
  dns: 'the host name does not resolve (DNS lookup failed)',
  refused: 'the connection was refused',
  timeout: 'no answer in time (timeout)',
  reset: 'the server closed the connection',
  'too-many-redirects': 'more than 10 redirects',
  'redirect-loop': 'a redirect loop',
  tls: 'the TLS handshake failed',
  other: 'the request failed',
};

/** Judges one check of a URL. */
export function judge(o: CheckOutcome): Attempt {
  const first = o.hops[0];
  let permanentRedirect: string | undefined;
  if (first && (first.status === 301 || first.status === 308) && first.location && first.location !== o.url) permanentRedirect = first.location;
  if (o.error) {
    const dead = o.error === 'dns' || o.error === 'refused' || o.error === 'timeout';
    return { status: 'unreachable', failure: dead ? 'dead' : 'transient', reason: o.errorMessage ? `${NET_REASON[o.error]}: ${o.errorMessage}` : NET_REASON[o.error], ...(permanentRedirect ? { permanentRedirect } : {}) };
  }
  const last = o.hops[o.hops.length - 1];
  if (!last) return { status: 'unreachable', failure: 'transient', reason: NET_REASON.other };
  const finalUrl = last.url !== o.url ? last.url : undefined;
  const base = { httpStatus: last.status, ...(finalUrl ? { finalUrl } : {}), ...(permanentRedirect ? { permanentRedirect } : {}) };
  const s = last.status;
  if (s >= 200 && s < 300) {
    if (finalUrl) {
      const soft = softRedirectReason(o.url, finalUrl);
      if (soft) return { ...base, status: 'soft-404', failure: null, reason: soft };
    }
    if (isNotFoundTitle(last.title)) return { ...base, status: 'soft-404', failure: null, reason: `the page answers 200 but its title says "${last.title!.trim().slice(0, 80)}"` };
    return { ...base, status: 'alive', failure: null, reason: statusText(s) };
  }
  if (s === 404 || s === 410) return { ...base, status: 'dead', failure: 'dead', reason: statusText(s) };
  if (s === 401 || s === 402) return { ...base, status: 'cannot-tell', failure: null, reason: `${statusText(s)}: behind a login or paywall` };
  if ((s === 403 || s === 429 || s === 503) && isChallenge(last)) return { ...base, status: 'cannot-tell', failure: null, reason: `${statusText(s)} with a challenge page (a bot wall or paywall)` };
  if (s >= 300 && s < 400) return { ...base, status: 'unreachable', failure: 'transient', reason: `${statusText(s)} without a usable Location` };
  return { ...base, status: 'unreachable', failure: 'transient', reason: statusText(s) };
}

/**
 * The verdict over the checks of one run and the failures recorded on earlier days: a link is dead only
 * when `deadAfterFailures` checks (this run's, a pause apart, plus earlier days') failed with a dead-type
 * failure and the last did too; otherwise a failing link is "unreachable now". Any success wins.
 */
export function combine(attempts: readonly Attempt[], checkedAt: string, earlierFailures: number, deadAfterFailures: number): LinkInfo {
  const last = attempts[attempts.length - 1];
  const info: LinkInfo = { status: last.status, checkedAt, reason: last.reason };
  if (last.httpStatus !== undefined) info.httpStatus = last.httpStatus;
  if (last.finalUrl) info.finalUrl = last.finalUrl;
  if (last.permanentRedirect) info.permanentRedirect = last.permanentRedirect;
  if (last.failure === null) return info;
  const deadNow = attempts.filter((a) => a.failure === 'dead').length;
  const failures = earlierFailures + deadNow;
  info.failures = earlierFailures + attempts.filter((a) => a.failure).length;
  if (last.failure === 'dead' && failures >= deadAfterFailures) {
    info.status = 'dead';
  } else {
    info.status = 'unreachable';
    info.reason = `${last.reason} (${info.failures} failed check${info.failures === 1 ? '' : 's'}; called dead after ${deadAfterFailures})`;
  }
  return info;
}
