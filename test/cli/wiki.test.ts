/**
 * The CLI against a real MediaWiki (scripts/test-wiki.sh): `--page`, page URLs, every output format naming the
 * page and revision, `--fix --output`, `--print-tree --page`, errors per page, site profiles and their cache.
 * The built `dist/cli.js` runs in a child process. Skipped with a message when MediaWiki is not installed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { wikiSkipReason, startTestWiki, TestWiki } from '../helpers/testWiki';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SEED = resolve(__dirname, '../../examples/Kazakhstan__Government_and_politics.wiki');
const TODAY = ['--today', '2026-11-28'];
const skip = wikiSkipReason();
let wiki: TestWiki;
let cache: string;
before(async () => {
  if (skip) return;
  wiki = await startTestWiki();
  cache = mkdtempSync(join(tmpdir(), 'wikitext-lint-cache-'));
});
after(() => wiki?.stop());

/** Runs the CLI asynchronously (the test process also serves a proxy, so it must not block). */
function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolveRun) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, WIKITEXT_LINT_CACHE: cache, ...options.env } });
    let out = '', err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolveRun({ code, out, err }));
  });
}

test('--page Kazakhstan on the local wiki gives the same JSON diagnostics as the seed file, positions included', { skip }, async () => {
  const page = await run(['--site', wiki.api, '--page', 'Kazakhstan', '--format', 'json', ...TODAY]);
  const file = await run([SEED, '--format', 'json', ...TODAY]);
  assert.equal(page.code, file.code, page.err);
  const a = JSON.parse(page.out), b = JSON.parse(file.out);
  assert.ok(b.files[0].diagnostics.length > 10);
  assert.deepEqual(a.files[0].diagnostics, b.files[0].diagnostics);
  assert.deepEqual(a.summary, b.summary);
  assert.equal(a.files[0].page.title, 'Kazakhstan');
  assert.equal(a.files[0].page.site, `127.0.0.1:${wiki.port}`);
  assert.ok(a.files[0].page.revid > 0);
  assert.equal(a.files[0].path, `${wiki.origin}/index.php?title=Kazakhstan&oldid=${a.files[0].page.revid}`);
});

test('every format names the page and its revision; a page URL works as a path; several pages', { skip }, async () => {
  const url = `${wiki.origin}/index.php?title=Kaz`;
  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    const r = await run([url, '--site', wiki.api, '--page', 'Sections', '--format', format, ...TODAY]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /index\.php\?title=Kazakhstan&oldid=\d+/, `${format} names Kazakhstan (through the redirect Kaz) and its revision`);
    if (format === 'json') {
      const files = JSON.parse(r.out).files;
      assert.deepEqual(files.map((f: { page: { title: string } }) => f.page.title), ['Sections', 'Kazakhstan']);
      assert.equal(files[1].page.redirectedFrom, 'Kaz');
    }
  }
});

test('a page that cannot be read is an error naming site and page; the other pages are still linted', { skip }, async () => {
  const r = await run(['--site', wiki.api, '--page', 'No such page', '--page', 'Kazakhstan', '--page', 'MediaWiki:Common.css', '--format', 'json', ...TODAY]);
  assert.equal(r.code, 2);
  const files = JSON.parse(r.out).files;
  assert.match(files[0].error, new RegExp(`127\\.0\\.0\\.1:${wiki.port}: "No such page": no such page`));
  assert.ok(files[1].diagnostics.length > 10);
  assert.match(files[2].error, /"MediaWiki:Common\.css": content model is "css", not wikitext/);
  assert.match(r.err, /No such page/);
});

test('the wiki failing mid-run (connection reset for one page): clear message, other pages still linted', { skip }, async () => {
  const proxy = http.createServer((req, res) => {
    if (/titles=Sections/.test(req.url!)) {
      req.socket.destroy();
      return;
    }
    void fetch(`${wiki.api}${req.url!.replace(/^\/api\.php/, '')}`).then(async (r) => {
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
      res.end(await r.text());
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  try {
    const api = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api.php`;
    const r = await run(['--site', api, '--page', 'Kazakhstan', '--page', 'Sections', '--page', 'Kaz', '--format', 'json', ...TODAY]);
    assert.equal(r.code, 2, r.err);
    const files = JSON.parse(r.out).files;
    assert.ok(files[0].diagnostics.length > 10);
    assert.match(files[1].error, /127\.0\.0\.1:\d+: "Sections": network error/);
    assert.equal(files[2].page.title, 'Kazakhstan');
  } finally {
    proxy.closeAllConnections();
    proxy.close();
  }
});

test('--fix with a page never publishes: --output FILE or - receives the fixed wikitext; without it, a usage error', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-'));
  // the seed's safe fixes are the access-dates, which the user opts in to (an unchecked date is not safe by default)
  const cfg = join(dir, 'optin.json');
  writeFileSync(cfg, JSON.stringify({ rules: { 'cite-missing-access-date': ['warning', { fixUnchecked: true }] } }));
  const TODAY_CFG = [...TODAY, '--config', cfg];
  const noOutput = await run(['--site', wiki.api, '--page', 'Kazakhstan', '--fix', ...TODAY]);
  assert.equal(noOutput.code, 2);
  assert.match(noOutput.err, /never publishes.*--output/);
  // the reference: --fix on a copy of the seed as MediaWiki stores it (trailing whitespace stripped)
  const copy = join(dir, 'copy.wiki');
  writeFileSync(copy, readFileSync(SEED, 'utf8').trimEnd());
  await run([copy, '--fix', ...TODAY_CFG]);
  const expected = readFileSync(copy, 'utf8');
  assert.notEqual(expected, readFileSync(SEED, 'utf8').trimEnd(), 'the seed has safe fixes');
  const out = join(dir, 'fixed.wiki');
  const r = await run(['--site', wiki.api, '--page', 'Kazakhstan', '--fix', '--output', out, ...TODAY_CFG]);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  assert.equal(readFileSync(out, 'utf8'), expected);
  const toStdout = await run(['--site', wiki.api, '--page', 'Kazakhstan', '--fix', '--output', '-', ...TODAY_CFG]);
  assert.equal(toStdout.out, expected);
  assert.match(toStdout.err, /problems?/, 'the report goes to stderr');
  // the wiki's page is unchanged
  const after = await run(['--site', wiki.api, '--page', 'Kazakhstan', '--format', 'json', ...TODAY_CFG]);
  assert.ok(JSON.parse(after.out).files[0].diagnostics.some((d: { fixes: { safe: boolean }[] }) => d.fixes.some((f) => f.safe)));
  const two = await run(['--site', wiki.api, '--page', 'Kazakhstan', '--page', 'Sections', '--fix', '--output', out, ...TODAY_CFG]);
  assert.equal(two.code, 2);
  assert.match(two.err, /one --page/);
});

test('--print-tree --page prints the page tree', { skip }, async () => {
  const r = await run(['--site', wiki.api, '--page', 'Sections', '--print-tree', '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const tree = JSON.parse(r.out);
  assert.equal(tree.type, 'Document');
  assert.match(r.out, /"Heading"/);
});

test('--site with files fetches the profile once and caches it; "site" in .wikitext-lint.json does the same', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-'));
  const ownCache = mkdtempSync(join(tmpdir(), 'wikitext-lint-cache-'));
  copyFileSync(SEED, join(dir, 'a.wiki'));
  const r = await run(['--site', wiki.api, join(dir, 'a.wiki'), ...TODAY], { env: { WIKITEXT_LINT_CACHE: ownCache } });
  assert.ok(r.code === 0 || r.code === 1, r.err);
  const cached = readdirSync(join(ownCache, 'profiles'));
  assert.deepEqual(cached, [`127.0.0.1_${wiki.port}.json`]);
  const profile = JSON.parse(readFileSync(join(ownCache, 'profiles', cached[0]), 'utf8'));
  assert.equal(profile.lang, 'en');
  assert.ok(profile.extensionTags.includes('ref'));
  // the configuration key
  const cfgCache = mkdtempSync(join(tmpdir(), 'wikitext-lint-cache-'));
  writeFileSync(join(dir, '.wikitext-lint.json'), JSON.stringify({ site: wiki.api }));
  const c = await run(['a.wiki', ...TODAY], { cwd: dir, env: { WIKITEXT_LINT_CACHE: cfgCache } });
  assert.ok(c.code === 0 || c.code === 1, c.err);
  assert.ok(existsSync(join(cfgCache, 'profiles', `127.0.0.1_${wiki.port}.json`)), 'fetched for the configured site');
  writeFileSync(join(dir, '.wikitext-lint.json'), JSON.stringify({ site: 42 }));
  const bad = await run(['a.wiki', ...TODAY], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.out + bad.err, /"site" must be a wiki/);
});

test('the site profile changes results, in worker threads too: <math> is no extension tag on a wiki without Math', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-'));
  for (let i = 0; i < 10; i++) writeFileSync(join(dir, `f${i}.wiki`), '<math><ref></ref></math>\n');
  const builtin = await run([dir, '--format', 'json', ...TODAY]);
  assert.equal(JSON.parse(builtin.out).summary.errors, 0, 'on Wikipedia the ref is inside <math>: no ref at all');
  for (const jobs of ['1', '2']) {
    const r = await run(['--site', wiki.api, dir, '--format', 'json', '--jobs', jobs, ...TODAY]);
    const out = JSON.parse(r.out);
    assert.equal(out.summary.errors, 10, `--jobs ${jobs}: an empty <ref> in every file`);
    assert.ok(out.files.every((f: { diagnostics: { rule: string }[] }) => f.diagnostics[0].rule === 'ref-empty'));
  }
});


test('the wiki stopped: the cached profile is used (a note when --refresh could not renew it); pages fail clearly', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-lint-'));
  const ownCache = mkdtempSync(join(tmpdir(), 'wikitext-lint-cache-'));
  const emptyCache = mkdtempSync(join(tmpdir(), 'wikitext-lint-cache-'));
  copyFileSync(SEED, join(dir, 'a.wiki'));
  const file = join(dir, 'a.wiki');
  const first = await run(['--site', wiki.api, file, '--format', 'json', ...TODAY], { env: { WIKITEXT_LINT_CACHE: ownCache } });
  wiki.kill();
  const fresh = await run(['--site', wiki.api, file, '--format', 'json', ...TODAY], { env: { WIKITEXT_LINT_CACHE: ownCache } });
  assert.equal(fresh.out, first.out);
  assert.equal(fresh.err, '', 'a fresh cache needs no request and no note');
  const stale = await run(['--site', wiki.api, '--refresh', file, '--format', 'json', ...TODAY], { env: { WIKITEXT_LINT_CACHE: ownCache } });
  assert.equal(stale.out, first.out);
  assert.match(stale.err, new RegExp(`note: 127\\.0\\.0\\.1:${wiki.port}: using the cached site profile from \\d{4}-\\d\\d-\\d\\d .*refused`));
  const none = await run(['--site', wiki.api, file, ...TODAY], { env: { WIKITEXT_LINT_CACHE: emptyCache } });
  assert.equal(none.code, 2);
  assert.match(none.err, /cannot get the site profile: 127\.0\.0\.1:\d+: connection refused/);
  const page = await run(['--site', wiki.api, '--page', 'Kazakhstan', ...TODAY], { env: { WIKITEXT_LINT_CACHE: ownCache } });
  assert.equal(page.code, 2);
  assert.match(page.out + page.err, /127\.0\.0\.1:\d+: "Kazakhstan": connection refused/);
});
