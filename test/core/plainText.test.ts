// The plain text of wikitext (core/plainText.ts): the tree walk and the string form agree on what a reader sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parser/parse';
import { plainTextOf, plainTextOfWikitext } from '../../server/src/core/plainText';
import { HOSTILE } from '../helpers/hostileText';

const of = (text: string, options?: Parameters<typeof plainTextOf>[2]) => plainTextOf(text, parse(text), options);

test('links by their label or target, quotes, tags, comments and refs dropped, entities decoded', () => {
  const cases: [string, string][] = [
    ['plain words', 'plain words'],
    ["''italic'' and '''bold'''", 'italic and bold'],
    ['[[Paris|the city]] and [[Lyon]] and [[:Category:X]] and [[Nice#Port]]', 'the city and Lyon and Category:X and Nice#Port'],
    ['[http://a.org the site] [http://b.org] http://c.org', 'the site http://c.org'],
    ['a<!-- hidden -->b <span class="x">c</span><br />d', 'ab c d'],
    ['x<ref>note</ref> y<ref name="n" />', 'x y'],
    ['a &amp; b &ndash; c&nbsp;d &#65;&#x42;', 'a & b – c d AB'],
    ['[[Category:Things]][[File:X.jpg|thumb|caption]]text', 'text'],
    ['__NOTOC__ body', 'body'],
    ['a {{!}} b', 'a | b'],
    ['  spread \n\n over   lines  ', 'spread over lines'],
    ['<nowiki>[[not a link]]</nowiki>', '[[not a link]]'],
  ];
  for (const [wikitext, plain] of cases) {
    assert.equal(of(wikitext), plain, wikitext);
  }
});

test('templates are kept as written, or dropped on request (a heading anchor)', () => {
  assert.equal(of('Title{{anchor|t}}<!--c--> end'), 'Title{{anchor|t}} end');
  assert.equal(of('Title{{anchor|t}} end', { templates: 'drop' }), 'Title end');
  assert.equal(of('x {{#if:a|b}} y', { templates: 'drop' }), 'x y');
});

test('the string form agrees with the tree walk where both apply', () => {
  for (const text of ["''Works'' of [[Paris|the city]]", 'a [http://x.org y] b', 'a&amp;b <b>c</b><br/>d', 'a<!-- c --> b', 'x {{!}} y', 'no markup at all']) {
    assert.equal(plainTextOfWikitext(text), of(text), text);
  }
});

test('hostile text: both forms return a string on each hostile input', () => {
  for (const [, make] of HOSTILE) {
    const text = make(5000);
    assert.equal(typeof of(text), 'string');
    assert.equal(typeof plainTextOfWikitext(text), 'string');
  }
});
