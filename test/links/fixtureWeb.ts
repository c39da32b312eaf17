/**
 * A fixture web on 127.0.0.1 for the link checker's tests: virtual hosts (`*.test`, chosen by the Host header)
 * with every case the link checker must judge, local stand-ins for the Wayback availability and CDX APIs,
 * doi.org and Open Library (answering in the shapes recorded in fixtures/api-shapes.json), and a DNS lookup
 * to inject that resolves `*.test` to 127.0.0.1 without any query (and fails for `nxdomain.test`).
 * The server counts requests and concurrent connections per host.
 */
import * as http from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const shapes = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'api-shapes.json'), 'utf8'));

export interface HostStats {
  requests: number;
  active: number;
  maxActive: number;
  starts: number[];
}

export interface FixtureWeb {
  port: number;
  /** `http://<host>.test:<port><path>` */
  url(host: string, path: string): string;
  stats: Map<string, HostStats>;
  /** Every request: host, method, path. */
  log: { host: string; method: string; path: string }[];
  lookup: LookupFunction;
  /** Archived snapshots the stand-in Wayback knows: original URL -> timestamps (all status 200 unless listed in `non200`). */
  archive: Map<string, string[]>;
  non200: Set<string>;
  /** Extra routes: `${host}${path}` -> handler. */
  routes: Map<string, (req: http.IncomingMessage, res: http.ServerResponse) => void>;
  /** Requests currently open (for cancellation tests). */
  open(): number;
  close(): Promise<void>;
}

function html(res: http.ServerResponse, body: string, opts: { status?: number; chunked?: boolean; type?: string; headers?: Record<string, string> } = {}): void {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(opts.status ?? 200, { 'Content-Type': opts.type ?? 'text/html; charset=utf-8', ...(opts.chunked ? {} : { 'Content-Length': String(buf.length) }), ...opts.headers });
  res.end(res.req.method === 'HEAD' ? undefined : buf);
}

const page = (title: string, head = '', body = '<p>Text.</p>') => `<!DOCTYPE html><html><head><title>${title}</title>${head}</head><body>${body}</body></html>`;

export const META_PAGES: Record<string, string> = {
  '/meta/highwire': page('Ordinary water | Science', `<meta name="citation_title" content="The Structure of Ordinary Water"><meta name="citation_author" content="Frank, H. S."><meta name="citation_author" content="Wen, W.-Y."><meta name="citation_journal_title" content="Science"><meta name="citation_publication_date" content="1970/08/14"><meta name="citation_doi" content="10.1126/science.169.3946.635"><meta name="citation_volume" content="169"><meta name="citation_issue" content="3946"><meta name="citation_firstpage" content="635"><meta name="citation_lastpage" content="641"><meta property="og:title" content="Not this one">`),
  '/meta/og': page('Storm hits coast &ndash; Example News', `<meta property="og:title" content="Storm hits coast"><meta property="og:site_name" content="Example News"><meta property="og:type" content="article"><meta property="article:published_time" content="2021-03-05T10:00:00Z"><meta name="author" content="Jane Smith"><meta property="og:locale" content="en_GB">`),
  '/meta/dc': page('DC page', `<meta name="DC.title" content="Annual Report 2019"><meta name="DC.creator" content="Ministry of Examples"><meta name="DC.date" content="2019-06-30"><meta name="DC.publisher" content="Ministry of Examples"><meta name="DC.language" content="fr">`),
  '/meta/jsonld': page('Ignored title', `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Budget passes &amp; parliament adjourns","datePublished":"2022-12-01T08:00:00+01:00","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],"publisher":{"@type":"Organization","name":"The Daily Example"}}</script>`),
  '/meta/title': page('Plain page title - Some Site'),
  '/meta/generic': page('Just a moment...'),
  '/meta/isbn': page('A book', `<meta name="citation_isbn" content="0451526538">`),
};

/** Starts the fixture web. */
export async function startFixtureWeb(): Promise<FixtureWeb> {
  const stats = new Map<string, HostStats>();
  const log: FixtureWeb['log'] = [];
  const counters = new Map<string, number>();
  const archive = new Map<string, string[]>();
  const non200 = new Set<string>();
  const routes = new Map<string, (req: http.IncomingMessage, res: http.ServerResponse) => void>();
  const sockets = new Set<import('node:net').Socket>();
  let openRequests = 0;
  let port = 0;
  const u = (host: string, path: string) => `http://${host}.test:${port}${path}`;

  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/\.test$/, '');
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const s = stats.get(host) ?? { requests: 0, active: 0, maxActive: 0, starts: [] };
    stats.set(host, s);
    s.requests++;
    s.active++;
    s.maxActive = Math.max(s.maxActive, s.active);
    s.starts.push(Date.now());
    openRequests++;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      s.active--;
      openRequests--;
    };
    res.on('finish', end);
    res.on('close', end);
    log.push({ host, method: req.method ?? '', path: path + url.search });
    const key = `${host}${path}`;
    const n = (counters.get(key + req.method) ?? 0) + 1;
    counters.set(key + req.method, n);
    const nAll = (counters.get(key) ?? 0) + 1;
    counters.set(key, nAll);
    const extra = routes.get(key);
    if (extra) return extra(req, res);

    if (host === 'archive') {
      if (path === '/wayback/available') {
        const target = url.searchParams.get('url') ?? '';
        const ts = (url.searchParams.get('timestamp') ?? '').padEnd(14, '0');
        const snaps = archive.get(target) ?? [];
        if (!snaps.length) return json(res, shapes.waybackAvailable.notFound);
        // the real API answers the closest either side
        const best = [...snaps].sort((a, b) => Math.abs(Number(a) - Number(ts)) - Math.abs(Number(b) - Number(ts)))[0];
        return json(res, { archived_snapshots: { closest: { available: true, url: `http://web.archive.org/web/${best}/${target}`, timestamp: best, status: non200.has(best) ? '404' : '200' } } });
      }
      if (path === '/cdx/search/cdx') {
        const target = url.searchParams.get('url') ?? '';
        const from = url.searchParams.get('from'), to = url.searchParams.get('to');
        const limit = Number(url.searchParams.get('limit') ?? '0');
        const only200 = url.searchParams.get('filter') === 'statuscode:200';
        let rows = (archive.get(target) ?? []).slice().sort()
          .filter((t) => (!from || t.slice(0, from.length) >= from) && (!to || t.slice(0, to.length) <= to))
          .filter((t) => !only200 || !non200.has(t));
        if (limit > 0) rows = rows.slice(0, limit);
        if (limit < 0) rows = rows.slice(limit);
        if (!rows.length) return json(res, []);
        return json(res, [['timestamp', 'original', 'statuscode'], ...rows.map((t) => [t, target, non200.has(t) ? '404' : '200'])]);
      }
    }
    if (host === 'doi') {
      const doi = decodeURIComponent(path.slice(1));
      if (!/csl\+json/.test(String(req.headers.accept))) return html(res, page('DOI'), { status: 406 });
      if (doi === shapes.doiCslJson.example.DOI) return json(res, shapes.doiCslJson.example, 'application/vnd.citationstyles.csl+json');
      return html(res, page('DOI Not Found'), { status: 404 });
    }
    if (host === 'openlibrary' && path === '/api/books') {
      const key = url.searchParams.get('bibkeys') ?? '';
      return json(res, key === 'ISBN:0451526538' ? shapes.openLibraryBooks.example : {});
    }

    if (host === 'wbm') return html(res, page('Wayback Machine copy'));

    switch (path) {
      case '/':
        return html(res, page('Home'));
      case '/live':
      case '/perm-new':
      case '/r3':
        return html(res, page('A live page'));
      case '/dead404':
        return html(res, page('Not Found'), { status: 404 });
      case '/gone410':
        return html(res, page('Gone'), { status: 410 });
      case '/flaky':
        return nAll === 1 ? html(res, page('Error'), { status: 500 }) : html(res, page('Back'));
      case '/always500':
        return html(res, page('Error'), { status: 500 });
      case '/r1':
        return redirect(res, 301, u(host, '/r2'));
      case '/r2':
        return redirect(res, 301, '/r3');
      case '/loop-a':
        return redirect(res, 301, '/loop-b');
      case '/loop-b':
        return redirect(res, 301, '/loop-a');
      case '/chain-long': {
        const k = Number(url.searchParams.get('k') ?? '0');
        return redirect(res, 302, `/chain-long?k=${k + 1}`);
      }
      case '/perm-old':
        return redirect(res, 308, '/perm-new');
      case '/temp':
        return redirect(res, 302, '/live');
      case '/deep/2019/story.html':
        return redirect(res, 302, '/');
      case '/missing-page':
        return redirect(res, 302, '/errors/404.html');
      case '/errors/404.html':
        return html(res, page('Sorry'));
      case '/soft':
        return html(res, page('Page not found | Example'), { chunked: true });
      case '/slow':
        setTimeout(() => { if (!res.destroyed) html(res, page('Late')); }, 5000).unref();
        return;
      case '/close':
        req.socket.destroy();
        return;
      case '/paywall':
        return html(res, page('Just a moment...', '', '<div id="cf-chl-widget">Checking your browser</div>'), { status: 403, headers: { 'cf-mitigated': 'challenge' } });
      case '/forbidden':
        return html(res, page('Forbidden'), { status: 403 });
      case '/login':
        return html(res, page('Sign in'), { status: 401 });
      case '/head405':
        if (req.method === 'HEAD') return html(res, '', { status: 405 });
        return html(res, page('GET only'));
      case '/retry-after':
        if (nAll === 1) return html(res, page('Slow down'), { status: 429, headers: { 'Retry-After': '1' } });
        return html(res, page('Thanks for waiting'));
      case '/cp1251': {
        // "Новости" (News) in windows-1251
        const title = Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8]);
        const body = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>'), title, Buffer.from('</title></head><body></body></html>')]);
        res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(body.length) });
        return res.end(req.method === 'HEAD' ? undefined : body);
      }
      case '/big': {
        // 20 MB of HTML, streamed; the reader must stop at its cap
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(20 * 1024 * 1024) });
        if (req.method === 'HEAD') return res.end();
        res.write('<html><head><title>Big page</title></head><body>');
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 20 * 1024 * 1024 - 64 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => { sent = Infinity; });
        return pump();
      }
      case '/binary': {
        const bytes = Buffer.alloc(300_000);
        for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) & 0xff;
        res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(bytes.length) });
        return res.end(req.method === 'HEAD' ? undefined : bytes);
      }
    }
    const meta = META_PAGES[path];
    if (meta) return html(res, meta);
    if (path.startsWith('/page/')) return html(res, page(`Page ${path.slice(6)}`));
    if (path.startsWith('/gone/')) return html(res, page('Not Found'), { status: 404 });
    return html(res, page('Not Found'), { status: 404 });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  const lookup: LookupFunction = ((hostname: string, options: unknown, cb?: unknown) => {
    const callback = (typeof options === 'function' ? options : cb) as (err: NodeJS.ErrnoException | null, address?: unknown, family?: number) => void;
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
    if (!hostname.endsWith('.test') || hostname === 'nxdomain.test') {
      const e = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }) as NodeJS.ErrnoException;
      process.nextTick(() => callback(e));
      return;
    }
    process.nextTick(() => (all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)));
  }) as LookupFunction;

  return {
    get port() { return port; },
    url: u,
    stats,
    log,
    lookup,
    archive,
    non200,
    routes,
    open: () => openRequests,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

function json(res: http.ServerResponse, value: unknown, type = 'application/json'): void {
  const buf = Buffer.from(JSON.stringify(value));
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(buf.length) });
  res.end(res.req.method === 'HEAD' ? undefined : buf);
}

function redirect(res: http.ServerResponse, status: number, location: string): void {
  res.writeHead(status, { Location: location, 'Content-Length': '0' });
  res.end();
}
