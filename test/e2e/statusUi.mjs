// A step of test/e2e/run-e2e.mjs: the status bar item and Show Output as a user meets them (issue 16, "In VS Code,
// the same habits"): the item shows the language server's state (running; stopped once the server has crashed
// more often than the client restarts it; running again after Restart Language Server), and clicking it, like
// the "Wikitext: Show Output" command, opens the server's output channel. Screenshot: .e2e/settings/status.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { E2E_DIR, ROOT, SEED_NAME, openInWorkbench, settle } from './codeServer.mjs';

const CHANNEL = 'Wikitext Language Server';
const ITEM = '[id$="wikitext.status"]'; // VS Code's id: <extension id>.<item id>

/** Process ids of Node language servers (dist/server.js) under code-server's process group. */
function serverPids(pgid) {
  return execFileSync('ps', ['-eo', 'pid,pgid,args']).toString().split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, g, ...cmd]) => Number(g) === pgid && cmd.join(' ').includes(path.join(ROOT, 'dist', 'server.js')))
    .map(([pid]) => Number(pid));
}

/** `run`: the runner's createRun() (browser, codeServer, record, log, workspaceWithSeed). */
export async function runStatusUi(run, port) {
  const out = path.join(E2E_DIR, 'settings');
  fs.mkdirSync(out, { recursive: true });
  const check = (ok, name, detail) => run.record(!!ok, `status: ${name}`, detail);
  const before = new Set(serverPids(run.codeServer.pid)); // servers of earlier windows are not ours
  const ours = () => serverPids(run.codeServer.pid).filter((p) => !before.has(p));
  const context = await run.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const waitUntil = async (what, fn, arg, timeout = 30_000) => {
    try { await page.waitForFunction(fn, arg, { timeout }); return true; } catch { run.log(`gave up waiting for ${what} after ${timeout} ms`); return false; }
  };
  const itemState = () => page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el ? { label: el.getAttribute('aria-label') || '', text: el.textContent || '', icons: [...el.querySelectorAll('.codicon')].map((i) => i.className).join(' ') } : null;
  }, ITEM);
  /** The Output view is shown in the panel with our channel chosen (its picker names it). */
  const outputShownIn = (name) => { // runs in the page
    const panel = document.querySelector('.part.panel');
    if (!panel || panel.offsetParent === null) return false;
    const active = [...panel.querySelectorAll('.composite-bar .action-item.checked, .composite-bar .action-item.active')].map((e) => e.textContent || e.getAttribute('aria-label') || '');
    if (!active.some((t) => /output/i.test(t))) return false;
    const picked = [...panel.querySelectorAll('select')].map((s) => `${s.options[s.selectedIndex]?.text ?? ''} ${s.title || ''} ${s.value || ''}`)
      .concat([...panel.querySelectorAll('.monaco-select-box, [title]')].map((e) => `${e.getAttribute('title') || ''} ${e.getAttribute('aria-label') || ''}`));
    return picked.some((t) => t.includes(name));
  };
  const outputShown = () => page.evaluate(outputShownIn, CHANNEL);
  const panelState = () => page.evaluate(() => {
    const panel = document.querySelector('.part.panel');
    if (!panel) return 'no panel';
    return JSON.stringify({ visible: panel.offsetParent !== null, tabs: [...panel.querySelectorAll('.composite-bar .action-item')].map((e) => `${e.className}:${e.textContent}`), selects: [...panel.querySelectorAll('select')].map((s) => `${s.className}|${s.options[s.selectedIndex]?.text}|${s.title}`) }).slice(0, 600);
  });
  const palette = async (command) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
    await page.keyboard.type(command);
    await waitUntil(`palette entry ${command}`, (c) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => (r.getAttribute('aria-label') || '').startsWith(c)), command, 10_000);
    await page.keyboard.press('Enter');
  };
  try {
    await openInWorkbench(page, port, run.workspaceWithSeed('status'), SEED_NAME);
    await waitUntil('language mode Wikitext', () => /wikitext/i.test(document.getElementById('status.editor.mode')?.textContent || ''), null, 60_000);
    const running = await waitUntil('the status item running', (sel) => /running/.test(document.querySelector(sel)?.getAttribute('aria-label') || ''), ITEM, 60_000);
    const s1 = await itemState();
    check(running && /codicon-check/.test(s1?.icons ?? '') && /Wikitext/.test(s1?.text ?? ''), 'the status item shows "Wikitext" with a check while the server runs', JSON.stringify(s1));
    await settle(page);
    await page.locator(ITEM).screenshot({ path: path.join(out, 'status-running.png') }).catch(() => {});

    // "Wikitext: Show Output" from the command palette
    await palette('Wikitext: Show Output');
    check(await waitUntil('the output channel', outputShownIn, CHANNEL, 15_000), `"Wikitext: Show Output" opens the "${CHANNEL}" output`, await panelState());
    await page.locator('[id="status.problems"]').click(); // the panel switches to Problems
    await waitUntil('the Problems view', () => !!document.querySelector('.part.panel .markers-panel'), null, 10_000);
    check(!(await outputShown()), 'the panel shows Problems now (so the click below is what brings the output back)');

    // a click on the status item
    await page.locator(ITEM).click();
    check(await waitUntil('the output channel', outputShownIn, CHANNEL, 15_000), `clicking the status item opens the "${CHANNEL}" output`, await panelState());
    await settle(page);
    await page.screenshot({ path: path.join(out, 'status.png') });

    // the server's state: crash it until the client stops restarting it (vscode-languageclient: 5 crashes within 3
    // minutes). A kill that lands while a restarted server is still starting may be counted by the client as a failed
    // start rather than a crash, so each restarted server is given a moment to come up, and a few more kills are
    // allowed on a loaded machine; the detail says how many it took.
    let pids = ours();
    check(pids.length === 1, 'one language server process for this window', pids.join(','));
    const isStopped = () => page.evaluate((sel) => /stopped/.test(document.querySelector(sel)?.getAttribute('aria-label') || ''), ITEM).catch(() => false);
    let crashes = 0;
    for (let crash = 1; crash <= 8 && pids.length; crash++) {
      for (const p of pids) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
      crashes = crash;
      const gone = new Set(pids);
      pids = [];
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && !(pids = ours().filter((p) => !gone.has(p))).length) {
        if (crash >= 5 && (await isStopped())) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      if (!pids.length) {
        if (crash < 5) check(false, `the client restarted the server after crash ${crash}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 1500)); // the restarted server connects before the next crash
    }
    const stopped = await waitUntil('the status item stopped', (sel) => /stopped/.test(document.querySelector(sel)?.getAttribute('aria-label') || ''), ITEM, 30_000);
    const s2 = await itemState();
    check(stopped && /codicon-error/.test(s2?.icons ?? '') && crashes >= 5, 'after the server crashed 5 times the status item shows it stopped (error icon)', `${crashes} crashes: ${JSON.stringify(s2)}`);
    await page.locator(ITEM).screenshot({ path: path.join(out, 'status-stopped.png') }).catch(() => {});

    await palette('Wikitext: Restart Language Server');
    const back = await waitUntil('the status item running again', (sel) => /running/.test(document.querySelector(sel)?.getAttribute('aria-label') || ''), ITEM, 60_000);
    check(back && ours().length === 1, 'Restart Language Server: the status item shows it running again', `${JSON.stringify(await itemState())} pids ${ours().join(',')}`);
  } catch (e) {
    check(false, 'status UI run completed', String(e.message ?? e).split('\n')[0]);
    await page.screenshot({ path: path.join(out, 'status-error.png') }).catch(() => {});
  } finally {
    await context.close().catch(() => {});
  }
}
