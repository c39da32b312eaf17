/**
 * The long fuzzer: the same properties as `properties.test.ts`, for many more runs, with a seed from the
 * command line.
 *
 *   npm run fuzz -- --seed 42 --runs 5000 [--only generated|mutated] [--window 30000] [--shared 400]
 *
 * Prints how many documents ran and, for each property that failed, its seed, path and counterexample
 * (replay with the printed --seed and the same arguments). Exit code 1 when a property failed.
 */
import fc from 'fast-check';
import { corpusPaths, generatedProperty, mutatedProperty, PropertyFailure } from './properties';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

const seed = Number(arg('seed') ?? Date.now() % 2 ** 31);
const runs = Number(arg('runs') ?? 1000);
const only = arg('only');
const window = Number(arg('window') ?? 30_000);
const shared = Number(arg('shared') ?? Infinity);
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npm run fuzz -- [--seed N] [--runs N] [--only generated|mutated] [--window CHARS] [--shared N]\n');
  process.exit(2);
}

const paths = corpusPaths(shared);
const properties: [string, (c: { n: number }) => fc.IPropertyWithHooks<unknown>][] = [
  ['generated wikitext', (c) => generatedProperty(c) as fc.IPropertyWithHooks<unknown>],
  [`mutated corpus articles (${paths.length} files, windows up to ${window} chars)`, (c) => mutatedProperty(paths, c, window) as fc.IPropertyWithHooks<unknown>],
];

let failed = 0;
let total = 0;
process.stdout.write(`wikitext-lint fuzz: seed ${seed}, ${runs} runs per property\n`);
for (const [name, make] of properties) {
  if (only && !name.startsWith(only)) continue;
  const counter = { n: 0 };
  const t0 = performance.now();
  const details = fc.check(make(counter), { seed, numRuns: runs, endOnFailure: false });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  total += counter.n;
  if (details.failed) {
    failed++;
    const err = details.errorInstance;
    process.stdout.write(`FAIL ${name}: ${details.numRuns} passed before the failure, ${counter.n} documents run (with shrinking) in ${secs} s\n`);
    process.stdout.write(`  replay: --seed ${details.seed} (fast-check path "${details.counterexamplePath}")\n`);
    process.stdout.write(`  ${err instanceof PropertyFailure ? err.message : err instanceof Error ? err.stack : String(err)}\n`);
    process.stdout.write(`  counterexample: ${JSON.stringify(details.counterexample).slice(0, 2000)}\n`);
  } else {
    process.stdout.write(`ok   ${name}: ${counter.n} documents in ${secs} s\n`);
  }
}
process.stdout.write(`${total} documents, ${failed} failing properties\n`);
process.exitCode = failed ? 1 : 0;
