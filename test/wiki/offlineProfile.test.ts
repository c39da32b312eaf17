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
import { offlineProfile } from '../../server/src/wiki/profile';
import { lint } from '../../server/src/core/lint/lint';

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

test('offlineProfile: the content language from a Wikimedia host name, nothing for other sites', () => {
  assert.deepEqual(offlineProfile('de.wikipedia.org'), { site: 'de.wikipedia.org', lang: 'de' });
  assert.deepEqual(offlineProfile('zh-yue.wikipedia.org'), { site: 'zh-yue.wikipedia.org', lang: 'zh-yue' });
  assert.deepEqual(offlineProfile('fr.wiktionary.org'), { site: 'fr.wiktionary.org', lang: 'fr' });
  assert.deepEqual(offlineProfile('simple.wikipedia.org'), { site: 'simple.wikipedia.org', lang: 'en' });
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
  assert.deepEqual(r.profile, { site: 'de.wikipedia.org', lang: 'de' });
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
