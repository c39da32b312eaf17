/**
 * `wikitext-lint profile` (server/src/wiki/citationProfileBuilder.ts) against hostile local HTTP servers posing
 * as MediaWiki's api.php: endless continuation, a body that stalls half way, a body that never ends, enormous
 * TemplateData and redirect lists, redirect loops, titles with control characters and bidi marks, huge
 * allmessages, site names that would write outside the cache directory. Each build must end (an error naming
 * the site, or a profile the readers accept), write nothing outside the cache directory, and print no control
 * characters. Servers listen on 127.0.0.1 at an ephemeral port; growth is checked by request counts and ratios.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { WikiClient } from '../../server/src/wiki/client';
import { buildCitationProfile, buildAndCacheCitationProfile, citationProfileCacheFile } from '../../server/src/wiki/citationProfileBuilder';
import { readCitationProfileFile } from '../../server/src/wiki/citationProfileCache';
import { profileCommand } from '../../server/src/cli/profileCommand';
import { parseCitationProfile } from '../../server/src/core/citationProfile';
import type { CitationProfile } from '../../server/src/core/profile';

type Params = URLSearchParams;
type Handler = (q: Params, res: http.ServerResponse, req: http.IncomingMessage) => void;

const servers: http.Server[] = [];
after(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

/** A local server; `handler` answers api.php. Returns the api URL and a request counter. */
async function wiki(handler: Handler, path = '/w/api.php'): Promise<{ api: string; count: () => number }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    n++;
    const u = new URL(req.url ?? '/', 'http://x');
    handler(u.searchParams, res, req);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { api: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, count: () => n };
}

function json(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** An ordinary answer for each request the builder makes, with `over` replacing some. */
function ordinary(q: Params): unknown {
  if (q.get('meta') === 'siteinfo') return { query: { general: { lang: 'de', generator: 'MediaWiki 1.39' } } };
  if (q.get('prop') === 'redirects') {
    const titles = (q.get('titles') ?? '').split(/[|\x1f]/).filter(Boolean);
    return { query: { pages: titles.map((t) => ({ title: t, redirects: [] })) } };
  }
  if (q.get('action') === 'templatedata') return { pages: {} };
  if (q.get('meta') === 'allmessages') return { query: { allmessages: [] } };
  if (q.get('action') === 'expandtemplates') return { expandtemplates: { wikitext: '0123456789' } };
  return { error: { code: 'badvalue', info: 'unexpected request' } };
}

const MAP: CitationProfile = parseCitationProfile({ templates: { Internetquelle: 'cite web' }, parameters: { titel: 'title' } });
const client = (api: string, opts: ConstructorParameters<typeof WikiClient>[1] = {}) =>
  new WikiClient({ api, name: new URL(api).host }, { retries: 0, backoffMs: 1, maxlag: null, sleep: async () => undefined, timeoutMs: 20_000, ...opts });

/** Runs a build and returns what it ended with: the profile or the error. */
async function outcome<T>(p: Promise<T>): Promise<{ value?: T; error?: Error }> {
  try {
    return { value: await p };
  } catch (e) {
    return { error: e as Error };
  }
}

test('endless continuation of prop=redirects: the build stops with an error naming the site', { timeout: 120_000 }, async () => {
  // a hostile wiki that always says there is more (it gives up after 5,000 requests, so a missing bound fails, not hangs)
  let k = 0;
  const w = await wiki((q, res) => {
    if (q.get('prop') === 'redirects' && w.count() < 5_000) {
      const title = (q.get('titles') ?? '').split(/[|\x1f]/)[0];
      json(res, { continue: { rdcontinue: String(++k), continue: '||' }, query: { pages: [{ title, redirects: [{ title: `Template:R${k}` }] }] } });
    } else json(res, ordinary(q));
  });
  const r = await outcome(buildCitationProfile(client(w.api), MAP));
  assert.ok(w.count() < 1_000, `${w.count()} requests to a wiki whose continuation never ends`);
  assert.ok(r.error, 'the build fails');
  assert.ok(r.error.message.includes(new URL(w.api).host), r.error.message);
  assert.match(r.error.message, /continu/);
});

test('a body that stalls half way: a timeout naming the site', { timeout: 60_000 }, async () => {
  const w = await wiki((q, res) => {
    if (q.get('action') === 'templatedata') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"pages":{"1":{"title":"Vorlage:Internetquelle","params":{'); // and nothing more
    } else json(res, ordinary(q));
  });
  const r = await outcome(buildCitationProfile(client(w.api, { timeoutMs: 1_000 }), MAP));
  assert.ok(r.error, 'the build fails');
  assert.match(r.error.message, new RegExp(`^${new URL(w.api).host.replace(/\./g, '\\.')}: .*timed out`));
});

test('a body that never ends: refused at a size cap, naming the site, before the timeout', { timeout: 120_000 }, async () => {
  const chunk = Buffer.alloc(1 << 20, 0x20); // JSON whitespace
  const w = await wiki((q, res) => {
    if (q.get('action') !== 'templatedata') return json(res, ordinary(q));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"pages":');
    let sent = 0;
    const more = () => {
      // stop after 256 MB (four times the cap) so that a client without a cap ends too, without taking the machine
      while (sent < 256 && res.write(chunk)) sent++;
      if (sent < 256) res.once('drain', more);
      else res.end('{}}');
    };
    res.on('close', () => { sent = 256; });
    more();
  });
  const r = await outcome(buildCitationProfile(client(w.api, { timeoutMs: 100_000 }), MAP));
  assert.ok(r.error, 'the build fails');
  assert.ok(r.error.message.startsWith(`${new URL(w.api).host}: `), r.error.message);
  assert.match(r.error.message, /larger than/);
});

test('HTTP redirect loop: an error naming the site', { timeout: 60_000 }, async () => {
  const w = await wiki((_q, res, req) => {
    res.writeHead(302, { Location: req.url ?? '/' });
    res.end();
  });
  const r = await outcome(buildCitationProfile(client(w.api), MAP));
  assert.ok(r.error, 'the build fails');
  assert.ok(r.error.message.startsWith(`${new URL(w.api).host}: `), r.error.message);
  assert.ok(w.count() < 100, `${w.count()} requests`);
});

/** A wiki whose Template:Internetquelle has `redirects` redirects and TemplateData with `params` parameters of `aliases` aliases each. */
async function bigWiki(redirects: number, params: number, aliases: number) {
  return wiki((q, res) => {
    if (q.get('prop') === 'redirects') {
      json(res, { query: { pages: [{ title: 'Template:Internetquelle', redirects: Array.from({ length: redirects }, (_, i) => ({ title: `Template:IQ${i}` })) }] } });
    } else if (q.get('action') === 'templatedata') {
      const p: Record<string, { aliases: string[] }> = {};
      for (let i = 0; i < params; i++) p[`p${i}`] = { aliases: Array.from({ length: aliases }, (_, j) => `p${i}a${j}`) };
      json(res, { pages: { 1: { title: 'Template:Internetquelle', params: p } } });
    } else json(res, ordinary(q));
  });
}

async function timeBuild(redirects: number, params: number, aliases: number): Promise<number> {
  const w = await bigWiki(redirects, params, aliases);
  const t0 = performance.now();
  const r = await outcome(buildCitationProfile(client(w.api), MAP));
  const ms = performance.now() - t0;
  if (r.error) assert.ok(r.error.message.includes(new URL(w.api).host), r.error.message);
  return ms;
}

test('enormous TemplateData: building stays linear in the number of parameters', { timeout: 300_000 }, async () => {
  await timeBuild(0, 5_000, 1);
  const small = Math.max(await timeBuild(0, 5_000, 1), 5);
  const large = await timeBuild(0, 40_000, 1);
  assert.ok(large < small * 8 * 4 + 200, `5,000 parameters: ${small.toFixed(0)} ms; 40,000: ${large.toFixed(0)} ms`);
});

test('thousands of redirects: building stays linear in the number of redirects', { timeout: 300_000 }, async () => {
  await timeBuild(5_000, 1, 0);
  const small = Math.max(await timeBuild(5_000, 1, 0), 5);
  const large = await timeBuild(40_000, 1, 0);
  assert.ok(large < small * 8 * 4 + 200, `5,000 redirects: ${small.toFixed(0)} ms; 40,000: ${large.toFixed(0)} ms`);
});

test('many redirects times many parameters: the build fails clearly or writes a profile the readers accept', { timeout: 300_000 }, async () => {
  const w = await bigWiki(500, 2_000, 1);
  const cache = mkdtempSync(join(tmpdir(), 'wikitext-lint-hostile-wiki-'));
  const r = await outcome(buildAndCacheCitationProfile(client(w.api), { cacheDir: cache, refresh: true }).catch((e) => { throw e; }));
  if (r.error) {
    assert.ok(r.error.message.includes(new URL(w.api).host), r.error.message);
    assert.match(r.error.message, /too large|larger than|over the 5 MB/);
  } else {
    // what was cached must be usable: --profile auto reads it
    assert.doesNotThrow(() => readCitationProfileFile(r.value!.file));
  }
});

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

test('titles with control characters and bidi marks: kept as data, never printed raw', { timeout: 60_000 }, async () => {
  const evil = ['Template:A\u001b]0;owned\u0007', 'Template:B\u202egnp.exe', 'Template:C/../../x', 'Template:..', 'Template:D\u0000E'];
  const w = await wiki((q, res) => {
    if (q.get('prop') === 'redirects') json(res, { query: { redirects: [{ from: 'Template:Internetquelle', to: evil[0] }], pages: [{ title: evil[0], redirects: evil.slice(1).map((title) => ({ title })) }] } });
    else json(res, ordinary(q));
  });
  const r = await outcome(buildCitationProfile(client(w.api), MAP));
  assert.ok(r.value, r.error?.message);
  // the names are data: the profile keeps them (a wiki may have odd titles) and the readers accept it
  const names = Object.keys(r.value!.profile.templates);
  assert.ok(names.includes('B\u202egnp.exe'), names.join(', '));
  assert.doesNotThrow(() => parseCitationProfile(JSON.parse(JSON.stringify(r.value!.profile))));
  // but the notes printed to a terminal carry no escape sequences or bidi overrides
  for (const n of r.value!.notes) assert.ok(!CONTROL.test(n), `a note with a control character: ${JSON.stringify(n)}`);
});

test('huge allmessages: month names too long or too many are left out, the build succeeds', { timeout: 60_000 }, async () => {
  const w = await wiki((q, res) => {
    if (q.get('meta') === 'allmessages') {
      const names = (q.get('ammessages') ?? '').split(/[|\x1f]/);
      json(res, { query: { allmessages: [...names.map((name) => ({ name, content: 'x'.repeat(100_000) + name })), ...Array.from({ length: 50_000 }, (_, i) => ({ name: `m${i}`, content: 'y' }))] } });
    } else json(res, ordinary(q));
  });
  const r = await outcome(buildCitationProfile(client(w.api), MAP));
  if (r.error) {
    assert.ok(r.error.message.includes(new URL(w.api).host), r.error.message);
  } else {
    assert.equal(r.value!.profile.dates?.months, undefined, 'no month names of 100,000 characters');
  }
});

test('local digits that are combining marks or lone surrogates: refused or kept as ten code points, never a crash', { timeout: 60_000 }, async () => {
  for (const digits of ['\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309', '\ud800\ud801\ud802\ud803\ud804\ud805\ud806\ud807\ud808\ud809', '٠١٢٣٤٥٦٧٨']) {
    const w = await wiki((q, res) => {
      if (q.get('action') === 'expandtemplates') json(res, { expandtemplates: { wikitext: digits } });
      else json(res, ordinary(q));
    });
    const r = await outcome(buildCitationProfile(client(w.api), MAP));
    assert.ok(r.value, r.error?.message);
    const d = r.value.profile.dates?.digits;
    if (d !== undefined) assert.equal([...d].length, 10);
  }
});

/** Every file under a folder. */
function files(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(root);
  return out;
}

test('site names that would write outside the cache directory stay inside it', { timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'wikitext-lint-hostile-site-'));
  const cache = join(root, 'cache');
  for (const name of ['../../x', '..', '.', '/etc/passwd', 'a\\..\\..\\b', 'C:\\Windows\\x', 'a\u0000b', `a/${'../'.repeat(20)}tmp`, '%2e%2e%2f%2e%2e', '\u202e..']) {
    const f = citationProfileCacheFile(name, cache);
    const rel = relative(join(cache, 'profiles'), f);
    assert.ok(rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.includes(sep) && !rel.includes('/') && !/[\u0000]/.test(rel), `${JSON.stringify(name)} → ${f}`);
  }
  // a real build for a wiki whose api.php sits under odd paths
  for (const path of ['/a/..%2f..%2f..%2fb/api.php', '/%2e%2e/%2e%2e/api.php', '/x%00y/api.php']) {
    const w = await wiki((q, res) => json(res, ordinary(q)), path);
    const c = await WikiClient.connect(w.api, { retries: 0, maxlag: null });
    const mapFile = join(root, 'map.json');
    writeFileSync(mapFile, JSON.stringify(MAP));
    const r = await outcome(buildAndCacheCitationProfile(c, { cacheDir: cache, mapFile }));
    assert.ok(r.value, r.error?.message);
  }
  for (const f of files(root)) assert.ok(f.startsWith(join(cache, 'profiles') + sep) || f === join(root, 'map.json'), `written outside the cache: ${f}`);
});

test('wikitext-lint profile prints no escape sequences a hostile wiki sends in its error texts', { timeout: 60_000 }, async () => {
  const w = await wiki((_q, res) => json(res, { error: { code: 'internal_api_error', info: 'boom\u001b]0;owned\u0007\u001b[2J\u202e' } }));
  const err: string[] = [];
  const saved = process.env.WIKITEXT_LINT_CACHE;
  process.env.WIKITEXT_LINT_CACHE = mkdtempSync(join(tmpdir(), 'wikitext-lint-hostile-wiki-'));
  try {
    const code = await profileCommand(['--site', w.api, '--refresh'], { out: () => undefined, err: (s) => { err.push(s); } });
    assert.equal(code, 2);
  } finally {
    if (saved === undefined) delete process.env.WIKITEXT_LINT_CACHE;
    else process.env.WIKITEXT_LINT_CACHE = saved;
  }
  const text = err.join('');
  assert.match(text, /boom/);
  assert.ok(!CONTROL.test(text), JSON.stringify(text));
});

test('a wiki whose formatnum digits repeat a character: no local digits, the build succeeds', { timeout: 60_000 }, async () => {
  const w = await wiki((q, res) => {
    if (q.get('action') === 'expandtemplates') json(res, { expandtemplates: { wikitext: '٠٠٠٠٠٠٠٠٠٠' } });
    else json(res, ordinary(q));
  });
  const r = await outcome(buildCitationProfile(client(w.api), MAP));
  assert.ok(r.value, r.error?.message);
  assert.equal(r.value!.profile.dates?.digits, undefined);
});

/** A map of `n` citation templates, each of which the wiki has with one redirect. */
async function timeMap(n: number): Promise<number> {
  const w = await wiki((q, res) => {
    if (q.get('prop') === 'redirects') {
      const titles = (q.get('titles') ?? '').split(/[|\x1f]/).filter(Boolean);
      json(res, { query: { pages: titles.map((t) => ({ title: t, redirects: [{ title: `${t} (r)` }] })) } });
    } else json(res, ordinary(q));
  });
  const templates: Record<string, string> = {};
  for (let i = 0; i < n; i++) templates[`Q${i}`] = 'cite web';
  const map = parseCitationProfile({ templates, parameters: {} });
  const t0 = performance.now();
  const r = await outcome(buildCitationProfile(client(w.api), map));
  const ms = performance.now() - t0;
  assert.ok(r.value, r.error?.message);
  assert.equal(Object.keys(r.value!.profile.templates).length, 2 * n);
  return ms;
}

test('a map of thousands of templates: building stays linear in the map', { timeout: 300_000 }, async () => {
  await timeMap(2_000);
  const small = Math.max(await timeMap(2_000), 5);
  const large = await timeMap(16_000);
  assert.ok(large < small * 8 * 4 + 200, `2,000 templates: ${small.toFixed(0)} ms; 16,000: ${large.toFixed(0)} ms`);
});

test('redirects and parameters called __proto__, constructor, toString are kept as names', { timeout: 60_000 }, async () => {
  const w = await wiki((q, res) => {
    if (q.get('prop') === 'redirects') {
      const titles = (q.get('titles') ?? '').split(/[|\x1f]/).filter(Boolean);
      json(res, { query: { pages: titles.map((t) => ({ title: t, redirects: ['__proto__', 'constructor', 'toString'].map((n) => ({ title: `Template:${n}` })) })) } });
    } else if (q.get('action') === 'templatedata') {
      json(res, { pages: { 1: { title: 'Template:Internetquelle', params: JSON.parse('{"__proto__":{"aliases":["titel"]},"constructor":{},"hasOwnProperty":{"aliases":["valueOf"]}}') } } });
    } else json(res, ordinary(q));
  });
  const map = parseCitationProfile({ templates: { Internetquelle: 'cite web' }, parameters: { titel: 'title' }, refTemplates: { Internetquelle: { like: 'reflist' } } });
  const r = await outcome(buildCitationProfile(client(w.api), map));
  assert.ok(r.value, r.error?.message);
  const p = r.value!.profile;
  assert.deepEqual(Object.keys(p.templates).sort(), ['Internetquelle', '__proto__', 'constructor', 'toString'].sort());
  assert.equal(p.templateParameters?.['__proto__']?.['__proto__'], 'title');
  assert.ok(Object.keys(p.refTemplates ?? {}).includes('constructor'), JSON.stringify(Object.keys(p.refTemplates ?? {})));
  assert.deepEqual(Object.keys(p.unmappedParameters?.['constructor'] ?? []).length, 3);
});
