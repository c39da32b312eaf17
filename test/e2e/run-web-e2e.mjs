// The web extension inside a real VS Code web worker extension host: code-server 4.100.3 with the extension
// forced to its `browser` entry (`remote.extensionKind: web`, `extensions.webWorker: true`), opened by headless
// Debian Chromium through playwright-core. Checks: the seed opens as Wikitext, the status bar counts its 24
// problems (19 warnings, 5 infos), a hover on a citation shows how it reads, a .wikitext-lint.json in the
// folder is read through workspace.fs (a second run turns a rule off: 5 problems), and no Node language server
// process was started (so the server that answered is the web-worker one); the status item shows the server
// running, and a folder with `"wikitext.enable": false` in .vscode/settings.json shows no problems. Citation profiles
// (issue 13): a `"profile"` file named by .wikitext-lint.json is read through workspace.fs and applied (a German
// `{{Internetquelle}}` without `titel` in the Problems panel); a broken one is a message naming it, and is read
// again when fixed on disk; `auto` is the map shipped for the site, with a note naming it.
//
// Usage: node test/e2e/run-web-e2e.mjs [--skip-install] [--verbose]   (npm run test:e2e:web builds first)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  E2E_DIR, EXT_ID, ROOT, SEED, SEED_NAME, createRun, freePort, launchChromium, openInWorkbench, problemsLabel, startCodeServer,
} from './codeServer.mjs';

const args = new Set(process.argv.slice(2));
const VERBOSE = args.has('--verbose') || !!process.env.VERBOSE;
const STATE = path.join(E2E_DIR, 'state-web');

// log, PASS/FAIL records, watchdog, signals, cleanup and exit code: test/e2e/codeServer.mjs (shared with run-e2e.mjs)
const run = createRun({ tag: 'web-e2e', timeoutMs: 8 * 60_000 });
const { log, record, finish } = run;
let browser = null;

/** A fresh folder with the seed and, when given, a .wikitext-lint.json. */
const workspace = (tag, config) => run.workspaceWithSeed(tag, config ? { '.wikitext-lint.json': JSON.stringify(config) } : {});

/** Node processes of our code-server's process group running the Node language server. */
function nodeServers() {
  const cs = run.codeServer;
  if (!cs?.pid) return [];
  const ps = execFileSync('ps', ['-eo', 'pid,pgid,args']).toString().split('\n');
  return ps.filter((l) => { const [, pgid] = l.trim().split(/\s+/); return Number(pgid) === cs.pid && l.includes(path.join(ROOT, 'dist', 'server.js')); });
}

/** Opens the folder with the extension under development, opens the seed, returns the page and the problems label. */
async function openSeed(port, folder, expectLabel, fileName = SEED_NAME) {
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${ROOT}`]];
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const workerScripts = [];
  page.on('console', (m) => { if (VERBOSE) console.log(`  [browser ${m.type()}] ${m.text().split('\n')[0]}`); });
  page.context().on('request', (r) => { if (r.url().includes('browserServer.js') || r.url().includes('browserClient.js')) workerScripts.push(r.url()); });
  await openInWorkbench(page, port, folder, fileName, payload);
  await page.waitForFunction(() => /wikitext/i.test(document.getElementById('status.editor.mode')?.textContent || ''), null, { timeout: 60_000 }).catch(() => {});
  const mode = (await page.locator('[id="status.editor.mode"]').innerText().catch(() => '')).trim();
  await page.waitForFunction((re) => new RegExp(re).test(document.getElementById('status.problems')?.getAttribute('aria-label') || ''), expectLabel.source, { timeout: 90_000 }).catch(() => {});
  return { page, mode, label: await problemsLabel(page), workerScripts };
}

try {
  if (!args.has('--skip-install')) execFileSync('bash', [path.join(ROOT, 'test', 'e2e', 'install.sh')], { stdio: VERBOSE ? 'inherit' : 'ignore' });
  for (const f of ['dist/browserClient.js', 'dist/browserServer.js']) if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} missing: npm run build`);
  const port = await freePort();
  run.codeServer = await startCodeServer({
    port,
    stateDir: STATE,
    // run the extension in the browser, as VS Code for the Web does
    settings: { 'extensions.webWorker': true, 'remote.extensionKind': { [EXT_ID]: ['web'] } },
    log,
  });
  browser = run.browser = await launchChromium();

  // 1. the seed: 24 problems (19 warnings, 5 infos), from the web-worker server
  const one = await openSeed(port, workspace('seed'), /Warnings?: 19\b/);
  record(/wikitext/i.test(one.mode), 'the seed opens as Wikitext', one.mode);
  record(/Warnings?: 19\b/.test(one.label) && /Infos?: 5\b/.test(one.label), 'status bar: 19 warnings and 5 infos (24 diagnostics)', one.label);
  record(one.workerScripts.some((u) => u.includes('browserServer.js')), 'the web-worker server script was loaded', one.workerScripts.map((u) => u.replace(/^.*\/dist\//, 'dist/')).join(', '));
  // the status item (client/src/lintSettings.ts, shared with the desktop client): the web-worker server's state
  await one.page.waitForFunction(() => /running/.test(document.querySelector('[id$="wikitext.status"]')?.getAttribute('aria-label') || ''), null, { timeout: 30_000 }).catch(() => {});
  const item = await one.page.locator('[id$="wikitext.status"]').getAttribute('aria-label').catch(() => '');
  record(/running/.test(item || ''), 'the status item shows the web-worker server running', item || '(no item)');
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

  // 3. a folder whose .vscode/settings.json has wikitext.enable: false: the web client shows no problems
  const three = await openSeed(port, run.workspaceWithSeed('disabled', { '.vscode/settings.json': JSON.stringify({ 'wikitext.enable': false }) }), /No Problems/);
  await three.page.waitForFunction(() => /running/.test(document.querySelector('[id$="wikitext.status"]')?.getAttribute('aria-label') || ''), null, { timeout: 30_000 }).catch(() => {});
  await three.page.waitForTimeout(3000); // the server is up; its diagnostics, were they shown, would be by now
  const offLabel = await problemsLabel(three.page);
  const offItem = await three.page.locator('[id$="wikitext.status"]').getAttribute('title').catch(() => '');
  record(!/(Warnings?|Infos?|Errors?): [1-9]/.test(offLabel), 'wikitext.enable: false (folder settings): no problems in the web client', `${offLabel} ${offItem ?? ''}`);
  await three.page.close();

  // 4. citation profiles (issue 13): the "profile" of .wikitext-lint.json, read by the web client through workspace.fs
  // and checked by the web-worker server: {{Internetquelle}} without titel is a missing title (client/src/webProfiles.ts)
  const profileText = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'profiles', 'dewiki-citations.json'), 'utf8');
  const berlin = 'Berlin.<ref>{{Internetquelle |url=https://www.berlin.de/ |abruf=2020-05-19}}</ref> Mitte.<ref name="m">A</ref><ref name="m">B</ref>\n<references />\n';
  const profiled = run.workspaceWithSeed('profile', { '.wikitext-lint.json': JSON.stringify({ site: 'de.wikipedia.org', profile: 'profiles/de.json' }), 'profiles/de.json': profileText, 'Berlin.wiki': berlin });
  const four = await openSeed(port, profiled, /Errors?: 2\b/, 'Berlin.wiki');
  record(/Errors?: 2\b/.test(four.label), 'a profile file named by .wikitext-lint.json: {{Internetquelle}} without titel is reported (2 errors)', four.label);
  await four.page.keyboard.press('Control+Shift+M'); // the Problems panel
  await four.page.waitForFunction(() => /Citation has no \|titel=/.test(document.querySelector('.markers-panel')?.textContent || ''), null, { timeout: 20_000 }).catch(() => {});
  const panel = ((await four.page.locator('.markers-panel').first().innerText().catch(() => '')) || '').replace(/\s+/g, ' ');
  record(/Citation has no \|titel=/.test(panel) && /cite-missing-title/.test(panel), 'the Problems panel shows the missing title of {{Internetquelle}}', panel.slice(0, 160));
  await four.page.screenshot({ path: path.join(E2E_DIR, 'web-profile-problems.png') }).catch(() => {});
  await four.page.close();

  // 5. a broken profile file: one message naming the file and the problem; linting goes on without the profile;
  // the file fixed on disk is read again (the client watches it)
  const broken = run.workspaceWithSeed('broken-profile', { '.wikitext-lint.json': JSON.stringify({ site: 'de.wikipedia.org', profile: 'profiles/de.json' }), 'profiles/de.json': '{"templates": ', 'Berlin.wiki': berlin });
  const five = await openSeed(port, broken, /Errors?: 1\b/, 'Berlin.wiki');
  const toastRe = /profiles\/de\.json: not JSON/;
  await five.page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.notifications-toasts')?.textContent || ''), toastRe.source, { timeout: 30_000 }).catch(() => {});
  const toasts = ((await five.page.locator('.notifications-toasts').first().innerText().catch(() => '')) || '').replace(/\s+/g, ' ');
  record(toastRe.test(toasts), 'a broken profile file: a message naming the file and the problem', toasts.slice(0, 200));
  record(/Errors?: 1\b/.test(five.label), 'linting goes on without the profile (the duplicate ref, not the title)', five.label);
  await five.page.screenshot({ path: path.join(E2E_DIR, 'web-profile-broken.png') }).catch(() => {});
  const twoErrors = () => five.page.waitForFunction(() => /Errors?: 2\b/.test(document.getElementById('status.problems')?.getAttribute('aria-label') || ''), null, { timeout: 20_000 }).then(() => true, () => false);
  fs.writeFileSync(path.join(broken, 'profiles', 'de.json'), profileText);
  // code-server's file watcher, on a loaded 2-core machine, has been seen to miss the first write (1 run in 4): a
  // second save, as a user would make, must then be seen; the detail says when it was needed
  let attempts = 1;
  if (!(await twoErrors())) {
    attempts = 2;
    fs.writeFileSync(path.join(broken, 'profiles', 'de.json'), profileText + '\n');
    await twoErrors();
  }
  const refixed = await problemsLabel(five.page);
  record(/Errors?: 2\b/.test(refixed), 'the profile file fixed on disk is read again (2 errors)', `${refixed} (after ${attempts} write${attempts > 1 ? 's' : ''})`);
  await five.page.close();

  // 6. "auto" on the web (no cache of built profiles): the map shipped for the site, with a note naming it
  const autoWs = run.workspaceWithSeed('auto-profile', { '.vscode/settings.json': JSON.stringify({ 'wikitext.site': 'de.wikipedia.org', 'wikitext.citationProfile': 'auto' }), 'Berlin.wiki': berlin });
  const six = await openSeed(port, autoWs, /Errors?: 2\b/, 'Berlin.wiki');
  record(/Errors?: 2\b/.test(six.label), '"auto" on the web: the shipped map of de.wikipedia.org checks {{Internetquelle}} (2 errors)', six.label);
  const noteRe = /using the map shipped with wikitext-lint \(server\/data\/citation-profiles\/de\.wikipedia\.org\.json\)/;
  await six.page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.notifications-toasts')?.textContent || ''), noteRe.source, { timeout: 30_000 }).catch(() => {});
  const note = ((await six.page.locator('.notifications-toasts').first().innerText().catch(() => '')) || '').replace(/\s+/g, ' ');
  record(noteRe.test(note), '"auto" on the web: a note names the shipped map', note.slice(0, 200));
  await six.page.close();

  const servers = nodeServers();
  record(servers.length === 0, 'no Node language server process was started', servers.join(' || '));
  await finish();
} catch (e) {
  await finish(`error: ${e instanceof Error ? e.message : String(e)}`);
}
