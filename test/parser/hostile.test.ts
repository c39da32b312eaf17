/**
 * Hostile input: the parser stays linear. Each generator is parsed at two sizes (×4); a quadratic parser
 * would take ~16× as long, a linear one ~4×. The bound is generous (×10) so that machine noise never fails
 * it; the real figures are in `npm run bench`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, checkTree, printTree } from '../../server/src/core/parser/parse';
import { HOSTILE } from '../helpers/hostileText';

const KB = 1024;

function time(text: string): number {
  const t0 = performance.now();
  const doc = parse(text);
  const ms = performance.now() - t0;
  assert.equal(checkTree(doc), null);
  assert.equal(printTree(doc).length, text.length);
  return ms;
}

for (const [name, make] of HOSTILE) {
  test(`hostile input stays linear: ${name}`, { timeout: 60_000 }, () => {
    const small = make(64 * KB), large = make(256 * KB);
    time(small); // warm up
    const tSmall = Math.max(time(small), 2);
    const tLarge = time(large);
    assert.ok(tLarge < tSmall * 10 + 50, `${name}: ${tSmall.toFixed(1)} ms for 64 KB but ${tLarge.toFixed(1)} ms for 256 KB`);
  });
}

test('10,000-deep nesting and a 5 MB single line parse without throwing', { timeout: 120_000 }, () => {
  for (const text of ['{{a|'.repeat(10000) + '}}'.repeat(10000), '[['.repeat(10000) + ']]'.repeat(10000), '<ref>'.repeat(10000), 'a [[b]] {{c|d}} '.repeat(5 * 1024 * 1024 / 16)]) {
    const doc = parse(text);
    assert.equal(checkTree(doc), null);
  }
});
