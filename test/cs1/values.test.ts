/** CS1's value checks (cs1/values.ts, urls.ts externalLinkIn), case by case against the module's patterns. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etAlIn, extraText, invalidKeyword, invisibleCharIn, stripApostropheMarkup } from '../../server/src/core/cs1/values';
import { externalLinkIn } from '../../server/src/core/cs1/urls';

test('keyword lists: exact, case-sensitive; ref=harv is the inverted check', () => {
  assert.equal(invalidKeyword('name-list-style', 'amp'), undefined);
  assert.equal(invalidKeyword('name-list-style', '&'), undefined);
  assert.ok(invalidKeyword('name-list-style', 'yes'));
  assert.ok(invalidKeyword('url-access', 'yes'));
  assert.ok(invalidKeyword('mode', 'CS1'));
  assert.equal(invalidKeyword('df', 'dmy-all'), undefined);
  assert.ok(invalidKeyword('doi-access', 'Free'));
  assert.ok(invalidKeyword('ref', 'harv'));
  assert.equal(invalidKeyword('ref', 'CITEREFSmith2001'), undefined);
  assert.equal(invalidKeyword('title', 'anything'), undefined);
});

test('et al. patterns', () => {
  for (const v of ['Smith et al.', 'Smith, et al', "D. ''et al.''", 'Smith et alii', 'Smith and others', 'Smith [[et al.]]', 'Smith (et al.)', 'et al.']) assert.ok(etAlIn(v), v);
  for (const v of ['Etal Ltd', 'Smith', 'Metal Works', 'Jones, Alan']) assert.equal(etAlIn(v), undefined, v);
  assert.equal(etAlIn('Smith, John, et al.')!.rest, 'Smith, John');
});

test('external links: bracketed, bare, protocol-relative; not interwikis or plain colons', () => {
  assert.equal(externalLinkIn('http://chs.harvard.edu'), 'http://chs.harvard.edu');
  assert.equal(externalLinkIn('Cygnnet [http://www.cygnnet.co.uk/books/?id=4]'), 'http://www.cygnnet.co.uk/books/?id=4');
  assert.equal(externalLinkIn('[//example.org text]'), '//example.org');
  assert.equal(externalLinkIn('see //example.org'), '//example.org');
  for (const v of ['[[Wikipedia:Example]]', 'Note: a history', 'Time: 10:30', 'File:X.jpg', 'ISBN:0-19', '[[//Hus]]']) assert.equal(externalLinkIn(v), undefined, v);
});

test('apostrophe markup is stripped as CS1 does', () => {
  assert.equal(stripApostropheMarkup("''The Times''"), 'The Times');
  assert.equal(stripApostropheMarkup("'''''Bold italic'''''"), 'Bold italic');
  assert.equal(stripApostropheMarkup("O'Reilly"), undefined);
});

test('invisible characters: first in CS1 order, with the code point; ASCII skipped; ZWJ allowed in Indic text', () => {
  assert.deepEqual(invisibleCharIn('A\u200bB'), { index: 1, char: '\u200b', name: 'zero width space', codePoint: 'U+200B' });
  assert.equal(invisibleCharIn('A\u00a0B\u00ad')!.name, 'soft hyphen', 'soft hyphen comes before no-break space in CS1 order');
  assert.equal(invisibleCharIn('plain ascii text'), undefined);
  assert.equal(invisibleCharIn('\u0915\u094d\u200d\u0937'), undefined);
  assert.equal(invisibleCharIn('x\u0007')!.name, 'C0 control');
  assert.equal(invisibleCharIn('x\u0085')!.name, 'C1 control');
  assert.equal(invisibleCharIn('Zürich'), undefined);
});

test('extra text in pages, volume, issue, edition', () => {
  for (const [p, v] of [['pages', 'pp. 41–48'], ['page', 'p. 5'], ['page', 'p5'], ['pages', 'pages 5'], ['volume', 'Vol. 3'], ['volume', 'Volume 25'], ['issue', 'No. 7'], ['issue', 'Issue 4'], ['issue', 'nr. 3'], ['edition', '2nd ed.'], ['edition', 'Third edition']]) assert.ok(extraText(p, v), `${p}=${v}`);
  for (const [p, v] of [['page', 'P7'], ['pages', 'Pages 5'], ['volume', 'V'], ['issue', 'November'], ['issue', 'Nostradamus'], ['edition', 'Revised'], ['pages', '41–48']]) assert.equal(extraText(p, v), undefined, `${p}=${v}`);
});
