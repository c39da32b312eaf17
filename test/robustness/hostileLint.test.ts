/**
 * Hostile documents through the full `lint` (parser, model, citations, all 34 rules, directives), not only
 * the parser (test/parser/hostile.test.ts covers parse-only growth):
 * - growth: each generator at two sizes (64 KB and 256 KB, ×4); a linear lint takes ~4× as long, a
 *   quadratic one ~16×; the bound is a generous ×10 (+100 ms) so that machine noise never fails it;
 * - the full-size documents of the issue (1 MB of single openers, a 5 MB single line, 100,000 refs with one
 *   name, a table of 100,000 cells, 10,000-deep nesting) each lint within a per-byte bound relative to the
 *   corpus average measured on the same machine, with no rule throwing.
 * The slowest hostile document per byte versus the corpus average is printed on a `# hostile lint:` line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/lint/lint';
import { corpusPaths, readCorpus, LINT_OPTIONS } from './properties';

const KB = 1024;
const MB = 1024 * KB;

/** Generators of hostile text of about n characters. */
const GROWTH: [string, (n: number) => string][] = [
  ['{{', (n) => '{{'.repeat(n / 2)],
  ['}}', (n) => '}}'.repeat(n / 2)],
  ['[[', (n) => '[['.repeat(n / 2)],
  ['<ref>', (n) => '<ref>'.repeat(n / 5)],
  ['<ref name=a>', (n) => '<ref name=a>'.repeat(n / 12)],
  ['{|', (n) => '{|\n'.repeat(n / 3)],
  ["'''", (n) => "'''".repeat(n / 3)],
  ['<!--', (n) => '<!--'.repeat(n / 4)],
  ['<', (n) => '<'.repeat(n)],
  ['|', (n) => '|'.repeat(n)],
  ['<nowiki>', (n) => '<nowiki>'.repeat(n / 8)],
  ['{{cite web|', (n) => '{{cite web|'.repeat(n / 11)],
  ['deep {{', (n) => '{{a|'.repeat(n / 6) + 'x' + '}}'.repeat(n / 6)],
  ['deep [[', (n) => '[[a|'.repeat(n / 6) + 'x' + ']]'.repeat(n / 6)],
  ['deep refs in efn', (n) => '<ref>{{efn|'.repeat(n / 22) + '}}</ref>'.repeat(n / 22)],
  ['refs with one name', (n) => '<ref name="a">x</ref>'.repeat(n / 21)],
  ['refs with one name, differing content', (n) => Array.from({ length: Math.floor(n / 24) }, (_, i) => `<ref name="a">${i % 1000}</ref>`).join('')],
  ['table cells', (n) => '{|\n' + '| c\n'.repeat(n / 4) + '|}'],
  ['inline table cells', (n) => '{|\n|' + 'c||'.repeat(n / 3) + '\n|}'],
  ['citations with problems', (n) => '<ref>{{cite web |url=https://example.org/a |title=A |deadurl=yes |accessdate=2020-01-01}}</ref>\n'.repeat(n / 85)],
  ['one template, many parameters', (n) => '{{cite web' + '|url=x'.repeat(n / 6) + '}}'],
  ['one long line', (n) => 'a [[b]] {{c|d}} <ref>{{cite web|url=https://e.org/x|title=t}}</ref> '.repeat(n / 70)],
];

function timeLint(text: string): number {
  const t0 = performance.now();
  const r = lint(text, LINT_OPTIONS);
  const ms = performance.now() - t0;
  assert.deepEqual(r.ruleErrors, [], 'no rule throws');
  return ms;
}

/** The fastest of three runs: a load spike or a GC pause on the shared machine lengthens one run, a quadratic path every run. */
function minTimeLint(text: string): number {
  return Math.min(timeLint(text), timeLint(text), timeLint(text));
}

for (const [name, make] of GROWTH) {
  test(`lint stays linear on hostile input: ${name}`, { timeout: 60_000 }, () => {
    const small = make(64 * KB), large = make(256 * KB);
    timeLint(small); // warm up
    const tSmall = Math.max(minTimeLint(small), 2);
    const tLarge = minTimeLint(large);
    assert.ok(tLarge < tSmall * 10 + 100, `${name}: lint took ${tSmall.toFixed(1)} ms for 64 KB but ${tLarge.toFixed(1)} ms for 256 KB`);
  });
}

/** The full-size documents. */
const FULL: [string, () => string][] = [
  ...(['{{', '}}', '[[', ']]', '[', '{|', "'''", '<!--', '<ref>', '<', '|', '{{{', '<nowiki>', '<ref name="a">'] as const).map(
    (o): [string, () => string] => [`1 MB of ${JSON.stringify(o)}`, () => o.repeat(Math.ceil(MB / o.length))],
  ),
  ['a 5 MB single line', () => 'a [[b]] {{c|d}} <ref>{{cite web|url=https://e.org/x|title=t}}</ref> '.repeat(Math.ceil((5 * MB) / 70))],
  ['100,000 refs with one name', () => '<ref name="a">x</ref>'.repeat(100_000)],
  ['a table of 100,000 cells', () => '{|\n' + '| c\n'.repeat(100_000) + '|}'],
  ['10,000-deep {{', () => '{{a|'.repeat(10_000) + 'x' + '}}'.repeat(10_000)],
  ['10,000-deep tables', () => '{|\n|\n'.repeat(10_000) + '|}\n'.repeat(10_000)],
  ['10,000-deep refs in efn', () => '<ref>{{efn|'.repeat(10_000) + '}}</ref>'.repeat(10_000)],
];

/** Per-byte bound: this many times the corpus average (measured on the same machine), plus 1 s. */
const FACTOR = 30;

test('full-size hostile documents each lint within a bound linear in their size', { timeout: 120_000 }, () => {
  // the corpus average per byte: the fixtures and 20 shared articles when present
  const corpus = corpusPaths(20).map(readCorpus);
  for (const t of corpus.slice(0, 2)) lint(t, LINT_OPTIONS); // warm up
  let corpusMs = 0, corpusBytes = 0;
  for (const t of corpus) {
    corpusMs += timeLint(t);
    corpusBytes += t.length;
  }
  const avg = corpusMs / corpusBytes; // ms per character
  let slowest = { name: '', perByte: 0, ms: 0, bytes: 0 };
  const rows: string[] = [];
  for (const [name, make] of FULL) {
    const text = make();
    const ms = timeLint(text);
    const perByte = ms / text.length;
    rows.push(`${name}: ${ms.toFixed(0)} ms, ${(perByte * 1e6).toFixed(0)} ns/char`);
    if (perByte > slowest.perByte) slowest = { name, perByte, ms, bytes: text.length };
    assert.ok(ms < FACTOR * avg * text.length + 1000, `${name}: ${ms.toFixed(0)} ms for ${text.length} chars, over ${FACTOR}× the corpus average (${(avg * 1e6).toFixed(0)} ns/char)`);
  }
  console.log(`# hostile lint: ${rows.join('; ')}`);
  console.log(
    `# hostile lint: slowest per byte is "${slowest.name}" (${(slowest.bytes / MB).toFixed(2)} MB in ${slowest.ms.toFixed(0)} ms): ` +
    `${(slowest.perByte * 1e6).toFixed(0)} ns/char = ${(slowest.perByte / avg).toFixed(2)}× the corpus average ` +
    `(${(avg * 1e6).toFixed(0)} ns/char over ${corpus.length} files, ${(corpusBytes / MB).toFixed(2)} MB)`,
  );
});

/**
 * BUG (found by this suite): balanced nesting of bare openers — `{{`×n `}}`×n, `[[`×n `]]`×n, and the same
 * with `[`, `[[[`, `{{{`, `{{{{` — is quadratic in the parser (parse alone: 8,000 levels of `{{`, 32 KB,
 * take ~1.4 s, 16,000 levels ~6 s; `'[['.repeat(10000) + ']]'.repeat(10000)`, 40 KB, lints in ~3.4 s,
 * 230× the corpus average per byte). `{{a|`×n and `[[a|`×n are linear. Sizes ×8 here: a linear parser takes
 * ~8× as long, a quadratic one ~64×; the bound is ×20.
 */
const BALANCED: [string, string][] = [['{{', '}}'], ['[[', ']]'], ['[[[', ']]]'], ['{{{', '}}}'], ['{{{{', '}}}}']];
for (const [open, close] of BALANCED) {
  test(`lint stays linear on balanced bare nesting: ${open}×n ${close}×n`, { timeout: 60_000 }, () => {
    const make = (n: number) => open.repeat(n) + close.repeat(n);
    timeLint(make(200));
    const tSmall = Math.max(minTimeLint(make(500)), 2);
    const tLarge = minTimeLint(make(4000));
    assert.ok(tLarge < tSmall * 20 + 100, `${open}: lint took ${tSmall.toFixed(1)} ms for 500 levels but ${tLarge.toFixed(1)} ms for 4,000`);
  });
}
