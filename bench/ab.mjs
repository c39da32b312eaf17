// A/B lint speed of two checkouts, in alternating child processes (A, B, B, A, A, B... so both see the same load
// on a shared machine, and neither's code shares a process with the other's), CPU time (process.cpuUsage, steadier
// than wall time under load), medians:
//   node bench/ab.mjs /path/to/before /path/to/after [processes per side, default 6]
// Bundles each tree's lint() and parse() with esbuild; each child warms up, then lints the corpus (three passes),
// Barack Obama (15 times) and parses the corpus once. Corpus: ../shared/corpus/articles of this checkout.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

if (process.argv[2] === '--child') {
  const { lint, parse } = (await import(process.argv[3])).default;
  const dir = resolve(import.meta.dirname, '../../shared/corpus/articles');
  const names = readdirSync(dir).filter((n) => n.endsWith('.wiki')).sort();
  const texts = names.map((n) => readFileSync(join(dir, n), 'utf8'));
  const obama = texts[names.findIndex((n) => n.includes('Barack_Obama'))];
  const today = { year: 2026, month: 11, day: 30 };
  const cpu = (fn) => { const c0 = process.cpuUsage(); fn(); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
  for (const t of texts) lint(t, { today }); // warm-up
  const corpus = [], obamas = [];
  for (let r = 0; r < 3; r++) corpus.push(cpu(() => { for (const t of texts) lint(t, { today }); }));
  for (let i = 0; i < 15; i++) obamas.push(cpu(() => lint(obama, { today })));
  const parseMs = cpu(() => { for (const t of texts) parse(t); });
  console.log(JSON.stringify({ corpus: median(corpus), obama: median(obamas), parse: parseMs, mb: texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6 }));
  process.exit(0);
}

const [a, b, nArg] = process.argv.slice(2);
if (!a || !b) { console.error('usage: node bench/ab.mjs <tree A> <tree B> [processes per side]'); process.exit(2); }
const n = Number(nArg ?? 6);
const bundle = async (tree, tag) => {
  const outfile = resolve(`out/ab-${tag}.cjs`);
  const contents = "export { lint } from './server/src/core/lint/lint'; export { parse } from './server/src/core/parser/parse';";
  await esbuild.build({ stdin: { contents, resolveDir: resolve(tree), loader: 'ts' }, absWorkingDir: resolve(tree), outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', tsconfig: join(tree, 'tsconfig.json') });
  return outfile;
};
const files = { A: await bundle(a, 'a'), B: await bundle(b, 'b') };
const res = { A: [], B: [] };
for (let i = 0; i < n; i++) {
  for (const tag of i % 2 ? ['B', 'A'] : ['A', 'B']) {
    const r = spawnSync(process.execPath, ['--max-semi-space-size=32', import.meta.filename, '--child', files[tag]], { encoding: 'utf8' });
    if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
    res[tag].push(JSON.parse(r.stdout));
    process.stderr.write('.');
  }
}
const mb = res.A[0].mb;
const med = (tag, k) => median(res[tag].map((x) => x[k]));
console.log(`\ncorpus ${mb.toFixed(2)} MB, ${n} processes per side, alternating; CPU ms, medians`);
for (const tag of ['A', 'B']) {
  console.log(`${tag} ${tag === 'A' ? a : b}: lint corpus ${med(tag, 'corpus').toFixed(0)} ms (${(mb / (med(tag, 'corpus') / 1000)).toFixed(1)} MB/s), Obama ${med(tag, 'obama').toFixed(2)} ms, parse corpus ${med(tag, 'parse').toFixed(0)} ms (${(mb / (med(tag, 'parse') / 1000)).toFixed(1)} MB/s)`);
}
const ratio = (k) => (med('B', k) / med('A', k)).toFixed(3);
console.log(`B/A: lint corpus ${ratio('corpus')}, Obama ${ratio('obama')}, parse corpus ${ratio('parse')}`);
