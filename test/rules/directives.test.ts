// Inline directives (<!-- wikitext-lint-disable... -->) switch rules off for a line, a range or the rest of the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, fixAll } from '../../server/src/core/lint/lint';

const today = { year: 2026, month: 11, day: 28 };
const EMPTY = 'A.<ref></ref>';
const NUMERIC = 'B.<ref name="1">x</ref>';
/** The rule ids found, one entry per diagnostic, with the 0-based line of each. */
function found(text: string): string[] {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  return lint(text, { today }).diagnostics.filter((d) => d.rule === 'ref-empty' || d.rule === 'ref-numeric-name').map((d) => `${lineOf(d.start)}:${d.rule}`).sort();
}

test('without directives both rules report', () => {
  assert.deepEqual(found([EMPTY, NUMERIC, EMPTY].join('\n')), ['0:ref-empty', '1:ref-numeric-name', '2:ref-empty']);
});

test('disable-next-line silences the named rules on the next line only', () => {
  const text = ['<!-- wikitext-lint-disable-next-line ref-empty -->', EMPTY, EMPTY, '<!-- wikitext-lint-disable-next-line ref-empty -->', NUMERIC].join('\n');
  assert.deepEqual(found(text), ['2:ref-empty', '4:ref-numeric-name']);
  const both = ['<!-- wikitext-lint-disable-next-line ref-empty, ref-numeric-name -->', EMPTY + NUMERIC].join('\n');
  assert.deepEqual(found(both), []);
  const all = ['<!-- wikitext-lint-disable-next-line -->', EMPTY + NUMERIC, EMPTY].join('\n');
  assert.deepEqual(found(all), ['2:ref-empty']);
});

test('disable-line silences its own line, before and after the comment', () => {
  const text = [EMPTY + '<!-- wikitext-lint-disable-line ref-empty -->' + EMPTY, EMPTY].join('\n');
  assert.deepEqual(found(text), ['1:ref-empty']);
});

test('disable ... enable silences a range, per rule or for every rule', () => {
  const text = [EMPTY, '<!-- wikitext-lint-disable ref-empty -->', EMPTY, NUMERIC, '<!-- wikitext-lint-enable ref-empty -->', EMPTY].join('\n');
  assert.deepEqual(found(text), ['0:ref-empty', '3:ref-numeric-name', '5:ref-empty']);
  const all = ['<!-- wikitext-lint-disable -->', EMPTY, NUMERIC, '<!-- wikitext-lint-enable -->', NUMERIC].join('\n');
  assert.deepEqual(found(all), ['4:ref-numeric-name']);
});

test('disable without enable runs to the end of the page; enable of another rule changes nothing', () => {
  const text = ['<!-- wikitext-lint-disable ref-empty -->', EMPTY, '<!-- wikitext-lint-enable ref-numeric-name -->', EMPTY, NUMERIC].join('\n');
  assert.deepEqual(found(text), ['4:ref-numeric-name']);
});

test('a directive for another rule, or an ordinary comment, silences nothing', () => {
  const text = ['<!-- wikitext-lint-disable-next-line ref-numeric-name -->', EMPTY, '<!-- disable ref-empty -->', EMPTY].join('\n');
  assert.deepEqual(found(text), ['1:ref-empty', '3:ref-empty']);
});

test('--fix leaves silenced problems alone', () => {
  const text = ['<!-- wikitext-lint-disable-next-line ref-empty -->', EMPTY, EMPTY].join('\n');
  const out = fixAll(text, { today }).text;
  assert.deepEqual(out.split('\n').slice(0, 2), ['<!-- wikitext-lint-disable-next-line ref-empty -->', EMPTY]);
  assert.notEqual(out.split('\n')[2], EMPTY, 'the line without a directive is fixed');
});
