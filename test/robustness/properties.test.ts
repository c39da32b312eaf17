/**
 * Property-based robustness of the core (fast-check, fixed seeds, bounded runs; `npm run fuzz` runs the same
 * properties much longer): on generated wikitext and on mutated corpus articles, `parse` never throws, prints
 * back its input and its tree checks; every rule runs without throwing; every fix stays inside its own edit
 * ranges and yields text that parses and lints; fixAll is idempotent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkDocument, corpusPaths, generatedProperty, mutatedProperty, readCorpus } from './properties';

const SEED = 20261128;
export const GENERATED_RUNS = 800;
export const MUTATED_RUNS = 400;

test(`generated wikitext: ${GENERATED_RUNS} documents satisfy every invariant`, { timeout: 60_000 }, () => {
  const counter = { n: 0 };
  fc.assert(generatedProperty(counter), { seed: SEED, numRuns: GENERATED_RUNS });
  console.log(`# robustness: ${counter.n} generated documents`);
});

test(`mutated corpus articles: ${MUTATED_RUNS} documents satisfy every invariant`, { timeout: 90_000 }, () => {
  // the fixtures always; 40 shared articles (spread over the languages) when this machine has them
  const paths = corpusPaths(40);
  const counter = { n: 0 };
  fc.assert(mutatedProperty(paths, counter, 12_000), { seed: SEED, numRuns: MUTATED_RUNS });
  console.log(`# robustness: ${counter.n} mutated documents from ${paths.length} corpus files`);
});

test('the unmutated fixtures satisfy every invariant whole', { timeout: 60_000 }, () => {
  for (const p of corpusPaths(0)) checkDocument(readCorpus(p), undefined, 8);
});

test('hand-picked nasty inputs satisfy every invariant', () => {
  const cases = [
    '', '\0', '\ud800', '\udc00{{', '\ufeff', '\r', '\r\n\r\n', '{{', '}}', '{{{', '[[', ']]', '<ref', '<ref>', '</ref>', '<ref/>',
    '<ref name=', '<ref name="a', '<references>', '{|', '|}', '<!--', "'''''", '{{cite web', '{{cite web|', '{{cite web|url=',
    '<ref>{{cite web|url=https://example.org|title=T|accessdate=2020-01-01|access-date=2020-01-02}}</ref>',
    '<ref>{{cite web |url=https://example.org |deadurl=yes |dead-url=no |url-status=live |title=A |title=B}}</ref>',
    '<ref>{{cite web|url=https://example.org|title=T|archive-url=https://web.archive.org/web/20200101000000/https://example.org|archive-date=2 January 2020}}</ref>',
    '{{cite web|url=https://example.org\ud800|title=\0}}', '{{cite book|isbn=978-0-306-40615-8|title=x}}', '<ref name="a">x</ref><ref name="a">y</ref>',
    '<ref group="g">x</ref>', '{{reflist|refs=<ref name="u">x</ref>}}', '<ref name="1">x</ref>', '<ref foo="x">y</ref>',
    '{{cite web|url=https://example.org|title=T}}'.repeat(3) + '\r\n', '{{cite web|url=https://example.org|title=T|access-date=|access-date=}}',
  ];
  for (const c of cases) assert.doesNotThrow(() => checkDocument(c), c);
});
