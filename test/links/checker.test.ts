/**
 * The link checker against the fixture web on 127.0.0.1: every case of issue 15, politeness counted by the
 * server, cancellation, the cache, and the Wayback stand-ins. Nothing leaves the machine: host names resolve
 * through an injected lookup.
 *
 * Run: node scripts/run-tests.mjs test/links/checker
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureWeb, FixtureWeb } from './fixtureWeb';
import { checkUrls, CheckOptions } from '../../server/src/links/checker';
import { LinkCache } from '../../server/src/links/cache';
import { NetFailure } from '../../server/src/links/http';

let web: FixtureWeb;
before(async () => { web = await startFixtureWeb(); });
after(async () => { await web.close(); });

const fast = (extra: Partial<CheckOptions> = {}): CheckOptions => ({
  ...extra,
  lookup: web.lookup,
  settings: { hostDelayMs: 0, retryPauseMs: 30, timeoutMs: 600, connectTimeoutMs: 600, maxPerHost: 2, maxTotal: 8, ...extra.settings },
});

async function one(path: string, host = 'site', extra: Partial<CheckOptions> = {}) {
  const url = web.url(host, path);
  const r = await checkUrls([url], fast(extra));
  return r.get(url)!;
}

test('verdicts for every case of the fixture web', async (t) => {
  await t.test('live page: alive', async () => assert.equal((await one('/live')).status, 'alive'));
  await t.test('404 is dead after two checks a pause apart', async () => {
    const before = web.stats.get('s404')?.requests ?? 0;
    const r = await one('/dead404', 's404');
    assert.equal(r.status, 'dead');
    assert.equal(r.httpStatus, 404);
    assert.equal(r.failures, 2);
    assert.equal((web.stats.get('s404')!.requests) - before, 2, 'one HEAD per check, no GET for a clear 404');
  });
  await t.test('410 is dead', async () => assert.equal((await one('/gone410')).status, 'dead'));
  await t.test('404 with deadAfterFailures 3 in one run needs three checks', async () => {
    const r = await one('/dead404', 's404b', { settings: { deadAfterFailures: 3 } });
    assert.equal(r.status, 'unreachable', 'two checks in one run are not enough for 3');
  });
  await t.test('500 then 200 on retry: alive', async () => assert.equal((await one('/flaky', 'flaky')).status, 'alive'));
  await t.test('always 500: unreachable, not dead', async () => {
    const r = await one('/always500');
    assert.equal(r.status, 'unreachable');
    assert.match(r.reason!, /500/);
  });
  await t.test('301 chain: alive, final URL and permanent redirect recorded', async () => {
    const r = await one('/r1');
    assert.equal(r.status, 'alive');
    assert.equal(r.finalUrl, web.url('site', '/r3'));
    assert.equal(r.permanentRedirect, web.url('site', '/r2'));
  });
  await t.test('redirect loop: detected, unreachable', async () => {
    const r = await one('/loop-a');
    assert.equal(r.status, 'unreachable');
    assert.match(r.reason!, /loop/);
  });
  await t.test('more than 10 redirects: unreachable', async () => {
    const r = await one('/chain-long');
    assert.equal(r.status, 'unreachable');
    assert.match(r.reason!, /more than 10 redirects/);
  });
  await t.test('308 to a live page: alive with the permanent redirect', async () => {
    const r = await one('/perm-old');
    assert.equal(r.status, 'alive');
    assert.equal(r.permanentRedirect, web.url('site', '/perm-new'));
  });
  await t.test('302 to a live page: alive, no permanent redirect', async () => {
    const r = await one('/temp');
    assert.equal(r.status, 'alive');
    assert.equal(r.permanentRedirect, undefined);
  });
  await t.test('deep URL redirected to the home page: soft 404', async () => {
    const r = await one('/deep/2019/story.html');
    assert.equal(r.status, 'soft-404');
    assert.match(r.reason!, /home page/);
  });
  await t.test('redirect to an error path: soft 404', async () => assert.equal((await one('/missing-page')).status, 'soft-404'));
  await t.test('200 titled "Page not found": soft 404 (read with GET)', async () => {
    const r = await one('/soft');
    assert.equal(r.status, 'soft-404');
    assert.match(r.reason!, /Page not found/);
  });
  await t.test('slow server: timeout, counted as a failure', async () => {
    const r = await one('/slow', 'slow', { settings: { timeoutMs: 200 } });
    assert.equal(r.status, 'dead', 'two timeouts a pause apart');
    assert.match(r.reason!, /timeout/);
  });
  await t.test('server closing the connection: unreachable', async () => {
    const r = await one('/close');
    assert.equal(r.status, 'unreachable');
    assert.match(r.reason!, /closed the connection/);
  });
  await t.test('host that does not resolve: dead after two failures, no query leaves the machine', async () => {
    const r = await one('/x', 'nxdomain');
    assert.equal(r.status, 'dead');
    assert.match(r.reason!, /DNS/);
  });
  await t.test('paywall challenge: cannot tell', async () => assert.equal((await one('/paywall')).status, 'cannot-tell'));
  await t.test('401 login: cannot tell', async () => assert.equal((await one('/login')).status, 'cannot-tell'));
  await t.test('403 without a challenge: unreachable', async () => assert.equal((await one('/forbidden')).status, 'unreachable'));
  await t.test('HEAD 405, GET 200: alive', async () => {
    const r = await one('/head405', 'h405');
    assert.equal(r.status, 'alive');
    assert.deepEqual(web.log.filter((l) => l.host === 'h405').map((l) => l.method), ['HEAD', 'GET']);
  });
  await t.test('429 with Retry-After: 1 is honoured (waits, then alive)', async () => {
    const t0 = Date.now();
    const r = await one('/retry-after', 'ra');
    assert.equal(r.status, 'alive');
    const starts = web.stats.get('ra')!.starts;
    assert.ok(starts[1] - starts[0] >= 900, `second request ${starts[1] - starts[0]} ms after the first`);
    assert.ok(Date.now() - t0 >= 900);
  });
  await t.test('20 MB page: alive, body read at most 1 MB', async () => {
    const r = await one('/big');
    assert.equal(r.status, 'alive');
  });
  await t.test('binary served as HTML: alive, no crash', async () => assert.equal((await one('/binary')).status, 'alive'));
  await t.test('windows-1251 page: alive', async () => assert.equal((await one('/cp1251')).status, 'alive'));
});

test('requests per host never exceed the limits; 400 links finish within the time the limits imply', async () => {
  const hosts = ['h1', 'h2', 'h3', 'h4'];
  const urls: string[] = [];
  for (let i = 0; i < 400; i++) urls.push(web.url(hosts[i % 4], `/page/${i}`));
  const hostDelayMs = 20;
  const t0 = Date.now();
  const r = await checkUrls(urls, fast({ settings: { hostDelayMs, maxPerHost: 2, maxTotal: 6 } }));
  const elapsed = Date.now() - t0;
  assert.equal(r.size, 400);
  assert.ok([...r.values()].every((i) => i.status === 'alive'));
  for (const h of hosts) {
    const s = web.stats.get(h)!;
    // a HEAD with a content length is clear: one request per link
    assert.equal(s.requests, 100, `${h}: ${s.requests} requests`);
    assert.ok(s.maxActive <= 2, `${h}: ${s.maxActive} at once`);
    // starts are spaced by the delay at the client; connections take varying time to arrive, so the server
    // checks spans of 10 starts (jitter averages out) rather than each gap
    const spans = s.starts.slice(10).map((x, i) => x - s.starts[i]);
    assert.ok(spans.every((g) => g >= 10 * hostDelayMs - 40), `${h}: 10 starts span at least ${10 * hostDelayMs} ms (smallest ${Math.min(...spans)})`);
  }
  // 100 requests per host, one start per 20 ms per host: at least 2 s; the hosts run in parallel, so far less than 4 x 2 s
  const implied = 100 * hostDelayMs;
  assert.ok(elapsed >= implied - 50, `elapsed ${elapsed} ms, at least the ${implied} ms the delay implies`);
  assert.ok(elapsed < implied * 4 + 5000, `elapsed ${elapsed} ms: the hosts are checked in parallel`);
});

test('cancel stops all requests at once', async () => {
  const urls: string[] = [];
  for (let i = 0; i < 40; i++) urls.push(web.url(`c${i % 5}`, '/slow'));
  const ac = new AbortController();
  const p = checkUrls(urls, fast({ signal: ac.signal, settings: { timeoutMs: 20_000, hostDelayMs: 0 } }));
  await new Promise((r) => setTimeout(r, 300));
  const started = [0, 1, 2, 3, 4].reduce((n, i) => n + (web.stats.get(`c${i}`)?.requests ?? 0), 0);
  assert.ok(started > 0 && started <= 10, `${started} started (at most 2 per host x 5)`);
  const t0 = Date.now();
  ac.abort();
  await assert.rejects(p, (e) => e instanceof NetFailure && e.kind === 'aborted');
  assert.ok(Date.now() - t0 < 500, 'the check ends at once');
  await new Promise((r) => setTimeout(r, 100));
  const after = [0, 1, 2, 3, 4].reduce((n, i) => n + (web.stats.get(`c${i}`)?.requests ?? 0), 0);
  assert.equal(after, started, 'no request starts after cancel');
  assert.equal([0, 1, 2, 3, 4].reduce((n, i) => n + (web.stats.get(`c${i}`)?.active ?? 0), 0), 0, 'every open request was closed');
});

test('the cache: a second check within a day makes no request; failures on an earlier day count', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wl-links-'));
  const file = join(dir, 'links.json');
  const url = web.url('cached', '/live');
  const cache = new LinkCache(file);
  await checkUrls([url], fast({ cache }));
  assert.equal(cache.save(), null);
  const n = web.stats.get('cached')!.requests;
  const again = new LinkCache(file);
  const r = await checkUrls([url], fast({ cache: again }));
  assert.equal(r.get(url)!.status, 'alive');
  assert.equal(web.stats.get('cached')!.requests, n, 'no request for a cached result');
  // a 404 checked with deadAfterFailures 3: unreachable today; the next day one more failure makes it dead
  const dead = web.url('cached', '/gone/x');
  const c2 = new LinkCache(null);
  const day1 = new Date('2026-11-27T10:00:00Z'), day2 = new Date('2026-11-28T10:00:00Z');
  const s = { deadAfterFailures: 3 };
  const r1 = await checkUrls([dead], fast({ cache: c2, now: () => day1, settings: s }));
  assert.equal(r1.get(dead)!.status, 'unreachable');
  assert.equal(r1.get(dead)!.failures, 2);
  const r2 = await checkUrls([dead], fast({ cache: c2, now: () => day2, settings: s }));
  assert.equal(r2.get(dead)!.status, 'dead');
});

test('archive lookup: closest 200 snapshot before the date, then after; none means null', async () => {
  const a = web.url('olds', '/gone/a'), b = web.url('olds', '/gone/b'), c = web.url('olds', '/gone/c'), d = web.url('olds', '/gone/d');
  web.archive.set(a, ['20150101000000', '20190301120000', '20190601000000']);
  web.archive.set(b, ['20210101000000']);
  web.archive.set(d, ['20190220000000', '20190302000000']);
  web.non200.add('20190302000000');
  const archiveDates = new Map([[a, '20190305'], [b, '20190305'], [c, '20190305'], [d, '20190305']]);
  const settings = { waybackAvailabilityUrl: web.url('archive', '/wayback/available'), cdxUrl: web.url('archive', '/cdx/search/cdx') };
  const r = await checkUrls([a, b, c, d], fast({ archiveDates, settings }));
  assert.deepEqual(r.get(a)!.archive, { url: `https://web.archive.org/web/20190301120000/${a}`, timestamp: '20190301120000' });
  assert.equal(r.get(b)!.archive?.timestamp, '20210101000000', 'only a later snapshot: the closest after');
  assert.equal(r.get(c)!.archive, null, 'no snapshot: null, never invented');
  assert.equal(r.get(d)!.archive?.timestamp, '20190220000000', 'the closest is not a 200: CDX finds the 200 before');
  // the availability stand-in was asked with the timestamp
  assert.ok(web.log.some((l) => l.host === 'archive' && l.path.includes('timestamp=20190305')));
});
