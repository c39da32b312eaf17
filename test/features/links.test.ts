import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, type Analysis } from '../../server/src/core/analysis';
import { encodeTitle } from '../../server/src/core/features/links';
import { documentLinks } from '../helpers/lspFeatures';
import { textOf } from '../helpers/cursor';

const corpus = (name: string) => readFileSync(join(__dirname, '../fixtures/corpus', name), 'utf8');
const BASE = 'https://en.wikipedia.org/wiki/';

/** Each link as `text -> target`. */
function links(a: Analysis, base = BASE): string[] {
  return documentLinks(a, base).map((l) => `${textOf(a.lines, l.range)} -> ${l.target}`);
}

test('wikilinks open on the wiki: spaces as underscores, URI-encoded, fragment kept', () => {
  const a = analyse('[[Kazakhstan]] [[Nursultan Nazarbayev|the president]] [[Almaty#History of the city]] [[ C++ ]] [[Café]] [[AT&T]] [[:Category:Asia]] [[a_b]]');
  assert.deepEqual(links(a), [
    'Kazakhstan -> https://en.wikipedia.org/wiki/Kazakhstan',
    'Nursultan Nazarbayev -> https://en.wikipedia.org/wiki/Nursultan_Nazarbayev',
    'Almaty#History of the city -> https://en.wikipedia.org/wiki/Almaty#History_of_the_city',
    'C++ -> https://en.wikipedia.org/wiki/C%2B%2B',
    'Café -> https://en.wikipedia.org/wiki/Caf%C3%A9',
    'AT&T -> https://en.wikipedia.org/wiki/AT%26T',
    ':Category:Asia -> https://en.wikipedia.org/wiki/Category:Asia',
    'a_b -> https://en.wikipedia.org/wiki/a_b',
  ]);
});

test('files and categories link to their pages; a different linkBase is honoured', () => {
  const a = analyse('[[File:Flag of Kazakhstan.svg|thumb|Flag]] [[Category:Countries in Asia]]');
  assert.deepEqual(links(a, 'https://kk.wikipedia.org/wiki/'), [
    'File:Flag of Kazakhstan.svg -> https://kk.wikipedia.org/wiki/File:Flag_of_Kazakhstan.svg',
    'Category:Countries in Asia -> https://kk.wikipedia.org/wiki/Category:Countries_in_Asia',
  ]);
  const tooltips = documentLinks(a, BASE).map((l) => l.tooltip);
  assert.deepEqual(tooltips, ['Open file page "File:Flag of Kazakhstan.svg"', 'Open category "Category:Countries in Asia"']);
});

test('language interwiki links go to that Wikipedia; sister projects to theirs; unknown interwikis are skipped', () => {
  const a = analyse('[[fr:Kazakhstan]] [[:de:Astana]] [[wikt:steppe]] [[commons:Category:Kazakhstan]] [[google:foo]]');
  assert.deepEqual(links(a), [
    'fr:Kazakhstan -> https://fr.wikipedia.org/wiki/Kazakhstan',
    ':de:Astana -> https://de.wikipedia.org/wiki/Astana',
    'wikt:steppe -> https://en.wiktionary.org/wiki/steppe',
    'commons:Category:Kazakhstan -> https://commons.wikimedia.org/wiki/Category:Kazakhstan',
  ]);
  assert.equal(documentLinks(a, BASE)[0].tooltip, 'Open "Kazakhstan" on fr.wikipedia.org');
});

test('external links and bare URLs link their URL; protocol-relative ones get https', () => {
  const a = analyse('[https://www.akorda.kz/en Akorda] see http://example.org/a_(b), and [//example.com/x x] {{cite web|url=https://example.net/p?q=1}}');
  assert.deepEqual(links(a), [
    'https://www.akorda.kz/en -> https://www.akorda.kz/en',
    'http://example.org/a_(b) -> http://example.org/a_(b)',
    '//example.com/x -> https://example.com/x',
    'https://example.net/p?q=1 -> https://example.net/p?q=1',
  ]);
  assert.equal(documentLinks(a, BASE)[0].tooltip, 'Open https://www.akorda.kz/en');
});

test('magic links: ISBN to book sources, PMID to PubMed, RFC to the IETF', () => {
  const a = analyse('ISBN 978-0-19-280436-3 and PMID 12345 and RFC 2616');
  assert.deepEqual(links(a), [
    'ISBN 978-0-19-280436-3 -> https://en.wikipedia.org/wiki/Special:BookSources/9780192804363',
    'PMID 12345 -> https://pubmed.ncbi.nlm.nih.gov/12345',
    'RFC 2616 -> https://datatracker.ietf.org/doc/html/rfc2616',
  ]);
});

test('links that no URL stands for are skipped: templated targets, same-page and relative links; broken links are text', () => {
  const a = analyse('[[{{PAGENAME}}/sub]] [[#Section]] [[/Subpage]] [[Unclosed link [http://example.org unclosed');
  assert.deepEqual(links(a), ['http://example.org -> http://example.org']);
});

test('encodeTitle keeps the characters MediaWiki keeps', () => {
  assert.equal(encodeTitle('A/B: (c), d!~*$@;'), 'A/B:_(c),_d!~*$@;');
  assert.equal(encodeTitle('50% "off"?'), '50%25_%22off%22%3F');
});

test('Kazakhstan seed: its wikilinks and URLs, in document order', () => {
  const a = analyse(corpus('Kazakhstan__Government_and_politics.wiki'));
  const all = documentLinks(a, BASE);
  assert.equal(all.length, a.model.wikilinks.length + a.model.externalLinks.length);
  assert.deepEqual(links(a).slice(0, 3), [
    'unitary republic -> https://en.wikipedia.org/wiki/unitary_republic',
    'Nursultan Nazarbayev -> https://en.wikipedia.org/wiki/Nursultan_Nazarbayev',
    'https://www.washingtonpost.com/news/worldviews/wp/2014/02/07/yes-kazakhstan-should-change-its-name-this-map-shows-why/ -> https://www.washingtonpost.com/news/worldviews/wp/2014/02/07/yes-kazakhstan-should-change-its-name-this-map-shows-why/',
  ]);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].range.start.character <= all[i].range.start.character);
});

test('Barack Obama: every link target is an absolute URL', () => {
  const a = analyse(corpus('tree-sitter-wikitext__Barack_Obama.wiki'));
  const all = documentLinks(a, BASE);
  assert.equal(all.length, 1929);
  assert.equal(all.length, a.model.wikilinks.length + a.model.externalLinks.length);
  for (const l of all) assert.doesNotThrow(() => new URL(l.target!), l.target);
  assert.ok(links(a).includes('Honolulu -> https://en.wikipedia.org/wiki/Honolulu'));
});
