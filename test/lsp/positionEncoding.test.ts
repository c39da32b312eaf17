/**
 * The position-encoding layer's conversions on their own: UTF-8 and UTF-32 columns against Node's own
 * encoders, every column of a line full of multi-unit characters, clamping, and the negotiation rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EncodedText, negotiateEncoding } from '../../server/src/positionEncoding';

const LINE = "a é Ж — 😀 🇰🇿 z";
const TEXT = `${LINE}\nsecond ü\n`;

test('negotiation: UTF-16 unless the client leaves it out; then UTF-8, then UTF-32', () => {
  assert.equal(negotiateEncoding({ capabilities: {} }), 'utf-16');
  assert.equal(negotiateEncoding({ capabilities: { general: { positionEncodings: [] } } }), 'utf-16');
  assert.equal(negotiateEncoding({ capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } } }), 'utf-16');
  assert.equal(negotiateEncoding({ capabilities: { general: { positionEncodings: ['utf-8'] } } }), 'utf-8');
  assert.equal(negotiateEncoding({ capabilities: { general: { positionEncodings: ['utf-32', 'utf-8'] } } }), 'utf-8');
  assert.equal(negotiateEncoding({ capabilities: { general: { positionEncodings: ['utf-32'] } } }), 'utf-32');
  assert.equal(negotiateEncoding(null), 'utf-16');
});

test('every character boundary converts both ways, in any order (the per-line cache)', () => {
  for (const enc of ['utf-8', 'utf-32'] as const) {
    const doc = new EncodedText(TEXT, enc);
    const boundaries: [number, number][] = [];
    let u16 = 0;
    for (const ch of LINE) {
      const prefix = LINE.slice(0, u16);
      boundaries.push([u16, enc === 'utf-8' ? Buffer.byteLength(prefix, 'utf8') : [...prefix].length]);
      u16 += ch.length;
    }
    boundaries.push([LINE.length, enc === 'utf-8' ? Buffer.byteLength(LINE, 'utf8') : [...LINE].length]);
    const order = [...boundaries, ...[...boundaries].reverse()];
    for (const [c16, cEnc] of order) {
      assert.deepEqual(doc.fromUtf16({ line: 0, character: c16 }), { line: 0, character: cEnc }, `${enc} from ${c16}`);
      assert.deepEqual(doc.toUtf16({ line: 0, character: cEnc }), { line: 0, character: c16 }, `${enc} to ${cEnc}`);
    }
    assert.deepEqual(doc.fromUtf16({ line: 1, character: 8 }), { line: 1, character: enc === 'utf-8' ? 9 : 8 });
  }
});

test('columns inside a character round down; past the end clamp to the line end', () => {
  const doc = new EncodedText(TEXT, 'utf-8');
  const emoji16 = LINE.indexOf('😀');
  const emoji8 = Buffer.byteLength(LINE.slice(0, emoji16), 'utf8');
  assert.equal(doc.toUtf16({ line: 0, character: emoji8 + 2 }).character, emoji16);
  assert.equal(doc.fromUtf16({ line: 0, character: emoji16 + 1 }).character, emoji8);
  assert.equal(doc.toUtf16({ line: 0, character: 999 }).character, LINE.length);
  assert.equal(doc.fromUtf16({ line: 0, character: 999 }).character, Buffer.byteLength(LINE, 'utf8'));
  assert.deepEqual(doc.toUtf16({ line: 7, character: 3 }), { line: 7, character: 3 });
});
