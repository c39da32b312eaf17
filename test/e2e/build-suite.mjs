// Bundles the in-VS-Code mocha suite (test/e2e/suite/*.ts) to out/e2e/suite/*.js: CommonJS for the
// extension host, with `vscode` (given by the host) and `mocha` (CommonJS, from node_modules) left external.
// index.js is the `extensionTestsPath` entry; it loads the *.test.js files through mocha, so they stay separate files.
// Usage: node test/e2e/build-suite.mjs   (or import { buildSuite } from it)
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SUITE_OUT = join(ROOT, 'out', 'e2e', 'suite');
export const SUITE_ENTRY = join(SUITE_OUT, 'index.js');

/** Builds the suite; returns the path of its entry (`index.js`). Throws when the extension is not built. */
export async function buildSuite() {
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  rmSync(SUITE_OUT, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    // index.ts and every *.test.ts of the folder (index.js loads the tests it finds next to it)
    entryPoints: readdirSync(join(ROOT, 'test', 'e2e', 'suite')).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => `test/e2e/suite/${f}`),
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_ENTRY;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`built ${await buildSuite()}`);
}
