import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SelectionRange } from 'vscode-languageserver-types';
import { analyse, type Analysis } from '../../server/src/core/analysis';
import { selectionRanges } from '../helpers/lspFeatures';
import { withCursor, textOf } from '../helpers/cursor';

const corpus = (name: string) => readFileSync(join(__dirname, '../fixtures/corpus', name), 'utf8');

/** The chain of selected texts, innermost first. */
function chain(a: Analysis, r: SelectionRange): string[] {
  const out: string[] = [];
  for (let s: SelectionRange | undefined = r; s; s = s.parent) out.push(textOf(a.lines, s.range));
  return out;
}

test('from a parameter value outward: value, parameter, template, ref body, ref, document', () => {
  const { text, offset } = withCursor('Intro.<ref name="a">{{cite web|title=Big ‸news|url=http://x.org}}</ref> End.');
  const a = analyse(text);
  const [r] = selectionRanges(a, [offset]);
  assert.deepEqual(chain(a, r), [
    'Big news',
    '|title=Big news',
    '{{cite web|title=Big news|url=http://x.org}}',
    '<ref name="a">{{cite web|title=Big news|url=http://x.org}}</ref>',
    text,
  ]);
});

test('a quoted attribute value selects its text without quotes first; duplicate ranges are skipped', () => {
  const { text, offset } = withCursor('x<ref name="sm‸ith" />');
  const a = analyse(text);
  assert.deepEqual(chain(a, selectionRanges(a, [offset])[0]), ['smith', '"smith"', 'name="smith"', '<ref name="smith" />', text]);
});

test('several cursors get one chain each; a cursor at the end of the text selects the last leaf', () => {
  const { text, offsets } = withCursor('‸[[Almaty|the ‸city]] is big.‸');
  const a = analyse(text);
  const [first, second, third] = selectionRanges(a, offsets);
  assert.deepEqual(chain(a, first), ['[[', '[[Almaty|the city]]', text]);
  assert.deepEqual(chain(a, second), ['the city', '[[Almaty|the city]]', text]);
  assert.deepEqual(chain(a, third), [' is big.', text]);
});

test('line ranges: a list item inside a multi-line document', () => {
  const { text, offset } = withCursor('== H ==\n* one ‸two\n* three\n');
  const a = analyse(text);
  const r = selectionRanges(a, [offset])[0];
  // The content leaf and ListContent cover the same range: one entry.
  assert.deepEqual(chain(a, r), [' one two', '* one two', text]);
  assert.deepEqual(r.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 9 } });
});

test('broken wikitext: an unclosed template is text, so the chain is the text leaf and the document', () => {
  const { text, offset } = withCursor('{{cite web|title=un‸closed');
  const a = analyse(text);
  assert.deepEqual(chain(a, selectionRanges(a, [offset])[0]), [text]);
  assert.deepEqual(chain(analyse(''), selectionRanges(analyse(''), [0])[0]), ['']);
});

test('Kazakhstan seed: inside a citation title within a ref', () => {
  const text = corpus('Kazakhstan__Government_and_politics.wiki');
  const a = analyse(text);
  const at = text.indexOf('This map shows why.');
  const c = chain(a, selectionRanges(a, [at])[0]);
  assert.equal(c[0], 'Yes, Kazakhstan should change its name. This map shows why.');
  assert.equal(c[1], '|title=Yes, Kazakhstan should change its name. This map shows why.');
  assert.ok(c[2].startsWith('{{cite news|url=https://www.washingtonpost.com/') && c[2].endsWith('}}'));
  assert.ok(c[3].startsWith('<ref>{{cite news') && c[3].endsWith('</ref>'));
  assert.equal(c[c.length - 1], text);
  assert.equal(c.length, 5);
});

test('Barack Obama: every chain nests strictly outward', () => {
  const text = corpus('tree-sitter-wikitext__Barack_Obama.wiki');
  const a = analyse(text);
  const offsets = [0, 1000, 50000, 123456, 200000, text.length];
  for (const r of selectionRanges(a, offsets)) {
    let prev: [number, number] | null = null;
    for (let s: SelectionRange | undefined = r; s; s = s.parent) {
      const cur: [number, number] = [a.lines.offset(s.range.start.line, s.range.start.character), a.lines.offset(s.range.end.line, s.range.end.character)];
      if (prev) assert.ok(cur[0] <= prev[0] && prev[1] <= cur[1] && (cur[0] < prev[0] || prev[1] < cur[1]));
      prev = cur;
    }
    assert.deepEqual(prev, [0, text.length]);
  }
});
