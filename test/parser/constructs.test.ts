/**
 * Tree snapshots for every construct, well-formed and broken. Snapshots live in
 * `constructs.snap.txt`; run with UPDATE_SNAPSHOTS=1 to rewrite them (then review the diff).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, checkTree, printTree } from '../../server/src/core/parser/parse';
import { compact } from '../helpers/tree';

export const CASES: [string, string][] = [
  ['text', 'plain text'],
  ['comment', 'a<!-- c -->b'],
  ['comment unclosed', 'a<!-- never closed'],
  ['template', '{{foo|a|b=c}}'],
  ['template positional numbering', '{{foo|a|2=x|b}}'],
  ['template name normalised', '{{ template:cite_web <!--x--> |title=T}}'],
  ['template multi-line', '{{Infobox\n| name = X\n| image = Y.jpg\n}}'],
  ['template nested', '{{a|{{b|c}}|d={{e}}}}'],
  ['template rightmost match', '{{{{{a}}}}}'],
  ['template unclosed', '{{foo|bar'],
  ['template stray close', 'a}}b'],
  ['pipe inside link in template', '{{foo|[[a|b]]|c}}'],
  ['parser function', '{{#if: {{{1|}}} | yes | no }}'],
  ['invoke', '{{#invoke:Citation/CS1|citation|CitationClass=web}}'],
  ['magic word', '{{PAGENAME}}'],
  ['parser function without hash', '{{DEFAULTSORT:Obama, Barack}}'],
  ['argument', '{{{1|default}}}'],
  ['argument with equals', '{{{a|b=c}}}'],
  ['ref', 'x<ref name="a">text</ref>'],
  ['ref self-closing', '<ref name=a />'],
  ['ref attributes single-quoted and spaced', "<ref name=' a  b ' group=note>t</ref>"],
  ['ref case-insensitive', '<REF Name="x">t</Ref>'],
  ['ref unclosed', 'a<ref>b {{c}}'],
  ['ref containing template with pipe', '<ref>{{cite web|url=http://x.org|title=T}}</ref>'],
  ['ref inside template argument', '{{efn|a<ref>b|c</ref>}}'],
  ['references with list-defined refs', '<references>\n<ref name="a">A</ref>\n</references>'],
  ['tag ref parser function', '{{#tag:ref|text|name=n|group=g}}'],
  ['nowiki raw', '<nowiki>{{not a template}} [[x]]</nowiki>'],
  ['pre raw', '<pre>\n{{x}}\n</pre>'],
  ['math raw', '<math>\\frac{1}{2}</math>'],
  ['syntaxhighlight raw', '<syntaxhighlight lang="python">print("{{x}}")</syntaxhighlight>'],
  ['poem wikitext body', "<poem>''line''\n[[link]]</poem>"],
  ['noinclude markers', 'a<noinclude>b</noinclude>c'],
  ['heading', '== Title ==\ntext'],
  ['heading with comment after', '== Title == <!-- c -->\n'],
  ['heading unbalanced', '=== Title ==\n'],
  ['heading mid-line is text', 'text == Not a heading =='],
  ['wikilink', '[[Page|text]]s'],
  ['wikilink with fragment', '[[Page#Section]]'],
  ['file link with nested link', '[[File:X.jpg|thumb|A [[b]] caption]]'],
  ['category', '[[Category:Foo|sort]]'],
  ['interwiki', '[[fr:Paris]]'],
  ['invalid link target', '[[a{b]]'],
  ['link with url target is text', '[[http://example.org]]'],
  ['triple brackets', '[[[x]]]'],
  ['link text with a bracket takes the third ]', '[[Main Page|[bar]]]'],
  ['protocol name without colon is a page', 'x [[HTTP/2]] y'],
  ['link inside a page link: only the inner one links', '[[Hi|[[Ho]]]]'],
  ['link inside a media link: only the inner one links', '[[Media:A.jpg|[[B]]]]'],
  ['external link', '[https://example.org Example site]'],
  ['external link without text', '[https://example.org]'],
  ['external link unclosed', '[https://example.org text'],
  ['bare url trailing punctuation', 'See https://example.org/a_(b), and http://x.org/y.'],
  ['bold italic', "'''bold''' ''italic'' '''''both'''''"],
  ['four apostrophes', "''''x''''"],
  ['list items', '* a\n** b\n# c\n: d\n; e : f'],
  ['horizontal rule', '----\ntext'],
  ['table', '{| class="wikitable"\n|+ Caption\n|-\n! H1 !! H2\n|-\n| a || style="x" | b\n|}'],
  ['table with template in cell', '{|\n| {{foo|x}} || [[a|b]]\n|}'],
  ['nested table', '{|\n|\n{|\n| inner\n|}\n|}'],
  ['table unclosed', '{|\n| a\n'],
  ['html tags', 'a<span style="color:red">b</span><br/>'],
  ['entities', '&amp; &#123; &#x1F; &nbsp;'],
  ['signature', '~~~~'],
  ['behaviour switch', '__NOTOC__'],
  ['magic links', 'ISBN 978-0-306-40615-7 and PMID 12345'],
  ['redirect', '#REDIRECT [[Target page]]'],
  ['lone brackets', '[[ ]] {{ }} [ ]'],
  ['crlf', '== A ==\r\n* b\r\n'],
];

const SNAP = join(__dirname, 'constructs.snap.txt');

function render(): string {
  return CASES.map(([name, input]) => {
    const doc = parse(input);
    return `## ${name}\n${JSON.stringify(input)}\n${compact(doc)}\n`;
  }).join('\n');
}

test('every construct case keeps the tree invariants', () => {
  for (const [name, input] of CASES) {
    const doc = parse(input);
    assert.equal(checkTree(doc), null, name);
    assert.equal(printTree(doc), input, name);
  }
});

test('construct trees match the reviewed snapshots', () => {
  const actual = render();
  if (process.env.UPDATE_SNAPSHOTS || !existsSync(SNAP)) {
    writeFileSync(SNAP, actual);
    return;
  }
  const expected = readFileSync(SNAP, 'utf8');
  const a = actual.split('\n## '), e = expected.split('\n## ');
  for (let i = 0; i < Math.max(a.length, e.length); i++) assert.equal(a[i], e[i], `snapshot ${i} differs`);
});
