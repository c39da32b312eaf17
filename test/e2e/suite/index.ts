/**
 * The `run()` entry that VS Code's extension host calls for extension tests (`extensionTestsPath`), under
 * code-server (test/e2e/run-e2e.mjs) or a downloaded VS Code (test/e2e/run-test-electron.mjs).
 * Built by esbuild to out/e2e/suite/index.js (CommonJS; `vscode` and `mocha` stay external).
 * Prints one machine-readable line, `E2E_MOCHA_RESULT {...}`, that the runners parse for their summary.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// mocha 10 is CommonJS; newer mocha is ESM-only with a default export, so accept every shape.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const M = require('mocha');
const Mocha = M.Mocha || M.default || M;

export function run(): Promise<void> {
  // E2E_GREP (in code-server's environment) runs only the tests whose title matches it
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(process.env.E2E_GREP ? { grep: process.env.E2E_GREP } : {}) });
  // extension.test.js first (it checks the seed as opened), then the others in name order
  const tests = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort((a, b) => (a === 'extension.test.js' ? -1 : b === 'extension.test.js' ? 1 : a.localeCompare(b)));
  for (const f of tests) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const failed: string[] = [];
    const passed: string[] = [];
    try {
      console.log('E2E_MOCHA_START');
      const runner = mocha.run((failures: number) => {
        const stats = runner.stats ?? {};
        const summary = { passes: stats.passes ?? 0, failures, pending: stats.pending ?? 0, passed, failed, ms: Date.now() - started };
        console.log(`E2E_MOCHA_RESULT ${JSON.stringify(summary)}`);
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test: { fullTitle(): string }) => passed.push(test.fullTitle()));
      runner.on('fail', (test: { fullTitle(): string }) => failed.push(test.fullTitle()));
    } catch (e) {
      console.error(e);
      reject(e);
    }
  });
}
