/**
 * The web build: the browser bundles import nothing from Node (the build's guard is checked to fail on a
 * Node import), and the web-worker server (dist/browserServer.js) serves LSP inside headless Chromium
 * (Debian's package, driven by playwright-core) to the protocol library of VS Code's language client: the
 * seed's 24 diagnostics, a citation hover, and a .wikitext-lint.json read through the client (workspace.fs in
 * the web extension). Skips when chromium is not installed (apt-get install chromium; .ci/run installs it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { lint } from '../../server/src/core/lint/lint';

const ROOT = resolve(__dirname, '../..');
const SEED = readFileSync(resolve(ROOT, 'test/fixtures/corpus/Kazakhstan__Government_and_politics.wiki'), 'utf8');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

test('the browser bundles exist and import no Node module; the build guard rejects one that does', async () => {
  for (const f of ['dist/browserClient.js', 'dist/browserServer.js']) {
    const js = readFileSync(resolve(ROOT, f), 'utf8');
    // (esbuild's comment over a bundled folder, `// require("../data/x/**/*.json") in ...`, is not a require)
    const requires = [...js.replace(/^\s*\/\/.*$/gm, '').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(requires)].filter((r) => r !== 'vscode'), [], `${f} requires only vscode`);
  }
  const { noNodeBuiltins } = await import(pathToFileURL(resolve(ROOT, 'scripts/noNodeBuiltins.mjs')).href);
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-guard-'));
  try {
    writeFileSync(join(dir, 'bad.ts'), "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    await assert.rejects(
      esbuild.build({ entryPoints: [join(dir, 'bad.ts')], bundle: true, write: false, platform: 'browser', plugins: [noNodeBuiltins], logLevel: 'silent' }),
      /"node:fs" is a Node module and cannot be in a browser bundle/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the web-worker server in headless Chromium: 24 diagnostics, a citation hover, configuration through the client', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium)`, timeout: 120_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const built = await esbuild.build({ entryPoints: [resolve(__dirname, 'browserHarness.ts')], bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent' });
  const harness = built.outputFiles[0].text;
  const serverJs = readFileSync(resolve(ROOT, 'dist/browserServer.js'));
  const server = http.createServer((req, res) => {
    const send = (type: string, body: string | Buffer) => { res.writeHead(200, { 'content-type': type }); res.end(body); };
    if (req.url === '/') send('text/html', '<!doctype html><meta charset="utf-8"><title>wikitext web worker</title><script src="/harness.js"></script>');
    else if (req.url === '/harness.js') send('text/javascript', harness);
    else if (req.url === '/browserServer.js') send('text/javascript', serverJs);
    else { res.writeHead(req.url === '/favicon.ico' ? 204 : 404); res.end(); }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const config = JSON.stringify({ rules: { 'cite-missing-access-date': 'off' } });
    const r = await page.evaluate(([seed, cfg]) => (globalThis as any).runWikitextTest(seed, cfg), [SEED, config] as const);

    const expected = lint(SEED).diagnostics;
    assert.equal(r.serverInfo.name, 'wikitext-lint');
    assert.equal(r.positionEncoding, 'utf-16');
    assert.equal(r.count, 24);
    assert.deepEqual(r.codes, { 'cite-missing-access-date': 19, 'cite-dead-link-archived': 5 });
    assert.equal(r.first, Math.min(...expected.map((d) => d.start)), 'the first diagnostic at the offset the core reports (one-line document)');
    assert.ok(r.hover, 'a hover on {{cite web}}');
    assert.match(r.hover, /^\*\*\{\{cite web\}\}\*\*/);
    assert.match(r.hover, /Retrieved|Archived/);
    assert.equal(r.withConfig, 5, 'the folder\'s .wikitext-lint.json turns cite-missing-access-date off');
    assert.deepEqual(r.withConfigCodes, ['cite-dead-link-archived']);
    assert.ok(r.configRequests.includes('vscode-vfs://github/wikitext-tools/articles/sub/Kazakhstan.wiki'));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
