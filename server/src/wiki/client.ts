/**
 * The MediaWiki Action API request layer: Node's built-in `fetch` (injectable for tests), the Wikimedia API
 * etiquette, and nothing about any particular module. Higher layers (`pages.ts`, `profile.ts`, and the write
 * operations of the editor integration) call `get` and `post`.
 *
 * - A descriptive User-Agent naming the tool, its version and where to report problems.
 * - Requests to one site run in series (one queue per API endpoint, shared by all clients in the process).
 * - `format=json&formatversion=2`, `maxlag=5`; gzip is asked for and decoded by fetch itself.
 * - Bounded retries: maxlag errors, 429 and 503 wait as long as `Retry-After` says (up to a cap); network
 *   errors and other 5xx back off exponentially. Every attempt has a timeout.
 * - Each client has its own cookie jar (session cookies after a login), sent back on every request.
 * - Every failure is a `WikiError` whose message names the site and the page.
 *
 * Write operations go in their own modules on top of `get`/`post` and one client per user session: a login is
 * `get({action:'query', meta:'tokens', type:'login'})` then `post({action:'login', lgname, lgpassword, lgtoken})`
 * (the session cookie stays in this client's jar); an edit takes a csrf token and posts `action=edit` with
 * `baserevid`, `basetimestamp` (`WikiPage.timestamp`) and `starttimestamp` (`WikiPage.fetchedAt`).
 * `scripts/test-wiki.sh` prints a bot password (WIKI_BOT_USER/WIKI_BOT_PASSWORD) for such tests.
 */
import { WikiError, networkError } from './errors';
import { resolveSite, SiteRef } from './site';

export const TOOL_VERSION = '0.1.0';
export const USER_AGENT = `wikitext-lint/${TOOL_VERSION} (https://github.com/wikitext-tools/wikitext-lint; wikitext-lint@users.noreply.github.com)`;

export interface WikiClientOptions {
  /** The fetch to use (tests inject one that counts or fails); default the global `fetch`. */
  fetch?: typeof fetch;
  userAgent?: string;
  /** Per attempt, including reading the body. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** The `maxlag` parameter in seconds; `null` leaves it out. Default 5. */
  maxlag?: number | null;
  /** First back-off delay for network errors and 5xx without Retry-After; doubles each retry. Default 1 s. */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails at once. Default 60 s. */
  maxRetryAfterMs?: number;
  /** How to wait (tests make it instant or record it). */
  sleep?: (ms: number) => Promise<void>;
  /** An answer longer than this many bytes is refused (a hostile or broken server streaming without end). Default 64 MB. */
  maxAnswerBytes?: number;
}

/** Too large: the body was not read to its end. */
class TooLarge {
  constructor(readonly bytes: number) {}
}

/** The body as text, or TooLarge once more than `cap` bytes have come (the rest is not read). */
async function readCapped(res: Response, cap: number): Promise<string | TooLarge> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > cap) {
    await res.body?.cancel().catch(() => undefined);
    return new TooLarge(declared);
  }
  const reader = res.body && typeof res.body.getReader === 'function' ? res.body.getReader() : undefined;
  if (!reader) return res.text();
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return new TooLarge(total);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** API parameters: booleans are present (true) or absent, arrays are joined with `|`. */
export type ApiParams = Record<string, string | number | boolean | readonly string[] | undefined | null>;

/** What a request is about, for error messages. */
export interface RequestContext {
  page?: string;
  /** Per-request timeout override. */
  timeoutMs?: number;
}

// One queue per endpoint for the whole process: requests to a site never overlap, whichever client sends them.
const queues = new Map<string, Promise<void>>();

function inSeries<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(key) ?? Promise.resolve();
  const run = prev.then(fn);
  const tail = run.then(() => undefined, () => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

function encode(params: ApiParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === false) continue;
    if (v === true) out.set(k, '1');
    else if (Array.isArray(v)) {
      // values holding a pipe use the unit-separator form the API accepts
      out.set(k, v.some((x) => x.includes('|')) ? `\x1f${v.join('\x1f')}` : v.join('|'));
    } else out.set(k, String(v));
  }
  return out;
}

/** Retry-After in ms: delta-seconds or an HTTP date. */
function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

const PERMISSION_CODES = new Set(['readapidenied', 'permissiondenied', 'mustbeloggedin', 'notloggedin', 'writeapidenied', 'protectedpage', 'blocked', 'assertuserfailed', 'assertbotfailed']);

/** Something to retry, with the delay the server asked for (if any). */
class Retry {
  constructor(readonly error: WikiError, readonly afterMs: number | undefined) {}
}

export class WikiClient {
  readonly site: SiteRef;
  /** Cookies by name (the session after a login). */
  readonly cookies = new Map<string, string>();
  private readonly fetchImpl: typeof fetch;
  readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly maxlag: number | null;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAnswerBytes: number;
  /** Requests sent, retries included (for tests and timing notes). */
  requestCount = 0;
  /** An `Authorization` header value sent on every request (an OAuth 2 owner-only token: `Bearer ...`). */
  authorization: string | undefined;

  constructor(site: SiteRef, options: WikiClientOptions = {}) {
    this.site = site;
    this.fetchImpl = options.fetch ?? fetch;
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.maxlag = options.maxlag === undefined ? 5 : options.maxlag;
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.maxAnswerBytes = options.maxAnswerBytes ?? 64 * 1024 * 1024;
  }

  /** A client for a site as the user named it (`en`, `enwiki`, `de.wikipedia.org`, an api.php URL...). */
  static async connect(site: string, options: WikiClientOptions = {}): Promise<WikiClient> {
    return new WikiClient(await resolveSite(site, options.fetch, options.userAgent ?? USER_AGENT), options);
  }

  /** GET api.php with these parameters; returns the parsed JSON (errors thrown as WikiError). */
  get(params: ApiParams, ctx: RequestContext = {}): Promise<any> {
    return this.request('GET', params, ctx);
  }

  /** POST api.php (form-encoded body); for actions that need it (login, edit, parse of long text). */
  post(params: ApiParams, ctx: RequestContext = {}): Promise<any> {
    return this.request('POST', params, ctx);
  }

  async request(method: 'GET' | 'POST', params: ApiParams, ctx: RequestContext = {}): Promise<any> {
    const all = encode({ format: 'json', formatversion: 2, maxlag: this.maxlag ?? undefined, ...params });
    return inSeries(this.site.api, async () => {
      let backoff = this.backoffMs;
      for (let attempt = 0; ; attempt++) {
        const outcome = await this.attempt(method, all, ctx);
        if (!(outcome instanceof Retry)) return outcome;
        const wait = outcome.afterMs ?? backoff;
        if (attempt >= this.retries) throw outcome.error;
        if (wait > this.maxRetryAfterMs) {
          const e = outcome.error;
          throw new WikiError(e.code, e.site, e.page, `${e.detail} (asked to wait ${Math.round(wait / 1000)} s: not waiting that long)`);
        }
        await this.sleep(wait);
        backoff *= 2;
      }
    });
  }

  private cookieHeader(): string | undefined {
    if (!this.cookies.size) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private storeCookies(res: Response): void {
    const list = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
    for (const c of list) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a))
        || attrs.some((a) => { const m = /^\s*expires\s*=(.*)$/i.exec(a); return !!m && Date.parse(m[1]) < Date.now(); })
        || value === 'deleted';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private async attempt(method: 'GET' | 'POST', params: URLSearchParams, ctx: RequestContext): Promise<any | Retry> {
    const site = this.site.name;
    const page = ctx.page;
    const timeoutMs = ctx.timeoutMs ?? this.timeoutMs;
    const headers: Record<string, string> = { 'User-Agent': this.userAgent, Accept: 'application/json' };
    const cookie = this.cookieHeader();
    if (cookie) headers.Cookie = cookie;
    if (this.authorization) headers.Authorization = this.authorization;
    let url = this.site.api;
    let body: string | undefined;
    if (method === 'GET') url += `?${params}`;
    else {
      body = params.toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    this.requestCount++;
    let res: Response;
    let text: string | TooLarge;
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      res = await this.fetchImpl(url, { method, headers, body, signal, redirect: 'follow' });
      text = await readCapped(res, this.maxAnswerBytes);
    } catch (e) {
      const err = networkError(e, site, page, timeoutMs);
      // refused, reset, dropped: worth another try; a timeout, DNS or TLS failure is not
      return err.code === 'network' ? new Retry(err, undefined) : Promise.reject(err);
    }
    if (text instanceof TooLarge) {
      throw new WikiError('http', site, page, `the answer is larger than ${Math.round(this.maxAnswerBytes / 1048576)} MB (over ${text.bytes} bytes): refused`);
    }
    this.storeCookies(res);
    const after = retryAfterMs(res.headers.get('retry-after'));
    if (res.status === 429) return new Retry(new WikiError('ratelimited', site, page, 'too many requests (HTTP 429): the wiki asks to slow down'), after);
    if (res.status >= 500 && !isJson(res, text)) {
      return new Retry(new WikiError('http', site, page, `HTTP ${res.status} ${res.statusText || ''}`.trim() + htmlTitle(text)), after);
    }
    let data: any;
    try {
      data = JSON.parse(text);
    } catch {
      const code = res.status >= 400 ? 'http' : 'not-json';
      throw new WikiError(code, site, page, `the answer is not JSON (HTTP ${res.status}${htmlTitle(text)}); is ${this.site.api} a MediaWiki api.php?`);
    }
    if (data && typeof data === 'object' && data.error) {
      const apiCode = String(data.error.code ?? 'unknown');
      const info = String(data.error.info ?? data.error.text ?? '');
      if (apiCode === 'maxlag') return new Retry(new WikiError('maxlag', site, page, `the wiki's database is lagged (${info}); retried`, apiCode), after ?? 5000);
      if (apiCode === 'ratelimited') return new Retry(new WikiError('ratelimited', site, page, `rate limited: ${info}`, apiCode), after);
      if (PERMISSION_CODES.has(apiCode)) throw new WikiError('permission', site, page, `permission denied (${apiCode}): ${info}`, apiCode);
      throw new WikiError('api', site, page, `API error ${apiCode}: ${info}`, apiCode);
    }
    if (res.status >= 400) throw new WikiError('http', site, page, `HTTP ${res.status}`);
    return data;
  }
}

function isJson(res: Response, text: string): boolean {
  if (!/json/i.test(res.headers.get('content-type') ?? '')) return false;
  try {
    return !!JSON.parse(text)?.error;
  } catch {
    return false;
  }
}

function htmlTitle(text: string): string {
  const t = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(text)?.[1]?.trim();
  return t ? `: "${t}"` : '';
}
