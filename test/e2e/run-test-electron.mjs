// The same in-VS-Code mocha suite as test/e2e/run-e2e.mjs, under @vscode/test-electron 2.x (`runTests`):
// downloads a desktop VS Code (into .e2e/vscode-test/) and runs the suite in its extension host.
// For machines that can reach update.code.visualstudio.com (a developer's machine, public CI; on headless
// Linux run it under xvfb-run). Where VS Code cannot be downloaded, it says so and exits 2;
// `npm run test:e2e` (code-server from npm) is the way there.
//
// Usage: node test/e2e/run-test-electron.mjs     env: VSCODE_VERSION (default "stable"), VSCODE_EXECUTABLE
// (use an installed VS Code instead of downloading), DOWNLOAD_TIMEOUT_MS (default 60000).
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSuite, ROOT } from './build-suite.mjs';

const SEED_NAME = 'Kazakhstan__Government_and_politics.wiki';
const version = process.env.VSCODE_VERSION || 'stable';
const downloadTimeout = Number(process.env.DOWNLOAD_TIMEOUT_MS || 60_000);
const cachePath = path.join(process.env.E2E_DIR || path.join(ROOT, '.e2e'), 'vscode-test');

/** Races a promise against a timer, so an unreachable network fails in bounded time. */
function withTimeout(what, ms, promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  let suiteEntry;
  try {
    suiteEntry = await buildSuite();
  } catch (e) {
    console.error(`test:vscode: ${e.message}`);
    return 1;
  }

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    console.log(`test:vscode: downloading VS Code ${version} into ${path.relative(ROOT, cachePath)}/ ...`);
    try {
      vscodeExecutablePath = await withTimeout(`download of VS Code ${version}`, downloadTimeout,
        downloadAndUnzipVSCode({ version, cachePath, timeout: downloadTimeout }));
    } catch (e) {
      console.error([
        '',
        `test:vscode: FAILED - could not download VS Code ${version} (${String(e?.message ?? e).split('\n')[0]}).`,
        '  @vscode/test-electron needs https://update.code.visualstudio.com, which this machine cannot reach.',
        '  Run the same suite here with `npm run test:e2e` (code-server from npm + Chromium), or set',
        '  VSCODE_EXECUTABLE to an installed VS Code binary.',
      ].join('\n'));
      return 2;
    }
  }

  // A temporary workspace with a copy of the seed: the fixture itself is never opened, so never modified.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'wikitext-e2e-electron-'));
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'wikitext-e2e-electron-user-'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', SEED_NAME), path.join(workspace, SEED_NAME));
  try {
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suiteEntry,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', userData],
    });
    console.log(`test:vscode: extension tests passed (exit code ${code})`);
    return 0;
  } catch (e) {
    console.error(`test:vscode: FAILED - ${String(e?.message ?? e)}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

process.exit(await main());
