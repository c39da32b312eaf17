// The web extension inside a real VS Code web worker extension host: code-server 4.100.3 with the extension
// forced to its `browser` entry (`remote.extensionKind: web`, `extensions.webWorker: true`), opened by headless
// Debian Chromium through playwright-core. Checks: the seed opens as Wikitext, the status bar counts its 24
// problems (19 warnings, 5 infos), a hover on a citation shows how it reads, a .wikitext-lint.json in the
// folder is read through workspace.fs (a second run turns a rule off: 5 problems), and no Node language server
// process was started (so the server that answered is the web-worker one).
//
// Usage: node test/e2e/run-web-e2e.mjs [--skip-install] [--verbose]   (npm run test:e2e:web builds first)
import { chromium } from 'playwright-core';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const VERBOSE = args.has('--verbose') || !!process.env.VERBOSE;
const E2E_DIR = process.env.E2E_DIR || path.join(ROOT, '.e2e');
const CS_BIN = path.join(E2E_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
const STATE = path.join(E2E_DIR, 'state-web');
const SEED_NAME = 'Kazakhstan__Government_and_politics.wiki';
const SEED = path.join(ROOT, 'test', 'fixtures', 'corpus', SEED_NAME);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const EXT_ID = 'wikitext-tools.wikitext-lint';

const t0 = Date.now();
const log = (...a) => console.log(`[web-e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const results = [];
const record = (ok, name, detail = '') => { results.push({ ok, name }); log(ok ? 'PASS' : 'FAIL', name, detail ? `- ${detail}` : ''); };

let cs = null;
let browser = null;
const temps = [];
const groupAlive = (pgid) => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
async function stopCodeServer() {
  if (!cs?.pid) return;
  const pgid = cs.pid;
  cs = null;
  try { process.kill(-pgid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + 5000;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pgid)) try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
}
process.on('exit', () => { if (cs?.pid) try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* gone */ } });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { void finish(`interrupted by ${sig}`); });
const watchdog = setTimeout(() => void finish('overall timeout (8 min)'), 8 * 60_000);

let finishing = false;
async function finish(failure) {
  if (failure) record(false, failure);
  if (finishing) return;
  finishing = true;
  clearTimeout(watchdog);
  await browser?.close().catch(() => {});
  await stopCodeServer();
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
  const failed = results.filter((r) => !r.ok).length;
  console.log(`web e2e: ${results.length - failed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  process.exit(failed || !results.length ? 1 : 0);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

function workspace(tag, config) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wikitext-web-e2e-${tag}-`));
  temps.push(dir);
  fs.copyFileSync(SEED, path.join(dir, SEED_NAME));
  if (config) fs.writeFileSync(path.join(dir, '.wikitext-lint.json'), JSON.stringify(config));
  return dir;
}

async function startCodeServer(port) {
  fs.rmSync(STATE, { recursive: true, force: true });
  for (const d of ['user-data/User', 'extensions', 'tmp', 'xdg-config', 'xdg-data']) fs.mkdirSync(path.join(STATE, d), { recursive: true });
  fs.writeFileSync(path.join(STATE, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  fs.writeFileSync(path.join(STATE, 'user-data', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'files.hotExit': 'off',
    'git.enabled': false,
    // run the extension in the browser, as VS Code for the Web does
    'extensions.webWorker': true,
    'remote.extensionKind': { [EXT_ID]: ['web'] },
  }, null, 2));
  const logFile = path.join(STATE, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  cs = spawn(CS_BIN, [
    '--config', path.join(STATE, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', path.join(STATE, 'user-data'), '--extensions-dir', path.join(STATE, 'extensions'),
  ], {
    detached: true, stdio: ['ignore', out, out],
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', TMPDIR: path.join(STATE, 'tmp'), XDG_CONFIG_HOME: path.join(STATE, 'xdg-config'), XDG_DATA_HOME: path.join(STATE, 'xdg-data') },
  });
  fs.closeSync(out);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`code-server not ready after 30 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`code-server ${cs.pid} on 127.0.0.1:${port}`);
}

/** Node processes of our code-server's process group running the Node language server. */
function nodeServers() {
  if (!cs?.pid) return [];
  const ps = execFileSync('ps', ['-eo', 'pid,pgid,args']).toString().split('\n');
  return ps.filter((l) => { const [, pgid] = l.trim().split(/\s+/); return Number(pgid) === cs.pid && l.includes(path.join(ROOT, 'dist', 'server.js')); });
}

/** Opens the folder with the extension under development, opens the seed, returns the page and the problems label. */
async function openSeed(port, folder, expectLabel) {
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${ROOT}`]];
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const workerScripts = [];
  page.on('console', (m) => { if (VERBOSE) console.log(`  [browser ${m.type()}] ${m.text().split('\n')[0]}`); });
  page.context().on('request', (r) => { if (r.url().includes('browserServer.js') || r.url().includes('browserClient.js')) workerScripts.push(r.url()); });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED_NAME });
  await row.first().waitFor({ timeout: 30_000 });
  await row.first().click();
  await page.waitForSelector('.editor-instance .view-lines', { timeout: 30_000 });
  await page.waitForFunction(() => /wikitext/i.test(document.getElementById('status.editor.mode')?.textContent || ''), null, { timeout: 60_000 }).catch(() => {});
  const mode = (await page.locator('[id="status.editor.mode"]').innerText().catch(() => '')).trim();
  await page.waitForFunction((re) => new RegExp(re).test(document.getElementById('status.problems')?.getAttribute('aria-label') || ''), expectLabel.source, { timeout: 90_000 }).catch(() => {});
  const label = await page.locator('[id="status.problems"]').getAttribute('aria-label').catch(() => '');
  return { page, mode, label: label || '', workerScripts };
}

try {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install chromium)`);
  if (!args.has('--skip-install')) execFileSync('bash', [path.join(ROOT, 'test', 'e2e', 'install.sh')], { stdio: VERBOSE ? 'inherit' : 'ignore' });
  for (const f of ['dist/browserClient.js', 'dist/browserServer.js']) if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} missing: npm run build`);
  const port = await freePort();
  await startCodeServer(port);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

  // 1. the seed: 24 problems (19 warnings, 5 infos), from the web-worker server
  const one = await openSeed(port, workspace('seed'), /Warnings?: 19\b/);
  record(/wikitext/i.test(one.mode), 'the seed opens as Wikitext', one.mode);
  record(/Warnings?: 19\b/.test(one.label) && /Infos?: 5\b/.test(one.label), 'status bar: 19 warnings and 5 infos (24 diagnostics)', one.label);
  record(one.workerScripts.some((u) => u.includes('browserServer.js')), 'the web-worker server script was loaded', one.workerScripts.map((u) => u.replace(/^.*\/dist\//, 'dist/')).join(', '));
  // hover on the first {{cite web}}: put the cursor there with Go to Line/Column, then Show or Focus Hover
  const seedText = fs.readFileSync(SEED, 'utf8');
  const col = seedText.indexOf('{{cite web') + 5;
  await one.page.locator('.editor-instance .view-lines').first().click();
  await one.page.keyboard.press('Control+G');
  await one.page.keyboard.type(`1:${col}`);
  await one.page.keyboard.press('Enter');
  await one.page.keyboard.press('F1');
  await one.page.keyboard.type('Show or Focus Hover');
  await one.page.waitForTimeout(500);
  await one.page.keyboard.press('Enter');
  await one.page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover')].some((h) => /CS1 citation template/.test(h.textContent || '')), null, { timeout: 30_000 }).catch(() => {});
  const hover = (await one.page.locator('.monaco-hover').allInnerTexts()).join(' | ');
  record(/\{\{cite web\}\}/.test(hover) && /CS1 citation template/.test(hover), 'a hover on {{cite web}} shows the citation', hover.slice(0, 120).replace(/\s+/g, ' '));
  await one.page.close();

  // 2. a folder whose .wikitext-lint.json turns cite-missing-access-date off: read through workspace.fs
  const two = await openSeed(port, workspace('config', { rules: { 'cite-missing-access-date': 'off' } }), /Infos?: 5\b/);
  record(/Infos?: 5\b/.test(two.label) && !/Warnings?: [1-9]/.test(two.label), 'the folder\'s .wikitext-lint.json is applied (5 problems)', two.label);
  await two.page.close();

  const servers = nodeServers();
  record(servers.length === 0, 'no Node language server process was started', servers.join(' || '));
  await finish();
} catch (e) {
  await finish(`error: ${e instanceof Error ? e.message : String(e)}`);
}
