// The shared text helpers (server/src/core/text.ts): one definition each, used by parser users, rules and features.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, insertionDateFormat, isWhitespace, MONTH_NAMES, nodeAt, trimmedRange } from '../../server/src/core/text';
import { parse } from '../../server/src/core/parser/parse';

test('whitespace is ASCII whitespace, NBSP and the Unicode spaces (as JavaScript\'s \\s)', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isWhitespace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  assert.ok(isWhitespace(0xa0));
});

test('trimmed ranges and the node at an offset', () => {
  const src = '\u00a0 {{cite web |title= A \u00a0}}';
  assert.deepEqual(trimmedRange(src, 0, src.length), { start: 2, end: src.length });
  assert.deepEqual(trimmedRange('   ', 0, 3), { start: 3, end: 3 });
  const doc = parse(src);
  assert.equal(nodeAt(doc, src.indexOf('title')).type, 'ParameterName');
});

test('the node at an offset, touching: a cursor just after a construct is on it; the next one wins at a boundary', () => {
  const src = 'a {{x|1=}}{{y}}';
  const doc = parse(src);
  const end = src.length;
  // strict: the offset after the last character is on no child
  assert.equal(nodeAt(doc, end).type, 'Document');
  // touching: the template that ends there, down to its closing punctuation
  let n = nodeAt(doc, end, true);
  while (n.parent && n.type !== 'Template') n = n.parent;
  assert.equal((n as { name?: string }).name, 'Y');
  // between }} and {{: the template that starts there
  const between = src.indexOf('{{y');
  let m = nodeAt(doc, between, true);
  while (m.parent && m.type !== 'Template') m = m.parent;
  assert.equal(m.start, between);
  // an empty value gives way to what stands before it (the `=`)
  assert.notEqual(nodeAt(doc, src.indexOf('=}}') + 1, true).type, 'ParameterValue');
});

test('edit distance, with a limit that stops early', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('acess-date', 'access-date'), 1);
  assert.equal(editDistance('kitten', 'sitting', 1), 2, 'above the limit: limit + 1');
  assert.equal(editDistance('a', 'abcdef', 2), 3);
});

test('the format of an inserted date: page, then the citation\'s own dates, then the fallback', () => {
  assert.equal(insertionDateFormat('mdy', 'dmy', 'iso'), 'mdy');
  assert.equal(insertionDateFormat(null, 'dmy', 'iso'), 'dmy');
  assert.equal(insertionDateFormat(null, 'ymd', 'dmy'), 'iso');
  assert.equal(insertionDateFormat(undefined, undefined, 'mdy'), 'mdy');
  assert.equal(MONTH_NAMES[11], 'December');
});
