/**
 * The link checker: checks URLs politely (HEAD, then GET when the answer is unclear; redirects followed up to
 * 10 with loops detected; a failed link checked again after a pause), judges them with the core's rules,
 * looks up archived copies of dead links, and keeps results in a cache. Network only when called.
 */
import type { LookupFunction } from 'node:net';
import { httpRequest, NetFailure, HttpResponse } from './http';
import { HostLimiter } from './limiter';
import { judge, needsGet, combine, CheckOutcome, Hop, Attempt } from '../core/links/verdict';
import { charsetOf, decodeBody, htmlTitle } from '../core/links/html';
import type { LinkInfo } from '../core/links/types';
import { DEFAULT_LINK_SETTINGS, LinkSettings } from '../core/links/settings';
import { findArchive } from './archive';
import type { LinkCache } from './cache';

const MAX_REDIRECTS = 10;
const MAX_BODY = 1024 * 1024;

export interface CheckOptions {
  settings?: Partial<LinkSettings>;
  /** DNS lookup (tests inject one). */
  lookup?: LookupFunction;
  signal?: AbortSignal;
  cache?: LinkCache | null;
  /** The date (YYYYMMDD) archive lookups aim at, per URL; dead links with no entry get none looked up. */
  archiveDates?: Map<string, string>;
  /** Called after each URL is done. */
  onProgress?: (done: number, total: number, url: string) => void;
  /** The clock (tests). */
  now?: () => Date;
}

/** The shared machinery of one run: limiter, settings, lookup. */
export class LinkSession {
  readonly settings: LinkSettings;
  readonly limiter: HostLimiter;
  constructor(readonly options: CheckOptions) {
    this.settings = { ...DEFAULT_LINK_SETTINGS, ...options.settings };
    this.limiter = new HostLimiter(this.settings.maxPerHost, this.settings.maxTotal, this.settings.hostDelayMs, options.signal);
  }

  /** One request through the limiter; Retry-After on 429/503 holds the host back and the request is retried once. */
  async request(url: string, method: 'HEAD' | 'GET', maxBody: number, headers?: Record<string, string>): Promise<HttpResponse> {
    const host = new URL(url).host.toLowerCase();
    for (let attempt = 0; ; attempt++) {
      const release = await this.limiter.acquire(host);
      let res: HttpResponse;
      try {
        res = await httpRequest(url, { method, maxBody, headers, timeoutMs: this.settings.timeoutMs, connectTimeoutMs: this.settings.connectTimeoutMs, lookup: this.options.lookup, signal: this.options.signal });
      } finally {
        release();
      }
      if ((res.status === 429 || res.status === 503) && attempt === 0) {
        const wait = retryAfterMs(res.headers['retry-after']);
        if (wait !== null && wait <= this.settings.maxRetryAfterMs) {
          this.limiter.holdUntil(host, Date.now() + wait);
          continue;
        }
      }
      return res;
    }
  }
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or null. */
export function retryAfterMs(v: string | string[] | undefined): number | null {
  const s = Array.isArray(v) ? v[0] : v;
  if (!s) return null;
  if (/^\d+$/.test(s.trim())) return Number(s.trim()) * 1000;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : Math.max(0, t - Date.now());
}

function hopOf(res: HttpResponse, method: 'HEAD' | 'GET'): Hop {
  const h = res.headers;
  const hop: Hop = { url: res.url, method, status: res.status };
  if (h.location) {
    try {
      hop.location = new URL(String(h.location), res.url).href;
    } catch { /* unusable Location */ }
  }
  if (h['content-type']) hop.contentType = String(h['content-type']);
  if (h['content-length'] !== undefined && /^\d+$/.test(String(h['content-length']))) hop.contentLength = Number(h['content-length']);
  if (h['cf-mitigated'] || h['x-datadome'] || h['x-amzn-waf-action']) hop.challengeHeader = true;
  if (method === 'GET' && res.body.length) {
    const text = decodeBody(res.body, charsetOf(hop.contentType, res.body));
    if (/html|xml/i.test(hop.contentType ?? '') || /^\s*</.test(text)) hop.title = htmlTitle(text);
    hop.bodyStart = text.slice(0, 4096).toLowerCase();
  }
  return hop;
}

/** Follows redirects with one method; returns the chain, or an error. */
async function chain(session: LinkSession, url: string, method: 'HEAD' | 'GET'): Promise<CheckOutcome> {
  const hops: Hop[] = [];
  const seen = new Set<string>();
  let current = url;
  for (let i = 0; i <= MAX_REDIRECTS; i++) {
    if (seen.has(current)) return { url, hops, error: 'redirect-loop' };
    seen.add(current);
    let res: HttpResponse;
    try {
      res = await session.request(current, method, method === 'GET' ? MAX_BODY : 0);
    } catch (e) {
      if (e instanceof NetFailure) {
        if (e.kind === 'aborted') throw e;
        return { url, hops, error: e.kind, errorMessage: e.message };
      }
      return { url, hops, error: 'other', errorMessage: String(e) };
    }
    const hop = hopOf(res, method);
    hops.push(hop);
    if (hop.status >= 300 && hop.status < 400 && hop.location) {
      current = hop.location;
      continue;
    }
    return { url, hops };
  }
  return { url, hops, error: 'too-many-redirects' };
}

/** One check of a URL: HEAD, then GET when HEAD's answer is unclear or HEAD failed. */
export async function checkOnce(session: LinkSession, url: string): Promise<{ outcome: CheckOutcome; attempt: Attempt }> {
  let outcome = await chain(session, url, 'HEAD');
  const last = outcome.hops[outcome.hops.length - 1];
  // some servers drop HEAD requests: a reset or odd failure is retried with GET; DNS, refusals and timeouts are not
  const unclear = outcome.error ? outcome.error === 'reset' || outcome.error === 'other' : !last || needsGet(last);
  if (unclear) outcome = await chain(session, url, 'GET');
  return { outcome, attempt: judge(outcome) };
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
  if (signal?.aborted) return reject(new NetFailure('aborted', 'cancelled'));
  const t = setTimeout(() => {
    signal?.removeEventListener('abort', onAbort);
    resolve();
  }, ms);
  const onAbort = () => {
    clearTimeout(t);
    reject(new NetFailure('aborted', 'cancelled'));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
});

/** Checks one URL: again after a pause while it fails, up to the failures needed to call it dead. */
export async function checkUrl(session: LinkSession, url: string, earlierFailures = 0): Promise<LinkInfo> {
  const s = session.settings;
  const attempts: Attempt[] = [];
  for (;;) {
    const { attempt } = await checkOnce(session, url);
    attempts.push(attempt);
    if (!attempt.failure) break;
    const deadSoFar = earlierFailures + attempts.filter((a) => a.failure === 'dead').length;
    if (attempt.failure === 'dead' && deadSoFar >= s.deadAfterFailures) break;
    // "twice with a pause": more failures than two must come from separate days (the cache keeps the count)
    if (attempts.length >= 2) break;
    await sleep(s.retryPauseMs, session.options.signal);
  }
  const now = (session.options.now ?? (() => new Date()))();
  return combine(attempts, now.toISOString(), earlierFailures, s.deadAfterFailures);
}

/** Checks URLs (distinct, as keyed) with the cache; returns a result per URL. Rejects with NetFailure('aborted') on cancel. */
export async function checkUrls(urls: readonly string[], options: CheckOptions = {}): Promise<Map<string, LinkInfo>> {
  const session = new LinkSession(options);
  const results = new Map<string, LinkInfo>();
  const now = (options.now ?? (() => new Date()))();
  let done = 0;
  const total = urls.length;
  await Promise.all(urls.map(async (url) => {
    const cached = options.cache?.get(url);
    let info: LinkInfo;
    if (cached && now.getTime() - Date.parse(cached.checkedAt) < session.settings.cacheMaxAgeMs) info = cached;
    else {
      // failures on an earlier day count towards "dead"
      const earlier = cached && cached.checkedAt.slice(0, 10) !== now.toISOString().slice(0, 10) && (cached.status === 'dead' || cached.status === 'unreachable') ? cached.failures ?? 1 : 0;
      info = await checkUrl(session, url, earlier);
    }
    if ((info.status === 'dead' || info.status === 'soft-404') && info.archive === undefined && options.archiveDates?.has(url)) {
      try {
        info = { ...info, archive: await findArchive(session, url, options.archiveDates.get(url)!) };
      } catch (e) {
        if (e instanceof NetFailure && e.kind === 'aborted') throw e;
        // the archive service failed: leave `archive` unset (not looked up), never invent one
      }
    }
    results.set(url, info);
    options.cache?.set(url, info);
    options.onProgress?.(++done, total, url);
  }));
  return results;
}
