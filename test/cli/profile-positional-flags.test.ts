/**
 * `wikitext-lint profile` keeps a map's `positionalFlags` (jawiki's `{{Cite book|和書|...}}`) for the template and its
 * redirects, built against the real German test MediaWiki (scripts/test-wiki.sh) with the citation fixtures; the
 * built profile then leaves the flag unreported. Skipped with a message when MediaWiki is not installed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { WikiClient } from '../../server/src/wiki';
import { buildCitationProfile } from '../../server/src/wiki/citationProfileBuilder';
import { lint } from '../../server/src/core/lint/lint';
import { wikiSkipReason, startTestWiki, type TestWiki } from '../helpers/testWiki';
import { importCitationFixtures } from '../helpers/citationWiki';

const skip = wikiSkipReason();
let wiki: TestWiki;
before(async () => {
  if (skip) return;
  wiki = await startTestWiki({ lang: 'de' });
  await importCitationFixtures(wiki);
});
after(() => wiki?.stop());

test('the map\'s positionalFlags reach the built profile, for the template and its redirect', { skip }, async () => {
  const client = new WikiClient({ api: wiki.api, name: `127.0.0.1:${wiki.port}` });
  const map = { templates: { Internetquelle: 'cite web' }, parameters: {}, positionalFlags: { Internetquelle: ['offline'] } };
  const { profile } = await buildCitationProfile(client, map, { mapSource: 'inline' });
  assert.deepEqual({ ...profile.positionalFlags }, { Internetquelle: ['offline'], Webquelle: ['offline'] });
  const text = '<ref>{{Webquelle|offline|url=http://a.de|titel=T}}</ref><ref>{{Webquelle|anders|url=http://a.de|titel=T}}</ref>\n<references />';
  const stray = lint(text, { today: { year: 2026, month: 12, day: 1 }, citationProfile: profile }).diagnostics.filter((d) => d.rule === 'cite-unknown-parameter');
  assert.deepEqual(stray.map((d) => d.message), ['Text "anders" ignored: a parameter name and "=" are missing']);
});
