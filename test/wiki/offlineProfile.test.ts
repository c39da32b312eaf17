/**
 * A Wikimedia wiki that cannot be reached and was never cached (a CI job without network): the CLI and the server
 * still lint, as a wiki in the language the host name says, instead of failing (CLI) or checking the text with
 * English Wikipedia's citation rules (server). A closed port on 127.0.0.1 plays the unreachable wiki.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WikiClient, loadProfile } from '../../server/src/wiki';
import { offlineProfile, profileFromSiteinfo } from '../../server/src/wiki/profile';
import { linkBaseFor, DEFAULT_LINK_BASE } from '../../server/src/serverSettings';
import { lint } from '../../server/src/core/lint/lint';

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

test('offlineProfile: the content language from a Wikimedia host name, nothing for other sites', () => {
  assert.deepEqual(offlineProfile('de.wikipedia.org'), { site: 'de.wikipedia.org', lang: 'de', articleBase: 'https://de.wikipedia.org/wiki/' });
  assert.deepEqual(offlineProfile('zh-yue.wikipedia.org'), { site: 'zh-yue.wikipedia.org', lang: 'zh-yue', articleBase: 'https://zh-yue.wikipedia.org/wiki/' });
  assert.deepEqual(offlineProfile('fr.wiktionary.org'), { site: 'fr.wiktionary.org', lang: 'fr', articleBase: 'https://fr.wiktionary.org/wiki/' });
  assert.deepEqual(offlineProfile('simple.wikipedia.org'), { site: 'simple.wikipedia.org', lang: 'en', articleBase: 'https://simple.wikipedia.org/wiki/' });
  for (const s of ['127.0.0.1:8080', 'commons.wikimedia.org', 'wiki.example.org', 'de.wikipedia.org.evil.example', 'www.wikipedia.org']) {
    assert.equal(offlineProfile(s), undefined, s);
  }
});

test('an unreachable Wikimedia wiki with no cache: linted as its language with a note; any other site still fails', async () => {
  const port = await closedPort();
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-cache-'));
  const de = new WikiClient({ api: `http://127.0.0.1:${port}/api.php`, name: 'de.wikipedia.org' }, { backoffMs: 5 });
  const r = await loadProfile(de, { cacheDir: dir });
  assert.equal(r.source, 'offline');
  assert.deepEqual(r.profile, offlineProfile('de.wikipedia.org'));
  assert.match(r.note!, /^de\.wikipedia\.org: the wiki could not be reached \(connection refused.*linting as a wiki in language "de"/);
  // the English-only citation rules do not run on that wiki's text; the ones that hold everywhere do
  const text = 'A.<ref>{{Internetquelle |url=https://example.org/ |titel=X |abruf=19. Mai 2020}}</ref> B.<ref name="x"/>\n\n<references/>';
  const res = lint(text, { profile: r.profile, today: { year: 2026, month: 12, day: 1 } });
  assert.ok(res.skippedRules.includes('cite-unknown-parameter'), 'English-only rules skipped');
  assert.equal(res.skippedFor, 'de.wikipedia.org (de)');
  assert.deepEqual(res.diagnostics.map((d) => d.rule), ['ref-undefined-name']);
  // a site whose language cannot be told offline: the error as before
  const other = new WikiClient({ api: `http://127.0.0.1:${port}/api.php`, name: `127.0.0.1:${port}` }, { backoffMs: 5 });
  await assert.rejects(loadProfile(other, { cacheDir: dir }), /connection refused/);
});

test('links on a page of another wiki go to that wiki: the site profile\'s article base, unless the user set wikitext.linkBaseUrl', () => {
  const de = offlineProfile('de.wikipedia.org');
  assert.equal(linkBaseFor(DEFAULT_LINK_BASE, de), 'https://de.wikipedia.org/wiki/');
  assert.equal(linkBaseFor('https://wiki.example.org/w/', de), 'https://wiki.example.org/w/', 'the user\'s setting wins');
  assert.equal(linkBaseFor(DEFAULT_LINK_BASE, undefined), DEFAULT_LINK_BASE);
  assert.equal(linkBaseFor(DEFAULT_LINK_BASE, { site: 'x', articleBase: 'javascript:alert(1)//' }), DEFAULT_LINK_BASE, 'only http(s)');
  // siteinfo's server and articlepath, as a wiki answers them
  assert.equal(profileFromSiteinfo('de.wikipedia.org', { general: { server: '//de.wikipedia.org', articlepath: '/wiki/$1' } }).articleBase, 'https://de.wikipedia.org/wiki/');
  assert.equal(profileFromSiteinfo('w', { general: { server: 'http://127.0.0.1:8080', articlepath: '/index.php?title=$1' } }).articleBase, 'http://127.0.0.1:8080/index.php?title=');
  assert.equal(profileFromSiteinfo('w', { general: { server: 'http://h', articlepath: '/$1/view' } }).articleBase, undefined);
});
