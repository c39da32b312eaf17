/**
 * The pure parts of link checking (server/src/core/links/): soft-404 rules, challenge pages, when a GET must
 * follow a HEAD, the dead-after-failures rule, Wayback answers, generic titles, and linear metadata scanning
 * of hostile pages.
 *
 * Run: node scripts/run-tests.mjs test/links/core
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { softRedirectReason, isNotFoundTitle, needsGet, judge, combine } from '../../server/src/core/links/verdict';
import { snapshotFromAvailability, snapshotsFromCdx, pickSnapshot } from '../../server/src/core/links/archive';
import { extractMetadata, isGenericTitle, splitName } from '../../server/src/core/links/metadata';
import { shapes } from './fixtureWeb';
import { lint } from '../../server/src/core/lint/lint';
import { lookupOf } from '../../server/src/core/links/types';

test('soft 404 by redirect: deep URL to the home page or an error path; not a move within the site', () => {
  assert.ok(softRedirectReason('https://a.org/news/2019/x.html', 'https://a.org/'));
  assert.ok(softRedirectReason('https://a.org/news/x', 'https://www.a.org/index.html'));
  assert.ok(softRedirectReason('https://a.org/p?id=3', 'https://a.org/error/404'));
  assert.ok(softRedirectReason('https://a.org/p', 'https://a.org/notfound.aspx'));
  assert.equal(softRedirectReason('https://a.org/', 'https://a.org/en/'), null);
  assert.equal(softRedirectReason('https://a.org/old/x', 'https://a.org/new/x'), null);
  assert.equal(softRedirectReason('http://a.org/x', 'https://a.org/x'), null);
});

test('"page not found" titles', () => {
  for (const t of ['Page not found', '404 - File or directory not found.', 'Error 404 | Example', 'Seite nicht gefunden', 'The page you requested does not exist']) assert.ok(isNotFoundTitle(t), t);
  for (const t of ['Found: the lost city', 'Annual report 2019', 'Not Forgotten: a history']) assert.ok(!isNotFoundTitle(t), t);
});

test('HEAD answers that need a GET', () => {
  const h = (status: number, extra = {}) => ({ url: 'u', method: 'HEAD' as const, status, ...extra });
  assert.ok(needsGet(h(405, { contentLength: 0 })));
  assert.ok(needsGet(h(403, { contentLength: 10 })));
  assert.ok(needsGet(h(503, { contentLength: 10 })));
  assert.ok(needsGet(h(200)), 'no content length');
  assert.ok(!needsGet(h(200, { contentLength: 100, contentType: 'text/html' })));
  assert.ok(!needsGet(h(404)));
  assert.ok(!needsGet(h(301, { location: 'x' })));
});

test('dead only after repeated failures; one success wins', () => {
  const dead = judge({ url: 'u', hops: [{ url: 'u', method: 'HEAD', status: 404 }] });
  const ok = judge({ url: 'u', hops: [{ url: 'u', method: 'HEAD', status: 200, contentLength: 5 }] });
  assert.equal(combine([dead], 't', 0, 2).status, 'unreachable');
  assert.equal(combine([dead, dead], 't', 0, 2).status, 'dead');
  assert.equal(combine([dead], 't', 1, 2).status, 'dead', 'a failure on an earlier day counts');
  assert.equal(combine([dead, ok], 't', 0, 2).status, 'alive');
  const fiveHundred = judge({ url: 'u', hops: [{ url: 'u', method: 'GET', status: 500 }] });
  assert.equal(combine([fiveHundred, fiveHundred], 't', 5, 2).status, 'unreachable', '5xx never makes a link dead');
});

test('Wayback answers in their documented shapes', () => {
  assert.deepEqual(snapshotFromAvailability(shapes.waybackAvailable.found), { url: 'https://web.archive.org/web/20130919044612/http://example.com/', timestamp: '20130919044612' });
  assert.equal(snapshotFromAvailability(shapes.waybackAvailable.notFound), null);
  assert.deepEqual(snapshotsFromCdx(shapes.cdx.default), [{ url: 'https://web.archive.org/web/20020120142510/http://example.com:80/', timestamp: '20020120142510' }]);
  assert.deepEqual(snapshotsFromCdx(shapes.cdx.withFl).map((s) => s.timestamp), ['20020120142510']);
  const snaps = ['20100101000000', '20150505000000', '20200101000000'].map((t) => ({ url: t, timestamp: t }));
  assert.equal(pickSnapshot(snaps, '20160101')!.timestamp, '20150505000000');
  assert.equal(pickSnapshot(snaps, '20050101')!.timestamp, '20100101000000');
  assert.equal(pickSnapshot([], '20050101'), null);
});

test('generic titles and names', () => {
  for (const t of ['Home', 'Just a moment...', 'Page not found', 'Attention Required! | Cloudflare', '404 Not Found', '']) assert.ok(isGenericTitle(t), t);
  assert.ok(!isGenericTitle('Home rule in Scotland'));
  assert.deepEqual(splitName('Frank, H. S.', true), { last: 'Frank', first: 'H. S.' });
  assert.deepEqual(splitName('Ministry of Foreign Affairs of Kazakhstan', false), { name: 'Ministry of Foreign Affairs of Kazakhstan' });
});

test('metadata scanning stays linear on hostile pages', () => {
  const time = (n: number, unit: string) => {
    const page = unit.repeat(n);
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = process.hrtime.bigint();
      extractMetadata(page, 'https://a.org/x');
      best = Math.min(best, Number(process.hrtime.bigint() - t0));
    }
    return best;
  };
  for (const unit of ['<meta ', '<meta name="a" content="', '<script type="application/ld+json">{', '<title>']) {
    time(2000, unit);
    const small = Math.max(time(10_000, unit), 1e6), big = time(100_000, unit);
    assert.ok(big / small < 40, `${JSON.stringify(unit)}: 10x the input took ${(big / small).toFixed(1)}x the time`);
  }
});

test('a dead [url text] ref follows the page convention: a citation on a page that cites with templates, else {{Webarchive}}', () => {
  const today = { year: 2026, month: 11, day: 28 };
  const links = lookupOf({ 'https://example.org/gone': { status: 'dead', checkedAt: '2026-11-28T00:00:00Z', failures: 2, archive: { url: 'https://web.archive.org/web/20190102030405/https://example.org/gone', timestamp: '20190102030405' } } });
  const cites = '{{Use dmy dates|date=May 2020}}\nA.<ref>{{cite web | url=https://example.org/a | title=A | access-date=1 May 2020}}</ref> B.<ref>[https://example.org/gone The old page]</ref>';
  const fix = (src: string) => lint(src, { today, links }).diagnostics.find((d) => d.rule === 'link-dead')!.fixes[0];
  const f1 = fix(cites);
  assert.equal(f1.title, 'Make it a citation with its archive');
  assert.equal(f1.edits[0].newText, '{{cite web | url=https://example.org/gone | title=The old page | archive-url=https://web.archive.org/web/20190102030405/https://example.org/gone | archive-date=2 January 2019 | url-status=dead}}');
  const withWebarchive = cites + ' C.<ref>[https://example.org/c C] {{Webarchive |url=https://web.archive.org/web/2019/https://example.org/c |date=1 May 2019}}</ref>';
  assert.equal(fix(withWebarchive).title, 'Add {{Webarchive}} after the link');
  assert.equal(fix('B.<ref>[https://example.org/gone The old page]</ref>').title, 'Add {{Webarchive}} after the link');
});
