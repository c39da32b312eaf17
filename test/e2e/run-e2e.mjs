// End-to-end tests of the extension inside a real VS Code: code-server 4.100.3 (VS Code 1.100.3 workbench and
// extension host) driven by headless Debian Chromium through playwright-core. No VS Code download needed.
//
//   1. test/e2e/install.sh: chromium, ripgrep, code-server into .e2e/code-server/ (idempotent, fast when done)
//   2. builds the mocha suite (test/e2e/suite -> out/e2e/suite)
//   3. starts code-server on a free 127.0.0.1 port with fresh state dirs, in its own process group
//   4. runs the mocha suite inside the extension host (extensionDevelopmentPath + extensionTestsPath payload)
//   5. checks the UI with Playwright (language mode, problem counts, Problems panel, hover) and takes
//      screenshots into docs/images/; the status item and Show Output (statusUi.mjs)
//   6. stops code-server (its whole process group) whatever happens
//
// Usage: node test/e2e/run-e2e.mjs [--skip-install] [--no-ui] [--no-mocha] [--verbose]
// Expects dist/ built (`npm run test:e2e` builds first). Exit code 0 only when everything passed.
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { buildSuite } from './build-suite.mjs';
import { runStatusUi } from './statusUi.mjs';
import {
  CS_BIN, E2E_DIR, ROOT, SEED, SEED_NAME, createRun, freePort, launchChromium, remote, settle, startCodeServer, withTimeout, workbenchUrl,
} from './codeServer.mjs';

const args = new Set(process.argv.slice(2));
const VERBOSE = args.has('--verbose') || !!process.env.VERBOSE;
const STATE = path.join(E2E_DIR, 'state');
const IMAGES = path.join(ROOT, 'docs', 'images');
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 10 * 60_000);
const MOCHA_TIMEOUT_MS = 5 * 60_000;

// log, PASS/FAIL records, watchdog, signals, cleanup and exit code: test/e2e/codeServer.mjs (shared with run-web-e2e.mjs)
const run = createRun({ tag: 'e2e', timeoutMs: TOTAL_TIMEOUT_MS });
const { log, record, results } = run;
const finish = run.finish;
const workspaceWithSeed = (tag, files) => run.workspaceWithSeed(tag, files);
let browser = null;

// The local MediaWiki (scripts/test-wiki.sh) for the wiki-editing tests (test/e2e/suite/wiki.test.ts): its
// WIKI_* variables reach the extension host through code-server's environment. Skipped when not installed.
let wikiEnv = null;
function startWiki() {
  if (process.env.WIKITEXT_TEST_WIKI === 'off' || spawnSync('bash', [path.join(ROOT, 'scripts', 'test-wiki.sh'), 'check']).status !== 0) {
    log('local MediaWiki not installed: the wiki tests are skipped (scripts/test-wiki.sh install)');
    return;
  }
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'test-wiki.sh'), 'start', '--no-install'], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) { log(`test wiki did not start: ${r.stderr.slice(-300)}`); return; }
  wikiEnv = Object.fromEntries(r.stdout.split('\n').map((l) => /^(WIKI_\w+)=(.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2]]));
  wikiEnv.WIKITEXT_LINT_CACHE = path.join(STATE, 'cache'); // site profiles the extension reads stay in the state dir
  log(`test wiki at ${wikiEnv.WIKI_API}`);
  // a second wiki in German with the fixture citation templates ({{Internetquelle}} with TemplateData) for
  // test/e2e/suite/citationProfile.test.ts (issue 13): its variables reach the extension host as WIKI_DE_*
  const de = spawnSync('bash', [path.join(ROOT, 'scripts', 'test-wiki.sh'), 'start', '--no-install', '--lang', 'de', '--fixtures', path.join(ROOT, 'test', 'fixtures', 'wiki', 'de')], { encoding: 'utf8', timeout: 180_000 });
  if (de.status !== 0) { log(`German test wiki did not start: ${de.stderr.slice(-300)}`); return; }
  for (const m of de.stdout.split('\n').map((l) => /^WIKI_(\w+)=(.*)$/.exec(l)).filter(Boolean)) wikiEnv[`WIKI_DE_${m[1]}`] = m[2];
  log(`German test wiki at ${wikiEnv.WIKI_DE_API}`);
}
function stopWiki() {
  for (const dir of [wikiEnv?.WIKI_DIR, wikiEnv?.WIKI_DE_DIR]) if (dir) spawnSync('bash', [path.join(ROOT, 'scripts', 'test-wiki.sh'), 'stop', dir]);
  wikiEnv = null;
}
run.onCleanup(stopWiki, stopWiki); // never leave the wiki running

/** Phase 1: the mocha suite inside the extension host; its result lines come back through codeAutomationLog. */
async function runMocha(port, suiteEntry) {
  const folder = workspaceWithSeed('tests');
  const payload = [['extensionDevelopmentPath', remote(port, ROOT)], ['extensionTestsPath', remote(port, suiteEntry)]];
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => { if (VERBOSE) console.log(`  [browser ${m.type()}] ${m.text().split('\n')[0]}`); });
  let summary = null;
  let inSuite = false;
  let exitCode;
  try {
    exitCode = await withTimeout('mocha suite in the extension host', MOCHA_TIMEOUT_MS, new Promise((resolve, reject) => {
      // The web workbench calls window.codeAutomationExit(code, logs) when the extension test run ends.
      page.exposeFunction('codeAutomationExit', (code, logs) => {
        if (code !== 0 || VERBOSE) for (const l of logs || []) if (/exthost/i.test(l.relativePath)) console.log(`--- ${l.relativePath}\n${l.contents}`);
        resolve(code);
      })
        .then(() => page.exposeFunction('codeAutomationLog', (_type, logArgs) => {
          const text = format(...logArgs);
          const m = /E2E_MOCHA_RESULT (\{.*\})/.exec(text);
          if (m) { summary = JSON.parse(m[1]); inSuite = false; return; }
          if (text.includes('E2E_MOCHA_START')) { inSuite = true; return; }
          // Workbench chatter is shown with --verbose only; the suite's own output always.
          const chatter = /^(Ignoring fetching additional builtin|Updating additional builtin|Resolv(ing|ed) connection token|Creating a socket|\[Service Worker\]|ChatSessionStore)/;
          if (VERBOSE || (inSuite && !chatter.test(text))) console.log(text.replace(/^/gm, '  | '));
        }))
        .then(() => page.goto(workbenchUrl(port, folder, payload)))
        .catch(reject);
    }));
  } catch (e) {
    record(false, 'mocha suite finished', String(e.message ?? e));
    await page.screenshot({ path: path.join(E2E_DIR, 'mocha-error.png') }).catch(() => {});
  } finally {
    await context.close().catch(() => {});
  }
  if (summary) {
    for (const t of summary.passed) results.push({ name: `mocha: ${t}`, ok: true });
    for (const f of summary.failed) results.push({ name: `mocha: ${f}`, ok: false });
    for (let i = summary.failed.length; i < summary.failures; i++) results.push({ name: 'mocha: (failure in a hook)', ok: false });
    log(`mocha: ${summary.passes} passed, ${summary.failures} failed, exit code ${exitCode}`);
  } else if (exitCode !== undefined) {
    record(false, 'mocha suite reported its results', `exit code ${exitCode}, no E2E_MOCHA_RESULT line`);
  }
}

/** Phase 2: what a user sees. */
async function runUi(port) {
  const folder = workspaceWithSeed('ui');
  fs.mkdirSync(IMAGES, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => log('[pageerror]', String(e).slice(0, 200)));
  const check = (ok, name, detail) => record(!!ok, `ui: ${name}`, detail);
  const waitUntil = async (what, fn, arg, timeout = 60_000) => {
    try { await page.waitForFunction(fn, arg, { timeout }); return true; } catch { log(`gave up waiting for ${what} after ${timeout} ms`); return false; }
  };
  try {
    await page.goto(workbenchUrl(port, folder, [['extensionDevelopmentPath', remote(port, ROOT)]]));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    log('workbench rendered');

    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED_NAME }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await page.waitForSelector('.editor-instance .view-lines', { timeout: 30_000 });

    // The file shows as Plain Text until the extension host has registered the language: wait, don't sleep.
    await waitUntil('language mode Wikitext', () => /wikitext/i.test(document.getElementById('status.editor.mode')?.textContent || ''), null);
    const lang = ((await page.locator('[id="status.editor.mode"]').textContent({ timeout: 5000 }).catch(() => '')) || '').trim();
    check(lang === 'Wikitext', 'status bar language mode reads "Wikitext"', `"${lang}"`);

    // 19 cite-missing-access-date warnings + 5 cite-dead-link-archived infos, no errors.
    const countsOk = () => {
      const l = document.getElementById('status.problems')?.getAttribute('aria-label') || '';
      return /Warnings?: 19\b/.test(l) && /Infos?: 5\b/.test(l) && !/Errors?: [1-9]/.test(l);
    };
    await waitUntil('problem counts', countsOk, null);
    const problems = page.locator('[id="status.problems"]');
    const label = await problems.getAttribute('aria-label', { timeout: 5000 }).catch(() => null);
    check(await page.evaluate(countsOk), 'status bar problems show 19 warnings and 5 infos', `"${label}"`);

    await problems.click(); // opens the Problems panel
    const panel = page.locator('.markers-panel').first();
    await panel.waitFor({ timeout: 20_000 });
    await waitUntil('Problems panel rows', () => (document.querySelector('.markers-panel')?.textContent || '').includes('cite-missing-access-date'), null, 20_000);
    const panelText = await page.evaluate(() => document.querySelector('.markers-panel')?.textContent || '');
    check(/Citation has \|url= but no \|access-date=/.test(panelText) && panelText.includes('cite-missing-access-date'),
      'Problems panel lists the cite-missing-access-date warnings');

    // The first problem is far along the seed's single line: open it from the panel, then its squiggle is in view.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'cite-missing-access-date' }).first().click();
    await waitUntil('squiggles', () => document.querySelectorAll('.editor-instance .squiggly-warning').length > 0, null, 20_000);
    const squiggles = await page.locator('.editor-instance .squiggly-warning, .editor-instance .squiggly-info').count();
    check(squiggles > 0, 'squiggles drawn in the editor', `${squiggles}`);

    /** Runs "Show or Focus Hover" from the command palette at the cursor; resolves when a hover holds `needle`. */
    const showHover = async (needle) => {
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
      await page.keyboard.type('Show or Focus Hover');
      await waitUntil('command palette entry', () => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => /Show or Focus Hover/.test(r.textContent || '')), null, 10_000);
      await page.keyboard.press('Enter');
      return waitUntil(`hover with "${needle}"`, (n) => [...document.querySelectorAll('.monaco-hover')].some((h) => (h.textContent || '').includes(n)), needle, 20_000);
    };

    // Into the editor, cursor to the start of the flagged range (drops the line highlight of the reveal), and
    // show the hover there: the warning's message with its Quick Fix.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('ArrowLeft');
    const diagHover = await showHover('add the date the source was read');
    check(diagHover, 'hover on a squiggle shows the warning');
    await settle(page);
    await page.screenshot({ path: path.join(IMAGES, 'vscode-diagnostics.png') });
    log('screenshot docs/images/vscode-diagnostics.png');
    await page.keyboard.press('Escape');

    // Hover: cursor into "Cite news" of the BBC citation (Ctrl+G line:column), then "Show or Focus Hover".
    const text = fs.readFileSync(SEED, 'utf8');
    const column = text.indexOf('{{Cite news|url=https://www.bbc.com/news/world-asia-47628854') + 2 + 4 + 1; // 1-based, inside the name
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
    await page.keyboard.type(`1:${column}`);
    await page.keyboard.press('Enter');
    const hoverOk = await showHover('Kazakh leader resigns after three decades');
    const hoverText = (await page.locator('.monaco-hover').allInnerTexts().catch(() => [])).join(' | ');
    check(hoverOk, 'hover on a citation shows its preview', hoverOk ? '' : `hover text: "${hoverText.slice(0, 200)}"`);
    await settle(page);
    await page.screenshot({ path: path.join(IMAGES, 'vscode-hover.png') });
    log('screenshot docs/images/vscode-hover.png');

    // The language server is a child Node process of the extension host, inside code-server's process group.
    const ps = execFileSync('ps', ['-eo', 'pid,pgid,args']).toString().split('\n');
    const server = ps.filter((l) => l.includes(path.join(ROOT, 'dist', 'server.js')));
    check(server.length >= 1, 'language server process runs (dist/server.js)', server.map((l) => l.trim().slice(0, 120)).join(' || '));
  } catch (e) {
    check(false, 'UI run completed', String(e.message ?? e).split('\n')[0]);
    await page.screenshot({ path: path.join(E2E_DIR, 'ui-error.png') }).catch(() => {});
    log(`failure screenshot ${path.relative(ROOT, path.join(E2E_DIR, 'ui-error.png'))}`);
  } finally {
    await context.close().catch(() => {});
  }
}

/** Phase 3: the wiki loop as a user sees it (open page, preview, conflict diff); screenshots under .e2e/wiki/. */
async function runWikiUi(port) {
  if (!wikiEnv) return;
  const out = path.join(E2E_DIR, 'wiki');
  fs.mkdirSync(out, { recursive: true });
  const folder = workspaceWithSeed('wiki');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const palette = async (command) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
    await page.keyboard.type(command);
    // pick the row whose label is exactly the command ("Open Wiki Page" also matches "Open Wiki Page Section")
    const label = `Wikitext: ${command}`;
    await page.waitForFunction((c) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => (r.getAttribute('aria-label') || '').startsWith(c)), label, { timeout: 30_000 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const n = await rows.count();
    for (let i = 0; i < n; i++) {
      const a = (await rows.nth(i).getAttribute('aria-label')) || '';
      if (a.startsWith(label) && !a.startsWith(`${label} Section`)) { await rows.nth(i).click(); break; }
    }
    // the palette has closed (its input starts with ">") before anything else is typed
    await page.waitForFunction(() => { const i = document.querySelector('.quick-input-widget input'); return !i || !i.value.startsWith('>') || i.closest('.quick-input-widget').style.display === 'none'; }, null, { timeout: 10_000 });
  };
  const input = async (text) => {
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  try {
    await page.goto(workbenchUrl(port, folder, [['extensionDevelopmentPath', remote(port, ROOT)]]));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(3000);
    // the explorer's context menu of a .wiki file offers Open on Wiki (suite/wiki.test.ts runs the command)
    const seedRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED_NAME }).first();
    await seedRow.click({ button: 'right' });
    const menu = await page.waitForFunction(() => [...document.querySelectorAll('.context-view .action-label, .monaco-menu .action-label')].some((a) => (a.textContent || '').trim() === 'Open on Wiki'), null, { timeout: 10_000 }).then(() => true, () => false);
    record(menu, 'wiki: the explorer context menu of a .wiki file offers Open on Wiki');
    await page.keyboard.press('Escape');
    await palette('Open Wiki Page…');
    await input(wikiEnv.WIKI_API);
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
    await page.keyboard.type('Kazakh');
    await page.waitForFunction(() => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => (r.textContent || '').trim().startsWith('Kazakhstan')), null, { timeout: 15_000 }).catch(() => {});
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Kazakhstan');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Kazakhstan/.test(document.querySelector('.tab.active')?.textContent || ''), null, { timeout: 30_000 });
    await page.waitForFunction(() => /wikitext/i.test(document.getElementById('status.editor.mode')?.textContent || ''), null, { timeout: 30_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => (e.textContent || '').includes('127.0.0.1')), null, { timeout: 15_000 }).catch(() => {});
    const status = await page.evaluate(() => [...document.querySelectorAll('.statusbar-item')].map((e) => e.textContent || '').find((t) => t.includes('127.0.0.1')) || '');
    record(/127\.0\.0\.1:\d+ · /.test(status), 'wiki: Open Wiki Page opens the page; the status bar shows site and user', `"${status.trim()}"`);
    await settle(page);
    await page.screenshot({ path: path.join(out, 'open-page.png') });
    fs.copyFileSync(path.join(out, 'open-page.png'), path.join(IMAGES, 'vscode-wiki-page.png'));

    await palette('Show Wiki Preview to the Side');
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      for (const f of page.frames()) {
        if (await f.evaluate(() => !!document.querySelector('ol.references li[id^="cite_note-"]')).catch(() => false)) { found = true; break; }
      }
      if (!found) await page.waitForTimeout(300);
    }
    record(found, 'wiki: the preview shows the references as Cite rendered them');
    await settle(page);
    await page.screenshot({ path: path.join(out, 'preview.png') });

    // someone else edits the first line through the API; we edit it too and publish: the conflict diff
    const api = async (params, post) => {
      const body = new URLSearchParams({ format: 'json', formatversion: '2', ...params });
      return (await (post ? fetch(wikiEnv.WIKI_API, { method: 'POST', body }) : fetch(`${wikiEnv.WIKI_API}?${body}`))).json();
    };
    const cur = (await api({ action: 'query', prop: 'revisions', titles: 'Kazakhstan', rvprop: 'ids|content', rvslots: 'main' })).query.pages[0].revisions[0];
    await api({ action: 'edit', title: 'Kazakhstan', text: `Someone else's first words. ${cur.slots.main.content}`, summary: 'other', baserevid: String(cur.revid), token: '+\\' }, true);
    // log in with the bot password through the command (this browser has its own secret storage)
    await palette('Log in to a Wiki…');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) .quick-input-list .monaco-list-row', { timeout: 10_000 });
    await page.keyboard.press('Enter'); // Bot password
    await input(wikiEnv.WIKI_BOT_USER);
    await input(wikiEnv.WIKI_BOT_PASSWORD);
    const loggedIn = await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /127\.0\.0\.1:\d+ · Admin/.test(e.textContent || '')), null, { timeout: 20_000 }).then(() => true, () => false);
    record(loggedIn, 'wiki: Log in with the bot password; the status bar shows the user');
    // the status item's hover names the revision the document is based on
    await page.locator('.statusbar-item', { hasText: /127\.0\.0\.1:\d+ · Admin/ }).first().hover();
    const hover = await page.waitForFunction(() => [...document.querySelectorAll('.workbench-hover, .monaco-hover, [role="tooltip"]')].map((h) => h.textContent || '').find((t) => /based on revision \d+/.test(t)), null, { timeout: 10_000 }).then((h) => h.jsonValue(), () => '');
    record(!!hover, 'wiki: the status item\'s hover shows the revision the page is based on', `"${String(hover).trim().slice(0, 100)}"`);
    await page.mouse.move(700, 400);
    await runWikiConflictUi(page, { out, api, palette, input });
    log(`wiki screenshots in ${path.relative(ROOT, out)}`);
  } catch (e) {
    record(false, 'wiki UI run completed', String(e.message ?? e).split('\n')[0]);
    await page.screenshot({ path: path.join(out, 'wiki-ui-error.png') }).catch(() => {});
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * The conflict flow as a user meets it (the page is open, logged in, and someone else changed its first line
 * through the API meanwhile): the user types in the editor, runs Publish from the palette and enters a summary
 * (one prompt: no second one from the save Publish makes, and code-server's auto save publishes nothing), sees
 * the conflict diff (screenshot conflict-diff.png), their text still in the editor and nothing saved over the
 * other edit; they merge (add the other's words to theirs) and publish again: the final revision, read through
 * the API, has both changes and the summary.
 */
async function runWikiConflictUi(page, { out, api, palette, input }) {
  const top = async () => (await api({ action: 'query', prop: 'revisions', titles: 'Kazakhstan', rvprop: 'ids|comment|content', rvslots: 'main', rvlimit: '1' })).query.pages[0].revisions[0];
  const openPrompts = () => page.evaluate(() => [...document.querySelectorAll('.quick-input-widget')].filter((w) => w.style.display !== 'none' && w.offsetParent !== null).length);
  const theirs = await top();
  /** Runs a workbench command by its palette label. */
  const workbench = async (label) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
    await page.keyboard.type(label);
    await page.waitForFunction((l) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => (r.getAttribute('aria-label') || '').startsWith(l)), label, { timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
  };
  // the preview's group closed, so the diff editor has room to show both sides
  await workbench('View: Close Editors in Other Groups');
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('My first words. ');
  await page.waitForTimeout(2500); // code-server auto saves after 1 s: that save must neither prompt nor publish
  record(await openPrompts() === 0 && (await top()).revid === theirs.revid, 'wiki: auto save of a wiki page neither prompts nor publishes');
  await palette('Publish to the Wiki');
  await input('My edit (conflict demo)');
  const diff = await page.waitForSelector('.monaco-diff-editor', { timeout: 30_000 }).then(() => true, () => false);
  const tab = await page.evaluate(() => document.querySelector('.tab.active')?.textContent || '');
  record(diff && /edit conflict/.test(tab), 'wiki: Publish after an API edit shows the conflict diff', `"${tab.trim()}"`);
  await page.waitForTimeout(1000);
  record(await openPrompts() === 0, 'wiki: one Publish asked for the summary once (no second prompt)');
  const modified = '.monaco-diff-editor .editor.modified .view-lines';
  const kept = await page.evaluate((sel) => (document.querySelector(sel)?.textContent || '').replace(/\u00a0/g, ' '), modified);
  const after = await top();
  record(kept.includes('My first words.') && after.revid === theirs.revid, 'wiki: the user\'s text is kept in the editor; nothing saved over the other edit', `top revision ${after.revid}`);
  // the screenshot shows the diff itself: no toasts (the conflict's messages were checked above), no tooltip
  await workbench('Notifications: Clear All Notifications');
  await page.mouse.move(150, 600); // over the empty explorer: no hover, no tooltip
  await page.waitForTimeout(800);
  await settle(page);
  await page.screenshot({ path: path.join(out, 'conflict-diff.png') });
  fs.copyFileSync(path.join(out, 'conflict-diff.png'), path.join(IMAGES, 'vscode-wiki-conflict.png')); // the README's
  log(`screenshot ${path.relative(ROOT, path.join(out, 'conflict-diff.png'))}`);

  // merge: keep both first lines (theirs, then mine), in the editable side of the diff, and publish again
  await page.locator(modified).first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type("Someone else's first words. ");
  await palette('Publish to the Wiki');
  // the prompt offers the summary of the attempt that met the conflict (recent summaries are remembered)
  const prefilled = await page.waitForFunction(() => { const i = document.querySelector('.quick-input-widget:not([style*="display: none"]) input'); return i && i.value; }, null, { timeout: 10_000 }).then((h) => h.jsonValue(), () => '');
  record(prefilled === 'My edit (conflict demo)', 'wiki: Publish again offers the remembered summary', `"${prefilled}"`);
  await input('Merged with the other edit (e2e)');
  let final = after;
  for (let i = 0; i < 100 && final.revid === after.revid; i++) { await page.waitForTimeout(300); final = await top(); }
  const content = final.slots.main.content;
  record(content.startsWith("Someone else's first words. My first words. ") && final.comment === 'Merged with the other edit (e2e)' && await openPrompts() === 0,
    'wiki: merged and published again: the final revision has both changes and the summary', `revision ${final.revid}: "${final.comment}", "${content.slice(0, 60)}"`);
}

async function main() {
  if (!args.has('--skip-install')) {
    const r = spawnSync('bash', [path.join(ROOT, 'test', 'e2e', 'install.sh')], { stdio: 'inherit', timeout: 10 * 60_000 });
    if (r.status !== 0) return finish('install.sh failed');
  }
  if (!fs.existsSync(CS_BIN)) return finish(`code-server missing at ${CS_BIN}: run test/e2e/install.sh`);
  let suiteEntry;
  try { suiteEntry = await buildSuite(); } catch (e) { return finish(`build of the suite: ${e.message}`); }
  log(`suite built: ${path.relative(ROOT, suiteEntry)}`);

  const port = await freePort();
  try {
    startWiki();
    run.codeServer = await startCodeServer({
      port,
      stateDir: STATE,
      settings: {
        'editor.renderLineHighlight': 'none', // the seed is one long wrapped line: a line highlight would tint it all
        'editor.hover.above': false, // the hover opens below the line: not clipped at the top of the editor
      },
      env: wikiEnv ?? {},
      log,
    });
    browser = run.browser = await launchChromium();
    if (!args.has('--no-mocha')) await runMocha(port, suiteEntry);
    if (!args.has('--no-ui')) await runUi(port);
    if (!args.has('--no-ui')) await runStatusUi(run, port); // status item, Show Output (test/e2e/statusUi.mjs)
    if (!args.has('--no-ui')) await runWikiUi(port);
  } catch (e) {
    record(false, 'e2e harness', String(e.message ?? e).split('\n')[0]);
  }
  await finish();
}

main().catch((e) => finish(`unexpected: ${e.stack ?? e}`));
