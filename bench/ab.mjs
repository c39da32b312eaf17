// A/B lint speed of two checkouts in one process, interleaved (the machine is shared: alternating rounds see the
// same load), CPU time of the process (steadier than wall time under load), medians:
//   node bench/ab.mjs /path/to/before /path/to/after [rounds]
// Bundles each tree's core/lint/lint.ts with esbuild, then per round lints the whole corpus and Barack Obama with A
// then B (B then A on odd rounds). Corpus: ../shared/corpus/articles of this checkout.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [a, b, roundsArg] = process.argv.slice(2);
if (!a || !b) { console.error('usage: node bench/ab.mjs <tree A> <tree B> [rounds]'); process.exit(2); }
const rounds = Number(roundsArg ?? 9);
const require = createRequire(import.meta.url);
const load = async (tree, tag) => {
  const outfile = resolve(`out/ab-${tag}.cjs`);
  await esbuild.build({ entryPoints: [join(tree, 'server/src/core/lint/lint.ts')], absWorkingDir: resolve(tree), outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', tsconfig: join(tree, 'tsconfig.json') });
  return require(outfile).lint;
};
const lintA = await load(a, 'a'), lintB = await load(b, 'b');
const dir = resolve(import.meta.dirname, '../../shared/corpus/articles');
const names = readdirSync(dir).filter((n) => n.endsWith('.wiki')).sort();
const texts = names.map((n) => readFileSync(join(dir, n), 'utf8'));
const mb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6;
const obama = texts[names.findIndex((n) => n.includes('Barack_Obama'))];
const today = { year: 2026, month: 11, day: 30 };
const cpu = (fn) => { const c0 = process.cpuUsage(); const t0 = performance.now(); fn(); const c = process.cpuUsage(c0); return [(c.user + c.system) / 1000, performance.now() - t0]; };
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const res = { A: { corpus: [], wall: [], obama: [] }, B: { corpus: [], wall: [], obama: [] } };
const run = (tag, lint) => {
  const [c, w] = cpu(() => { for (const t of texts) lint(t, { today }); });
  res[tag].corpus.push(c); res[tag].wall.push(w);
  const os = [];
  for (let i = 0; i < 15; i++) os.push(cpu(() => lint(obama, { today }))[1]);
  res[tag].obama.push(median(os));
};
for (const t of texts) { lintA(t, { today }); lintB(t, { today }); } // warm-up
for (let r = 0; r < rounds; r++) {
  if (r % 2) { run('B', lintB); run('A', lintA); } else { run('A', lintA); run('B', lintB); }
  process.stderr.write('.');
}
console.log(`\ncorpus ${mb.toFixed(2)} MB, ${rounds} rounds interleaved`);
for (const tag of ['A', 'B']) {
  const c = median(res[tag].corpus), w = median(res[tag].wall);
  console.log(`${tag} ${tag === 'A' ? a : b}: lint corpus CPU ${c.toFixed(0)} ms (${(mb / (c / 1000)).toFixed(1)} MB/s CPU), wall ${w.toFixed(0)} ms (${(mb / (w / 1000)).toFixed(1)} MB/s), Obama median ${median(res[tag].obama).toFixed(2)} ms`);
}
console.log(`B/A corpus CPU: ${(median(res.B.corpus) / median(res.A.corpus)).toFixed(3)}`);
