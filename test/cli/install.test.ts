/**
 * Installable: `npm pack` (which runs the `prepare` build), then `npm install` of the tarball into an empty folder
 * (offline: the package has no runtime dependencies, its bundles are self-contained) and the `wikitext-lint` bin
 * run from there, on a real file, with its exit code. Skips when npm is not on the PATH.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

test('npm pack, install the tarball into an empty folder, run the bin', { timeout: 600_000 }, (t) => {
  if (npm(['--version'], ROOT).error) {
    t.skip('npm is not on the PATH');
    return;
  }
  const packDir = mkdtempSync(join(tmpdir(), 'wikitext-pack-'));
  const app = mkdtempSync(join(tmpdir(), 'wikitext-app-'));
  t.after(() => {
    rmSync(packDir, { recursive: true, force: true });
    rmSync(app, { recursive: true, force: true });
  });
  const pack = npm(['pack', '--json', '--pack-destination', packDir], ROOT);
  assert.equal(pack.status, 0, pack.stderr);
  const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0];
  const files = info.files.map((f: { path: string }) => f.path).sort();
  for (const f of ['dist/cli.js', 'dist/lintWorker.js', 'package.json', 'README.md', 'LICENSE']) assert.ok(files.includes(f), `${f} is in the tarball: ${files.join(', ')}`);
  assert.ok(!files.some((f: string) => f.startsWith('server/') || f.startsWith('test/') || f.startsWith('node_modules/')), files.join(', '));
  const tgz = readdirSync(packDir).find((f) => f.endsWith('.tgz'))!;

  writeFileSync(join(app, 'package.json'), '{"name": "app", "version": "1.0.0", "private": true}');
  const inst = npm(['install', '--offline', '--ignore-scripts', join(packDir, tgz)], app);
  assert.equal(inst.status, 0, inst.stdout + inst.stderr);
  const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'wikitext-lint', 'package.json'), 'utf8'));
  assert.equal(installed.dependencies, undefined, 'no runtime dependencies to fetch');

  writeFileSync(join(app, 'a.wiki'), 'A<ref name="a">one</ref> B<ref name="a">two</ref>\n{{reflist}}\n');
  const bin = join(app, 'node_modules', '.bin', 'wikitext-lint');
  const r = spawnSync(bin, ['--format', 'json', 'a.wiki'], { cwd: app, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(JSON.parse(r.stdout).files[0].diagnostics[0].rule, 'ref-duplicate-name');
  // the worker bundle is found beside the CLI in the installed package
  for (let i = 0; i < 8; i++) writeFileSync(join(app, `m${i}.wiki`), 'x\n'.repeat(300_000));
  const many = spawnSync(bin, ['--jobs', '2', '.'], { cwd: app, encoding: 'utf8' });
  assert.equal(many.status, 1, many.stderr);
  const npx = spawnSync('npx', ['--no-install', 'wikitext-lint', '--version'], { cwd: app, encoding: 'utf8' });
  assert.match(npx.stdout, /^\d+\.\d+\.\d+/);
});
