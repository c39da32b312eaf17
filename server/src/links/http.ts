/**
 * HTTP for the link checker: one request at a time per call, no cookies kept, no keep-alive, timeouts on
 * connecting and on the whole request, bodies read up to a cap, a descriptive User-Agent, and an injectable
 * DNS lookup (tests resolve fixture host names to 127.0.0.1 and simulate DNS failures without any query).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { NetError } from '../core/links/verdict';

export const VERSION = '0.1.0';
export const USER_AGENT = `wikitext-lint/${VERSION} (https://github.com/wikitext-tools/wikitext-lint; wikitext-lint@users.noreply.github.com)`;

/** A failed request, with the kind the verdict needs. */
export class NetFailure extends Error {
  constructor(public kind: NetError | 'aborted', message: string) {
    super(message);
  }
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body was longer than the cap and was cut. */
  truncated: boolean;
}

export interface RequestOptions {
  method: 'HEAD' | 'GET';
  headers?: Record<string, string>;
  /** Bytes of body to keep (the rest is not read: the connection is closed). 0 for none. */
  maxBody: number;
  timeoutMs: number;
  connectTimeoutMs: number;
  lookup?: LookupFunction;
  signal?: AbortSignal;
}

function classify(e: NodeJS.ErrnoException): NetFailure {
  const code = e.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') return new NetFailure('dns', code);
  if (code === 'ECONNREFUSED') return new NetFailure('refused', code);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'HPE_INVALID_CONSTANT' || /socket hang up/.test(e.message)) return new NetFailure('reset', code || e.message);
  if (/^ERR_TLS|CERT|SSL/.test(code)) return new NetFailure('tls', code);
  if (code === 'ETIMEDOUT') return new NetFailure('timeout', code);
  return new NetFailure('other', code || e.message);
}

/** Makes one request (no redirects followed). Rejects with a NetFailure. */
export function httpRequest(url: string, o: RequestOptions): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      reject(new NetFailure('other', 'not a valid URL'));
      return;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      reject(new NetFailure('other', `unsupported scheme ${u.protocol}`));
      return;
    }
    if (o.signal?.aborted) {
      reject(new NetFailure('aborted', 'cancelled'));
      return;
    }
    const mod = u.protocol === 'https:' ? https : http;
    let done = false;
    const finish = (err: NetFailure | null, res?: HttpResponse) => {
      if (done) return;
      done = true;
      clearTimeout(total);
      clearTimeout(connect);
      o.signal?.removeEventListener('abort', onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(res!);
    };
    const req = mod.request(u, {
      method: o.method,
      agent: false,
      headers: { 'User-Agent': USER_AGENT, Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', 'Accept-Encoding': 'identity', ...o.headers },
      ...(o.lookup ? { lookup: o.lookup } : {}),
    });
    const onAbort = () => finish(new NetFailure('aborted', 'cancelled'));
    o.signal?.addEventListener('abort', onAbort);
    const total = setTimeout(() => finish(new NetFailure('timeout', `no complete answer in ${o.timeoutMs} ms`)), o.timeoutMs);
    const connect = setTimeout(() => finish(new NetFailure('timeout', `no connection in ${o.connectTimeoutMs} ms`)), o.connectTimeoutMs);
    req.on('socket', (s) => {
      if (!s.connecting) clearTimeout(connect);
      else s.once('connect', () => clearTimeout(connect));
    });
    req.on('error', (e) => finish(classify(e as NodeJS.ErrnoException)));
    req.on('response', (res) => {
      clearTimeout(connect);
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const result = () => ({ url, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated });
      if (o.method === 'HEAD' || o.maxBody === 0) {
        res.resume();
        finish(null, result());
        return;
      }
      res.on('data', (c: Buffer) => {
        if (done) return;
        const room = o.maxBody - size;
        if (c.length >= room) {
          chunks.push(c.subarray(0, room));
          size += room;
          truncated = true;
          finish(null, result());
          res.destroy();
          return;
        }
        chunks.push(c);
        size += c.length;
      });
      res.on('end', () => finish(null, result()));
      res.on('error', (e) => finish(classify(e as NodeJS.ErrnoException)));
      res.on('aborted', () => finish(new NetFailure('reset', 'the server closed the connection mid-answer')));
    });
    req.end();
  });
}
