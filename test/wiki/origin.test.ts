/**
 * "Open on Wiki" for local files (client/src/wiki/origin.ts): the page a `.wiki` file stands for is the "site"
 * of the `.wikitext-lint.json` that applies to it and the title its file name spells; nothing in the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findOrigin, titleFromFileName } from '../../client/src/wiki/origin';

const reader = (files: Record<string, string>) => async (p: string) => files[p];

test('titles from file names: underscores, percent-escapes, extensions', () => {
  assert.equal(titleFromFileName('/w/Kazakhstan.wiki'), 'Kazakhstan');
  assert.equal(titleFromFileName('/w/Barack_Obama.wiki'), 'Barack Obama');
  assert.equal(titleFromFileName('/w/AC%2FDC.wikitext'), 'AC/DC');
  assert.equal(titleFromFileName('/w/Talk%3AFoo_bar.mediawiki'), 'Talk:Foo bar');
  assert.equal(titleFromFileName('/w/Zürich.mw'), 'Zürich');
  assert.equal(titleFromFileName('/w/.wiki'), undefined);
});

test('the nearest .wikitext-lint.json names the site (JSONC), up to the workspace folder', async () => {
  const files = {
    '/ws/.wikitext-lint.json': '{ "site": "en.wikipedia.org" }',
    '/ws/de/.wikitext-lint.json': '{\n  // German pages\n  "site": "de.wikipedia.org",\n  "rules": {},\n}',
  };
  assert.deepEqual(await findOrigin('/ws/de/Kasachstan.wiki', reader(files), '/ws'), { site: 'de.wikipedia.org', title: 'Kasachstan', configFile: '/ws/de/.wikitext-lint.json' });
  assert.deepEqual(await findOrigin('/ws/en/deep/Kazakhstan.wiki', reader(files), '/ws'), { site: 'en.wikipedia.org', title: 'Kazakhstan', configFile: '/ws/.wikitext-lint.json' });
  // an api.php URL is a site too (any wiki)
  const local = await findOrigin('/p/Sections.wiki', reader({ '/p/.wikitext-lint.json': '{"site": "http://127.0.0.1:8080/api.php"}' }), '/p');
  assert.deepEqual(local, { site: 'http://127.0.0.1:8080/api.php', title: 'Sections', configFile: '/p/.wikitext-lint.json' });
});

test('no declaration: a message that says what to add; the walk stops at the workspace folder', async () => {
  const above = { '/.wikitext-lint.json': '{"site": "en.wikipedia.org"}' };
  const r = await findOrigin('/ws/sub/Kazakhstan.wiki', reader(above), '/ws');
  assert.ok('error' in r);
  assert.match(r.error, /\.wikitext-lint\.json with a "site"/);
  // outside any workspace folder the walk goes to the root
  assert.equal((await findOrigin('/ws/sub/Kazakhstan.wiki', reader(above))).hasOwnProperty('site'), true);
  const noSite = await findOrigin('/ws/K.wiki', reader({ '/ws/.wikitext-lint.json': '{"rules": {}}' }), '/ws');
  assert.ok('error' in noSite && /names no "site"/.test(noSite.error));
  const bad = await findOrigin('/ws/K.wiki', reader({ '/ws/.wikitext-lint.json': '{"site": ' }), '/ws');
  assert.ok('error' in bad && /invalid JSON/.test(bad.error));
});
