// What the two code-server runners share (test/e2e/run-e2e.mjs: the desktop extension in code-server's Node
// extension host; test/e2e/run-web-e2e.mjs: the web extension in its web-worker extension host):
//   - the run's bookkeeping: timestamped log, PASS/FAIL records, a watchdog, signal handlers, one `finish`
//     that closes the browser, stops code-server (its whole process group), removes temp dirs and exits
//     0 only when something ran and nothing failed;
//   - code-server on a free 127.0.0.1 port with fresh state dirs, in its own process group;
//   - headless Debian Chromium through playwright-core;
//   - small page helpers (workbench URL, settle, the problems label).
// Nothing here knows what a runner checks: the step functions stay in the runners.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const E2E_DIR = process.env.E2E_DIR || path.join(ROOT, '.e2e');
export const CS_BIN = path.join(E2E_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SEED_NAME = 'Kazakhstan__Government_and_politics.wiki';
export const SEED = path.join(ROOT, 'test', 'fixtures', 'corpus', SEED_NAME);
export const EXT_ID = 'wikitext-tools.wikitext-lint';

/** The user settings both runners start code-server with (a quiet, offline workbench); runners add theirs. */
export const BASE_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'files.hotExit': 'off',
  'git.enabled': false,
});

/** Resolves `promise`, or rejects after `ms` with a message naming `what`. */
export function withTimeout(what, ms, promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** A port nobody listens on now (127.0.0.1): other engineers run these tests at the same time. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

const groupAlive = (pgid) => { try { process.kill(-pgid, 0); return true; } catch { return false; } };

/**
 * One run of a runner: `log`, `record`, `tempDir`, `finish`. `finish` is idempotent; signals and the watchdog
 * end the run through it, and the process's `exit` kills code-server's group as a last resort.
 * `onCleanup` callbacks (the runner's own services, e.g. the test wiki) run before temp dirs are removed.
 */
export function createRun({ tag, timeoutMs }) {
  const t0 = Date.now();
  const results = []; // { name, ok, detail }
  const cleanups = [];
  const lastResorts = [];
  const temps = [];
  const run = {
    t0,
    results,
    browser: null,
    codeServer: null,
    log: (...a) => console.log(`[${tag} ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a),
    record(ok, name, detail = '') {
      results.push({ name, ok: !!ok, detail });
      run.log(ok ? 'PASS' : 'FAIL', name, detail ? `- ${detail}` : '');
    },
    /** A fresh folder outside the repository (so no .wikitext-lint.json above it), removed at the end. */
    tempDir(name) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wikitext-${tag}-${name}-`));
      temps.push(dir);
      return dir;
    },
    /** A fresh folder holding a copy of the seed (and `files`: name -> text), removed at the end. */
    workspaceWithSeed(name, files = {}) {
      const dir = run.tempDir(name);
      fs.copyFileSync(SEED, path.join(dir, SEED_NAME));
      for (const [f, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), text);
      }
      return dir;
    },
    onCleanup(fn, lastResort) { cleanups.push(fn); if (lastResort) lastResorts.push(lastResort); },
    finishing: false,
    async finish(extraFailure) {
      if (extraFailure) run.record(false, extraFailure);
      if (run.finishing) return;
      run.finishing = true;
      clearTimeout(watchdog);
      await run.browser?.close().catch(() => {});
      try {
        await withTimeout('cleanup', 15_000, (async () => {
          await run.codeServer?.stop();
          for (const fn of cleanups) await fn();
        })());
      } catch (e) {
        run.log(String(e.message));
        run.codeServer?.killNow();
      }
      for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
      const passed = results.filter((r) => r.ok).length;
      const failed = results.length - passed;
      if (failed) for (const r of results.filter((x) => !x.ok)) console.log(`  failed: ${r.name}${r.detail ? ` (${r.detail})` : ''}`);
      console.log(`${tag}: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
      process.exit(failed || !results.length ? 1 : 0);
    },
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => { run.log(`received ${sig}`); void run.finish(`interrupted by ${sig}`); });
  }
  // last resort (no event loop any more): never leave code-server or a runner's service running
  process.on('exit', () => { run.codeServer?.killNow(); for (const fn of lastResorts) fn(); });
  const watchdog = setTimeout(() => { run.log(`overall timeout ${timeoutMs} ms`); void run.finish('overall timeout'); }, timeoutMs);
  return run;
}

/**
 * code-server with fresh state under `stateDir` (user settings = BASE_SETTINGS + `settings`), listening on
 * 127.0.0.1:`port`, in its own process group so that `stop()` ends it with its extension host, file watcher and
 * language server. Resolves when /healthz answers.
 */
export async function startCodeServer({ port, stateDir, settings = {}, env = {}, log = console.log }) {
  if (!fs.existsSync(CS_BIN)) throw new Error(`code-server missing at ${CS_BIN}: run test/e2e/install.sh`);
  fs.rmSync(stateDir, { recursive: true, force: true });
  for (const d of ['user-data/User', 'extensions', 'tmp', 'xdg-config', 'xdg-data']) fs.mkdirSync(path.join(stateDir, d), { recursive: true });
  fs.writeFileSync(path.join(stateDir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  fs.writeFileSync(path.join(stateDir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  const logFile = path.join(stateDir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(CS_BIN, [
    '--config', path.join(stateDir, 'config.yaml'),
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', path.join(stateDir, 'user-data'), '--extensions-dir', path.join(stateDir, 'extensions'),
  ], {
    detached: true, // setsid: its own process group
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      EXTENSIONS_GALLERY: '{}', // no marketplace look-ups (unreachable offline)
      TMPDIR: path.join(stateDir, 'tmp'), // sockets and temp files of VS Code stay in the state dir
      XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
      XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
      ...env,
    },
  });
  fs.closeSync(out);
  let pgid = child.pid;
  let exited = null;
  child.on('exit', (code, sig) => { exited = `code-server exited (${code ?? sig}); see ${logFile}`; });
  const handle = {
    pid: child.pid,
    port,
    logFile,
    userSettingsFile: path.join(stateDir, 'user-data', 'User', 'settings.json'),
    /** TERM to the group, KILL after 5 s. Async, so Node reaps code-server itself (a zombie still counts). */
    async stop() {
      if (!pgid) return;
      const g = pgid;
      pgid = 0;
      try { process.kill(-g, 'SIGTERM'); } catch { return; }
      const deadline = Date.now() + 5000;
      while (groupAlive(g) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive(g)) { try { process.kill(-g, 'SIGKILL'); } catch { /* gone */ } log(`code-server (process group ${g}) killed`); }
      else log(`code-server (process group ${g}) stopped`);
    },
    /** Last resort on exit paths: KILL the group at once. */
    killNow() {
      if (!pgid) return;
      try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
      pgid = 0;
    },
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) { handle.killNow(); throw new Error(exited); }
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) { await handle.stop(); throw new Error(`code-server not ready on port ${port} after 30 s; see ${logFile}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`code-server ${child.pid} ready on 127.0.0.1:${port} (log ${path.relative(ROOT, logFile)})`);
  return handle;
}

/** Headless Debian Chromium; our own signal handlers close it (and stop code-server). */
export async function launchChromium() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install chromium, or test/e2e/install.sh)`);
  return withTimeout('chromium launch', 30_000, chromium.launch({
    executablePath: CHROMIUM,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }));
}

/** A path on code-server's machine as the workbench names it. */
export const remote = (port, p) => `vscode-remote://127.0.0.1:${port}${p}`;

/** The workbench URL opening `folder`, with an extension development / tests payload. */
export function workbenchUrl(port, folder, payload) {
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Waits (bounded) until the page's running animations end, so screenshots don't catch a fade-in. */
export async function settle(page) {
  await page.evaluate(() => Promise.race([
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
    new Promise((r) => setTimeout(r, 2000)),
  ])).catch(() => {});
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).catch(() => {});
}

/** Opens the workbench on `folder` with the extension under development, clicks `fileName` in the Explorer. */
export async function openInWorkbench(page, port, folder, fileName, payload = [['extensionDevelopmentPath', remote(port, ROOT)]]) {
  await page.goto(workbenchUrl(port, folder, payload));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.waitForSelector('.editor-instance .view-lines', { timeout: 30_000 });
}

/** The status bar's problems label ("Errors: 0, Warnings: 19, Infos: 5"), or ''. */
export async function problemsLabel(page) {
  return (await page.locator('[id="status.problems"]').getAttribute('aria-label', { timeout: 5000 }).catch(() => '')) || '';
}
