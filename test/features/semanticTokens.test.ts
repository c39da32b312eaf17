import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse, type Analysis } from '../../server/src/core/analysis';
import { semanticTokens, semanticTokensLegend } from '../helpers/lspFeatures';

const corpus = (name: string) => readFileSync(join(__dirname, '../fixtures/corpus', name), 'utf8');

interface Token {
  line: number;
  char: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** Decodes LSP's relative encoding. */
function decode(data: number[]): Token[] {
  const out: Token[] = [];
  let line = 0, char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const modifiers = semanticTokensLegend.tokenModifiers.filter((_, k) => data[i + 4] & (1 << k));
    out.push({ line, char, length: data[i + 2], type: semanticTokensLegend.tokenTypes[data[i + 3]], modifiers });
  }
  return out;
}

/** Tokens as `text:type[+modifiers]`. */
function show(a: Analysis, tokens: Token[]): string[] {
  const lines = a.text.split('\n');
  return tokens.map((t) => `${lines[t.line].slice(t.char, t.char + t.length)}:${t.type}${t.modifiers.map((m) => '+' + m).join('')}`);
}

test('the legend names the types and modifiers the tokens use', () => {
  assert.deepEqual(semanticTokensLegend.tokenTypes, ['function', 'macro', 'parameter', 'variable', 'property', 'namespace', 'string', 'comment', 'keyword']);
  assert.deepEqual(semanticTokensLegend.tokenModifiers, ['definition', 'deprecated', 'invalid']);
});

test('templates, parser functions, magic words, parameters, refs, links, comments and switches', () => {
  const a = analyse(
    '#REDIRECT [[Almaty]]\n' +
      'a<ref name="x" group=g>c {{cite web|url=http://example.org|title=T|access-date=2020-01-01|deadurl=yes|foo=1}}</ref>' +
      ' b<ref name=x group=g/> {{r|x|y}}\n' +
      '[[File:A b.png|thumb]] [[Category:Asia]] {{#if:a|b}} {{PAGENAME}} {{{1|d}}} __NOTOC__ <!-- note -->\n' +
      '{{reflist|group=g}}',
  );
  assert.deepEqual(show(a, decode(semanticTokens(a).data)), [
    '#REDIRECT:keyword',
    'Almaty:string',
    'x:variable+definition',
    'g:property',
    'cite web:function',
    'url:parameter',
    'title:parameter',
    'access-date:parameter',
    'deadurl:parameter+deprecated+invalid', // deprecated, and cite-dead-link: marked dead (deadurl=yes) with no archive
    'foo:parameter+invalid',
    'x:variable',
    'g:property',
    'r:function',
    'x:variable',
    'y:variable',
    'File:A b.png:namespace',
    'Category:Asia:namespace',
    '#if:macro',
    'PAGENAME:keyword',
    '1:parameter',
    '__NOTOC__:keyword',
    '<!-- note -->:comment',
    'reflist:function',
    'group:parameter',
    'g:property',
  ]);
});

test('tokens never span lines: a multi-line comment and template name are cut at each line break', () => {
  const a = analyse('x <!-- one\ntwo\n\nthree --> {{Infobox\ncountry\n| name = K\n}}');
  const tokens = decode(semanticTokens(a).data);
  assert.deepEqual(
    tokens.map((t) => [t.line, t.char, t.length, t.type]),
    [
      [0, 2, 8, 'comment'],
      [1, 0, 3, 'comment'],
      [3, 0, 9, 'comment'],
      [3, 12, 7, 'function'],
      [4, 0, 7, 'function'],
      [5, 2, 4, 'parameter'],
    ],
  );
});

test('a nested template inside a template name or link target gets its own tokens, never overlapping', () => {
  const a = analyse('{{foo{{bar}}|p=1}} [[{{baz}} x]]');
  assert.deepEqual(show(a, decode(semanticTokens(a).data)), ['foo:function', 'bar:function', 'p:parameter', 'baz:function', 'x:string']);
});

test('a range request returns the tokens of the nodes it touches', () => {
  const text = '{{a}}\n{{b|x=1}}\n{{c}}\n';
  const a = analyse(text);
  const start = text.indexOf('{{b'), end = text.indexOf('{{c');
  const tokens = decode(semanticTokens(a, { start, end: end - 1 }).data);
  assert.deepEqual(tokens.map((t) => [t.line, t.char, t.length, t.type]), [[1, 2, 1, 'function'], [1, 4, 1, 'parameter']]);
});

test('broken wikitext: unclosed templates and refs are text and get no tokens; an unclosed comment is a comment', () => {
  const a = analyse('{{cite web|title=x <ref name="a">y <!-- open');
  assert.deepEqual(show(a, decode(semanticTokens(a).data)), ['<!-- open:comment']);
  assert.deepEqual(semanticTokens(analyse('')).data, []);
});

/** Tokens sorted, within their line, not overlapping. */
function checkWellFormed(a: Analysis, tokens: Token[]): void {
  const lines = a.text.split('\n');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    assert.ok(t.length > 0 && t.char + t.length <= lines[t.line].length, `token ${i} leaves its line`);
    if (i > 0) {
      const p = tokens[i - 1];
      assert.ok(p.line < t.line || p.char + p.length <= t.char, `token ${i} overlaps or precedes the previous one`);
    }
  }
}

test('Kazakhstan seed: all on line 0, sorted and disjoint; citation names and ref names', () => {
  const a = analyse(corpus('Kazakhstan__Government_and_politics.wiki'));
  const tokens = decode(semanticTokens(a).data);
  checkWellFormed(a, tokens);
  assert.ok(tokens.every((t) => t.line === 0));
  const shown = show(a, tokens);
  assert.deepEqual(shown.slice(0, 6), ['Main:function', 'unitary republic:string', 'Nursultan Nazarbayev:string', 'cite news:function', 'url:parameter', 'title:parameter']);
  assert.equal(shown.filter((s) => s === 'Iran Daily:variable+definition').length, 1);
  assert.equal(shown.filter((s) => s === 'Iran Daily:variable').length, 3);
  assert.equal(shown.filter((s) => s.endsWith(':function')).length, a.model.templates.filter((t) => t.type === 'Template').length);
});

test('Barack Obama, doubled to 700 KB: well formed, and one linear pass', () => {
  const text = corpus('tree-sitter-wikitext__Barack_Obama.wiki');
  const single = analyse(text);
  checkWellFormed(single, decode(semanticTokens(single).data));
  const a = analyse(text + '\n' + text);
  assert.ok(a.text.length > 600_000);
  semanticTokens(a);
  const t0 = performance.now();
  const { data } = semanticTokens(a);
  const ms = performance.now() - t0;
  assert.equal(data.length, 2 * semanticTokens(single).data.length);
  assert.ok(ms < 400, `semantic tokens took ${ms.toFixed(0)} ms`);
});
