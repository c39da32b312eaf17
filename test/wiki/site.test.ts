/** Naming sites and pages the way users do (pure: no network). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSiteSync, normaliseTitle, parsePageUrl, WikiError } from '../../server/src/wiki';

test('site shorthands, hosts, URLs and api.php URLs resolve to an endpoint', () => {
  const cases: [string, string, string][] = [
    ['en', 'https://en.wikipedia.org/w/api.php', 'en.wikipedia.org'],
    ['enwiki', 'https://en.wikipedia.org/w/api.php', 'en.wikipedia.org'],
    ['dewiki', 'https://de.wikipedia.org/w/api.php', 'de.wikipedia.org'],
    ['zh-yue', 'https://zh-yue.wikipedia.org/w/api.php', 'zh-yue.wikipedia.org'],
    ['frwiktionary', 'https://fr.wiktionary.org/w/api.php', 'fr.wiktionary.org'],
    ['commonswiki', 'https://commons.wikimedia.org/w/api.php', 'commons.wikimedia.org'],
    ['en.wikipedia.org', 'https://en.wikipedia.org/w/api.php', 'en.wikipedia.org'],
    ['https://de.wikipedia.org', 'https://de.wikipedia.org/w/api.php', 'de.wikipedia.org'],
    ['https://de.wikipedia.org/wiki/Berlin', 'https://de.wikipedia.org/w/api.php', 'de.wikipedia.org'],
    ['https://wiki.example.org/w/api.php', 'https://wiki.example.org/w/api.php', 'wiki.example.org/w'],
    ['http://127.0.0.1:8080/api.php', 'http://127.0.0.1:8080/api.php', '127.0.0.1:8080'],
    ['http://127.0.0.1:8080/index.php', 'http://127.0.0.1:8080/api.php', '127.0.0.1:8080'],
  ];
  for (const [input, api, name] of cases) assert.deepEqual(resolveSiteSync(input), { api, name }, input);
  // another wiki's front page: the endpoint must be discovered
  assert.equal(resolveSiteSync('https://wiki.example.org/'), undefined);
  for (const bad of ['', 'not a site', 'ftp://x.org/', 'localhostish']) {
    assert.throws(() => resolveSiteSync(bad), (e: unknown) => e instanceof WikiError && e.code === 'unknown-site', bad);
  }
});

test('titles are normalised as the wiki does (brackets, underscores, percent-encoding, fragments)', () => {
  assert.equal(normaliseTitle('[[Kazakhstan]]'), 'Kazakhstan');
  assert.equal(normaliseTitle('[[New_York City|NYC]]'), 'New York City');
  assert.equal(normaliseTitle('  Almaty__Region '), 'Almaty Region');
  assert.equal(normaliseTitle('Caf%C3%A9_de_Flore'), 'Café de Flore');
  assert.equal(normaliseTitle('Kazakhstan#History'), 'Kazakhstan');
  assert.equal(normaliseTitle(':Category:X'), 'Category:X');
  assert.equal(normaliseTitle('100%_sure'), '100% sure');
});

test('page URLs give site and title', () => {
  assert.deepEqual(parsePageUrl('https://en.wikipedia.org/wiki/Kazakhstan'), { site: 'en.wikipedia.org', siteRef: { api: 'https://en.wikipedia.org/w/api.php', name: 'en.wikipedia.org' }, title: 'Kazakhstan' });
  assert.equal(parsePageUrl('https://en.wikipedia.org/w/index.php?title=Nur-Sultan_(city)&action=edit')?.title, 'Nur-Sultan (city)');
  assert.equal(parsePageUrl('https://de.wikipedia.org/wiki/K%C3%B6ln#Geschichte')?.title, 'Köln');
  assert.deepEqual(parsePageUrl('http://127.0.0.1:9999/index.php?title=Kaz')?.siteRef, { api: 'http://127.0.0.1:9999/api.php', name: '127.0.0.1:9999' });
  assert.equal(parsePageUrl('http://127.0.0.1:9999/index.php/Sections')?.title, 'Sections');
  const other = parsePageUrl('https://wiki.example.org/wiki/Main_Page');
  assert.equal(other?.title, 'Main Page');
  assert.equal(other?.siteRef, undefined, 'discovered from the page');
  assert.equal(parsePageUrl('Kazakhstan'), undefined);
  assert.equal(parsePageUrl('https://en.wikipedia.org/'), undefined);
});
