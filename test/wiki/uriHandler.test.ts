/**
 * The extension's URI handler (`code --open-url 'vscode://wikitext-tools.wikitext-lint/open?...'`): what page a
 * URI asks for (client/src/wiki/uri.ts openRequestOfUri, the function the handler calls).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openRequestOfUri } from '../../client/src/wiki/uri';

test('site and title, with or without a section', () => {
  assert.deepEqual(openRequestOfUri('/open', 'site=en.wikipedia.org&title=Kazakhstan'), { site: 'en.wikipedia.org', title: 'Kazakhstan' });
  assert.deepEqual(openRequestOfUri('/open', 'site=de.wikipedia.org&title=K%C3%B6ln&section=2'), { site: 'de.wikipedia.org', title: 'Köln', section: 2 });
  // a title alone: Open Page asks for the site (remembered, default en.wikipedia.org)
  assert.deepEqual(openRequestOfUri('/open', 'title=Kazakhstan'), { site: undefined, title: 'Kazakhstan' });
  assert.deepEqual(openRequestOfUri('/open', 'site=en.wikipedia.org&title=X&section=abc'), { site: 'en.wikipedia.org', title: 'X' });
});

test('a page URL', () => {
  assert.deepEqual(openRequestOfUri('/open', `url=${encodeURIComponent('https://en.wikipedia.org/wiki/Kazakhstan')}`), { site: 'https://en.wikipedia.org/wiki/Kazakhstan' });
  assert.equal(openRequestOfUri('/open', 'url=javascript:alert(1)'), undefined);
});

test('other paths and empty queries are ignored', () => {
  assert.equal(openRequestOfUri('/publish', 'site=en.wikipedia.org&title=X'), undefined);
  assert.equal(openRequestOfUri('/open', ''), undefined);
});
