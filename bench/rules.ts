/**
 * `npm run bench -- --rules`: where a lint's time goes, per stage (parse, model, citations, language guess) and per
 * rule's `check`, over the whole corpus and over Barack Obama; median of rounds, in ms (performance.now(): a
 * rule's check is too short for process.cpuUsage; on a loaded machine compare rows of one run, not of two).
 * The rules are timed by wrapping each registered rule's check in this process only.
 */
import { parse } from '../server/src/core/parser/parse';
import { buildModel } from '../server/src/core/model';
import { analyseCitations } from '../server/src/core/citations';
import { guessPageLanguage } from '../server/src/core/pageLanguage';
import { lintDocument } from '../server/src/core/lint/lint';
import { rules } from '../server/src/core/rules';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function ruleTimings(texts: string[], rounds: number, label = 'whole corpus'): void {
  const today = { year: 2026, month: 11, day: 30 };
  const spent = new Map<string, number>();
  for (const r of rules) {
    const check = r.check;
    r.check = (ctx) => {
      const t0 = performance.now();
      try {
        check(ctx);
      } finally {
        spent.set(r.id, (spent.get(r.id) ?? 0) + performance.now() - t0);
      }
    };
  }
  const perRound = new Map<string, number[]>();
  const add = (k: string, v: number) => { const a = perRound.get(k) ?? []; a.push(v); perRound.set(k, a); };
  const cpu = () => performance.now();
  for (let round = -1; round < rounds; round++) { // round -1 warms up
    spent.clear();
    let tParse = 0, tModel = 0, tCit = 0, tLang = 0, tLint = 0;
    for (const t of texts) {
      let c0 = cpu();
      const doc = parse(t);
      let c1 = cpu(); tParse += c1 - c0; c0 = c1;
      const model = buildModel(doc);
      c1 = cpu(); tModel += c1 - c0; c0 = c1;
      analyseCitations(t, model);
      c1 = cpu(); tCit += c1 - c0; c0 = c1;
      guessPageLanguage(model);
      c1 = cpu(); tLang += c1 - c0; c0 = c1;
      lintDocument(doc, model, { today });
      c1 = cpu(); tLint += c1 - c0;
    }
    if (round < 0) continue;
    let ruleSum = 0;
    for (const [id, ms] of spent) { add(id, ms); ruleSum += ms; }
    add('stage: parse', tParse);
    add('stage: buildModel', tModel);
    add('stage: analyseCitations', tCit);
    add('stage: guessPageLanguage', tLang);
    add('stage: lintDocument (all)', tLint);
    add('stage: all rules\' check (sum)', ruleSum);
    add('stage: lintDocument minus rules', tLint - ruleSum);
  }
  const table = [...perRound].map(([k, v]) => [k, median(v)] as const);
  const stages = table.filter(([k]) => k.startsWith('stage:'));
  const byRule = table.filter(([k]) => !k.startsWith('stage:')).sort((a, b) => b[1] - a[1]);
  console.log(`\nWhere the lint's time goes (${label}, median of ${rounds} rounds, ms)`);
  for (const [k, v] of stages) console.log(`  ${k.padEnd(44)} ${v.toFixed(1).padStart(8)}`);
  const total = byRule.reduce((s, [, v]) => s + v, 0);
  console.log('  per rule check:');
  for (const [k, v] of byRule) console.log(`  ${k.padEnd(44)} ${v.toFixed(1).padStart(8)} ${((100 * v) / total).toFixed(1).padStart(5)}%`);
}
