/**
 * The Action API client against a real MediaWiki (scripts/test-wiki.sh) and, for the failure cases, real local
 * HTTP servers: a proxy in front of the wiki that injects maxlag, 503s and cookies, a server that answers too
 * slowly, one that answers HTML. Skipped with a message when the MediaWiki packages are not installed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WikiClient, WikiError, readPage, USER_AGENT, parsePageUrl } from '../../server/src/wiki';
import { wikiSkipReason, startTestWiki, TestWiki } from '../helpers/testWiki';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const skip = wikiSkipReason();
let wiki: TestWiki;
before(async () => {
  if (!skip) wiki = await startTestWiki();
});
after(() => wiki?.stop());

const SEED = readFileSync(resolve(__dirname, '../../examples/Kazakhstan__Government_and_politics.wiki'), 'utf8');
const fast = { backoffMs: 20, timeoutMs: 15000 };

async function rejects(p: Promise<unknown>, code: string, ...inMessage: string[]): Promise<WikiError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof WikiError, String(e));
    assert.equal(e.code, code, e.message);
    for (const s of inMessage) assert.ok(e.message.includes(s), `"${e.message}" should mention ${s}`);
    return e;
  }
  assert.fail(`expected a ${code} error`);
}

/** A local HTTP server; `handler` may forward to the wiki with `forward`. */
async function server(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void | Promise<void>): Promise<{ url: string; close(): Promise<void> }> {
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => void Promise.resolve(handler(req, res, body)).catch((e) => { res.statusCode = 500; res.end(String(e)); }));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/api.php`,
    close: () => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); }),
  };
}

async function forward(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
  const headers: Record<string, string> = {};
  if (req.headers.cookie) headers.cookie = req.headers.cookie;
  if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
  const r = await fetch(`${wiki.api}${req.url!.replace(/^\/api\.php/, '')}`, { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
  const set = r.headers.getSetCookie();
  if (set.length) res.setHeader('set-cookie', set);
  res.setHeader('content-type', r.headers.get('content-type') ?? 'application/json');
  res.end(await r.text());
}

test('reads a page by title: content, revision, timestamp, content model', { skip }, async () => {
  const client = await WikiClient.connect(wiki.api, fast);
  assert.equal(client.site.api, wiki.api);
  const page = await readPage(client, 'Kazakhstan');
  assert.equal(page.title, 'Kazakhstan');
  assert.equal(page.content, SEED.trimEnd(), 'MediaWiki keeps the text but strips trailing whitespace');
  assert.equal(page.contentmodel, 'wikitext');
  assert.ok(page.revid > 0);
  assert.match(page.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(page.site, `127.0.0.1:${wiki.port}`);
  // the forms users type name the same page
  for (const t of ['[[Kazakhstan]]', 'kazakhstan', 'Kazakhstan#Politics', '%4Bazakhstan']) {
    assert.equal((await readPage(client, t)).revid, page.revid, t);
  }
});

test('reads a page by URL (index.php?title= and index.php/Title)', { skip }, async () => {
  for (const url of [`${wiki.origin}/index.php?title=Kazakhstan&action=edit`, `${wiki.origin}/index.php/Sections`]) {
    const p = parsePageUrl(url)!;
    assert.equal(p.siteRef?.api, wiki.api);
    const page = await readPage(new WikiClient(p.siteRef!, fast), p.title);
    assert.equal(page.title, p.title);
  }
});

test('reads one section, follows a redirect when asked, refuses it otherwise', { skip }, async () => {
  const client = await WikiClient.connect(wiki.api, fast);
  const s2 = await readPage(client, 'Sections', { section: 2 });
  assert.equal(s2.content, '== Second ==\nBeta [[Kazakhstan]].\n\n=== Second.1 ===\nGamma.');
  assert.equal(s2.section, 2);
  assert.equal((await readPage(client, 'Sections', { section: 0 })).content, 'Intro text.');
  await rejects(readPage(client, 'Sections', { section: 9 }), 'no-section', 'Sections', 'section 9');
  const viaRedirect = await readPage(client, 'Kaz');
  assert.equal(viaRedirect.title, 'Kazakhstan');
  assert.equal(viaRedirect.redirectedFrom, 'Kaz');
  await rejects(readPage(client, 'Kaz', { redirects: false }), 'redirect', `127.0.0.1:${wiki.port}`, '"Kaz"', 'redirect');
});

test('missing, special, invalid, non-wikitext and protected pages', { skip }, async () => {
  const client = await WikiClient.connect(wiki.api, fast);
  const site = `127.0.0.1:${wiki.port}`;
  await rejects(readPage(client, 'No such page here'), 'missing', site, '"No such page here"', 'no such page');
  await rejects(readPage(client, 'Special:Version'), 'special', site, 'Special:Version');
  await rejects(readPage(client, 'a[b'), 'invalid-title', site, 'a[b');
  await rejects(readPage(client, 'MediaWiki:Common.css'), 'content-model', 'MediaWiki:Common.css', 'css', 'not wikitext');
  assert.equal((await readPage(client, 'MediaWiki:Common.css', { anyContentModel: true })).contentmodel, 'css');
  // protected against editing, still readable
  assert.equal((await readPage(client, 'Protected page')).content, 'Nobody may edit this.');
});

test('permission denied (a wiki that lets nobody read) names site and page', { skip }, async () => {
  const undo = wiki.addSettings("$wgGroupPermissions['*']['read'] = false;");
  try {
    await rejects(readPage(await WikiClient.connect(wiki.api, fast), 'Kazakhstan'), 'permission', 'Kazakhstan', 'readapidenied');
  } finally {
    undo();
  }
});

test('maxlag answered with Retry-After is waited for, then the request succeeds; UA, gzip, formatversion=2 sent', { skip }, async () => {
  const seen: { ua?: string; enc?: string; url: string }[] = [];
  let lagged = 2;
  const proxy = await server(async (req, res, body) => {
    seen.push({ ua: req.headers['user-agent'], enc: req.headers['accept-encoding'] as string, url: req.url! });
    if (lagged > 0 && /maxlag=5/.test(req.url!)) {
      lagged--;
      res.writeHead(200, { 'content-type': 'application/json', 'retry-after': '1', 'x-database-lag': '7' });
      res.end(JSON.stringify({ error: { code: 'maxlag', info: 'Waiting for 10.0.0.1: 7 seconds lagged.', lag: 7 } }));
      return;
    }
    await forward(req, res, body);
  });
  const waits: number[] = [];
  try {
    const client = new WikiClient({ api: proxy.url, name: 'proxy' }, { ...fast, sleep: async (ms) => void waits.push(ms) });
    const page = await readPage(client, 'Kazakhstan');
    assert.equal(page.content, SEED.trimEnd());
    assert.deepEqual(waits, [1000, 1000], 'waited as long as Retry-After said, twice');
    assert.equal(seen.length, 3);
    assert.equal(seen[0].ua, USER_AGENT);
    assert.match(USER_AGENT, /^wikitext-lint\/\d+\.\d+\.\d+ \(https:\/\/github\.com\/wikitext-tools\/wikitext-lint; .+@.+\)$/);
    assert.match(seen[0].enc ?? '', /gzip/);
    assert.match(seen[0].url, /format=json/);
    assert.match(seen[0].url, /formatversion=2/);
    // still lagged after every retry: one clear error
    lagged = 100;
    const e = await rejects(readPage(new WikiClient({ api: proxy.url, name: 'proxy' }, { ...fast, retries: 2, sleep: async () => {} }), 'Sections'), 'maxlag', 'proxy', 'Sections', 'lagged');
    assert.ok(e);
    // a Retry-After longer than the cap is not waited for
    await rejects(readPage(new WikiClient({ api: proxy.url, name: 'proxy' }, { ...fast, maxRetryAfterMs: 500, sleep: async () => assert.fail('slept') }), 'Sections'), 'maxlag', 'not waiting');
  } finally {
    await proxy.close();
  }
});

test('503 and 429 are retried with back-off; requests to one site run in series', { skip }, async () => {
  let failures = 2, inFlight = 0, maxInFlight = 0;
  const proxy = await server(async (req, res, body) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (failures-- > 0) {
        res.writeHead(failures === 1 ? 503 : 429, { 'content-type': 'text/html' });
        res.end('<html><title>Service Unavailable</title></html>');
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
      await forward(req, res, body);
    } finally {
      inFlight--;
    }
  });
  try {
    const waits: number[] = [];
    const a = new WikiClient({ api: proxy.url, name: 'proxy' }, { ...fast, sleep: async (ms) => void waits.push(ms) });
    const b = new WikiClient({ api: proxy.url, name: 'proxy' }, fast);
    const pages = await Promise.all([readPage(a, 'Kazakhstan'), readPage(b, 'Sections'), readPage(a, 'Kaz'), readPage(b, 'Protected page')]);
    assert.deepEqual(pages.map((p) => p.title), ['Kazakhstan', 'Sections', 'Kazakhstan', 'Protected page']);
    assert.deepEqual(waits, [20, 40], 'exponential back-off');
    assert.equal(maxInFlight, 1, 'never two requests at once to one site');
  } finally {
    await proxy.close();
  }
});

test('a slow answer times out; an HTML answer is not JSON; a stopped wiki is a network error', { skip }, async () => {
  const slow = await server(async (_req, res) => {
    await new Promise((r) => setTimeout(r, 3000));
    res.end('{}');
  });
  const html = await server((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!DOCTYPE html><html><head><title>Wiki is down for maintenance</title></head><body>Sorry</body></html>');
  });
  try {
    const t0 = Date.now();
    await rejects(readPage(new WikiClient({ api: slow.url, name: 'slow' }, { timeoutMs: 300 }), 'Kazakhstan'), 'timeout', 'slow', 'Kazakhstan', 'timed out');
    assert.ok(Date.now() - t0 < 2900, 'did not wait for the slow answer');
    await rejects(readPage(new WikiClient({ api: html.url, name: 'html' }, fast), 'Kazakhstan'), 'not-json', 'html', 'Kazakhstan', 'not JSON', 'Wiki is down for maintenance');
  } finally {
    await slow.close();
    await html.close();
  }
  // a closed port: refused (after the bounded retries)
  const closed = await server(() => {});
  await closed.close();
  let tries = 0;
  const counting: typeof fetch = (i, init) => { tries++; return fetch(i, init); };
  await rejects(readPage(new WikiClient({ api: closed.url, name: 'gone' }, { ...fast, retries: 2, fetch: counting }), 'Sections'), 'network', 'gone', 'Sections', 'refused');
  assert.equal(tries, 3, 'one try and two retries');
  await rejects(WikiClient.connect('https://no-such-host.invalid/w/api.php', fast).then((c) => readPage(c, 'X')), 'dns', 'no-such-host.invalid', '"X"', 'DNS');
  await rejects(WikiClient.connect('no-such-host.invalid', fast), 'dns', 'no-such-host.invalid');
});

test('each client keeps its own cookie jar (a login session) and sends it back', { skip }, async () => {
  const cookies: (string | undefined)[] = [];
  const proxy = await server(async (req, res, body) => {
    cookies.push(req.headers.cookie);
    await forward(req, res, body);
  });
  try {
    const a = new WikiClient({ api: proxy.url, name: 'proxy' }, fast);
    const tokens = await a.get({ action: 'query', meta: 'tokens', type: 'login' });
    assert.match(tokens.query.tokens.logintoken, /\+\\$/);
    assert.ok([...a.cookies.keys()].some((k) => /_session$/.test(k)), `a session cookie: ${[...a.cookies.keys()]}`);
    await a.post({ action: 'query', meta: 'userinfo' });
    assert.equal(cookies[0], undefined);
    assert.match(cookies[1] ?? '', /_session=/);
    const b = new WikiClient({ api: proxy.url, name: 'proxy' }, fast);
    await b.get({ action: 'query', meta: 'userinfo' });
    assert.equal(cookies[2], undefined, 'not shared between clients');
  } finally {
    await proxy.close();
  }
});

test('the API endpoint is discovered from any page of a wiki (its EditURI link)', { skip }, async () => {
  for (const url of [`${wiki.origin}/`, `${wiki.origin}/wiki/Kazakhstan`]) {
    const client = await WikiClient.connect(url, fast);
    assert.equal(client.site.api, wiki.api, url);
    assert.equal(client.site.name, `127.0.0.1:${wiki.port}`);
  }
  // a page URL of a wiki whose article path is unknown: site discovered from the page, title from the URL
  const p = parsePageUrl(`${wiki.origin}/wiki/Kazakhstan`)!;
  assert.equal(p.siteRef, undefined);
  assert.equal((await readPage(await WikiClient.connect(p.site, fast), p.title)).title, 'Kazakhstan');
  // a web server that is not a wiki
  const plain = await server((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><head><title>Hello</title></head></html>');
  });
  try {
    await rejects(WikiClient.connect(plain.url.replace(/api\.php$/, ''), fast), 'unknown-site', 'no MediaWiki Action API');
  } finally {
    await plain.close();
  }
});

test('the request layer carries a bot-password login (for the editor\'s write operations built on get/post)', { skip }, async () => {
  const client = new WikiClient({ api: wiki.api, name: 'local' }, fast);
  const token = (await client.get({ action: 'query', meta: 'tokens', type: 'login' })).query.tokens.logintoken;
  const login = await client.post({ action: 'login', lgname: wiki.bot.user, lgpassword: wiki.bot.password, lgtoken: token });
  assert.equal(login.login.result, 'Success', JSON.stringify(login));
  const me = await client.get({ action: 'query', meta: 'userinfo' });
  assert.equal(me.query.userinfo.name, 'Admin', 'the session cookie is sent back');
  const other = new WikiClient({ api: wiki.api, name: 'local' }, fast);
  assert.equal((await other.get({ action: 'query', meta: 'userinfo' })).query.userinfo.anon, true);
});
