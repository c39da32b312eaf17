/**
 * Every rule and every language feature stays linear on hostile text: the parser's hostile generators
 * and the values of issue 17 (long runs of spaces in a date, a host `a-a-a-...`, a pseudo-heading over
 * spaces, titles of `<` or `[[`...) at 10 KB and 100 KB. A linear step takes ~10× as long on the large
 * one, a quadratic one ~100×; the test fails when a step's ratio is far above 10 (×35, plus 150 ms for
 * timer noise on a loaded machine). Each step is retried once before failing, so a load spike does not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parser/parse';
import { buildModel } from '../../server/src/core/model';
import { analyseCitations } from '../../server/src/core/citations';
import { rules } from '../../server/src/core/rules';
import { analyse, Analysis } from '../../server/src/core/analysis';
import { fixAll, LintOptions } from '../../server/src/core/lint/lint';
import type { RuleContext } from '../../server/src/core/lint/types';
// the features as the server answers them: the core's result and its conversion to LSP (toProto.ts)
import * as features from '../helpers/lspFeatures';
import { codeActions } from '../../server/src/codeActions';
import { toLspDiagnostic } from '../../server/src/toProto';
import { parseTreeText } from '../../server/src/core/features/syntaxTree';
import { HOSTILE, HOSTILE_VALUES } from '../helpers/hostileText';

const KB = 1024;
// HOSTILE_SIZES_KB=5,50 runs smaller sizes with the same ratio (to check the test fails on the old code quickly)
const [SMALL, LARGE] = (process.env.HOSTILE_SIZES_KB ?? '10,100').split(',').map((k) => Number(k) * KB);
const today = { year: 2024, month: 6, day: 1 };
const options: LintOptions = { today };
const RATIO = 35, SLACK_MS = 150;

/** The steps timed on each document: every rule's check alone, then each feature on the analysis. */
function steps(text: string): [string, () => void][] {
  const doc = parse(text);
  const model = buildModel(doc);
  const citations = analyseCitations(text, model);
  const out: [string, () => void][] = [];
  for (const rule of rules) {
    const ctx: RuleContext = { src: text, doc, model, citations, today, fallbackDateFormat: 'iso', options: {}, report() {} };
    out.push([`rule ${rule.id}`, () => rule.check(ctx)]);
  }
  let a: Analysis | undefined;
  const an = () => (a ??= analyse(text, options));
  // the offsets a user may hover or type at: start, the middle, the first citation, the first ref, the end
  const offsets = () => [...new Set([0, text.length >> 1, Math.max(0, text.indexOf('cite')), Math.max(0, text.indexOf('<ref')), text.length])];
  const uri = 'file:///hostile.wiki';
  out.push(
    ['analyse', () => void an()],
    ['hover', () => { for (const o of offsets()) features.hover(an(), o, { linkBase: 'https://en.wikipedia.org/wiki/', today }); }],
    ['completion', () => { for (const o of offsets()) features.completion(an(), o, options); }],
    ['signatureHelp', () => { for (const o of offsets()) features.signatureHelp(an(), o); }],
    ['definition, references, highlights, rename', () => {
      for (const o of offsets()) {
        features.definition(an(), o);
        features.references(an(), o, true);
        features.documentHighlights(an(), o);
        if (features.prepareRename(an(), o)) features.rename(an(), o, 'renamed');
      }
    }],
    ['refactors', () => { for (const o of offsets()) features.refactors(an(), uri, o, Math.min(text.length, o + 100), options); }],
    ['documentSymbols', () => void features.documentSymbols(an())],
    ['foldingRanges', () => void features.foldingRanges(an())],
    ['documentLinks', () => void features.documentLinks(an(), 'https://en.wikipedia.org/wiki/')],
    ['selectionRanges', () => void features.selectionRanges(an(), offsets())],
    ['semanticTokens', () => void features.semanticTokens(an())],
    ['codeActions', () => {
      const x = an();
      const diagnostics = x.diagnostics.map((d) => toLspDiagnostic(x.lines, d, uri, 1, (id: string) => id));
      codeActions(x, { uri, version: 1, canResolve: false, range: { start: x.lines.position(0), end: x.lines.position(text.length) }, diagnostics, lintOptions: options });
    }],
    ['fixAll', () => void fixAll(text, options)],
    ['syntax tree', () => void parseTreeText(an())],
  );
  return out;
}

function time(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function measure(make: (n: number) => string): Map<string, [number, number]> {
  const small = steps(make(SMALL)), large = steps(make(LARGE));
  for (const [, f] of small) f(); // warm up (the analysis is memoised per step list, so steps after it time the feature alone)
  const small2 = steps(make(SMALL));
  small2.find(([n]) => n === 'analyse')![1]();
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < small2.length; i++) {
    const name = small2[i][0];
    if (name === 'analyse') continue;
    out.set(name, [time(small2[i][1]), 0]);
  }
  large.find(([n]) => n === 'analyse')![1]();
  for (const [name, f] of large) if (name !== 'analyse') out.get(name)![1] = time(f);
  return out;
}

for (const [name, make] of [...HOSTILE, ...HOSTILE_VALUES]) {
  test(`rules and features stay linear on hostile input: ${name}`, { timeout: 120_000 }, () => {
    let slow: string[] = [];
    for (let attempt = 0; attempt < (process.env.HOSTILE_SIZES_KB ? 1 : 2); attempt++) {
      const times = measure(make);
      slow = [...times].filter(([, [s, l]]) => l > s * RATIO + SLACK_MS).map(([step, [s, l]]) => `${step}: ${s.toFixed(1)} ms for 10 KB, ${l.toFixed(1)} ms for 100 KB`);
      if (slow.length === 0) return;
    }
    assert.fail(`${name}: grows faster than linear:\n${slow.join('\n')}`);
  });
}
