/**
 * Installable from a git URL (issue 16): a bare clone of this repository's HEAD, then `npm install git+file://...`
 * into an empty folder, as a user's CI would install a pinned commit. The repository holds no `dist/`, so the
 * bin works only if npm ran the `prepare` build (with the dev dependencies, from the npm registry) while
 * installing. Slow (about a minute: npm installs the dev dependencies to build), so it runs when CI=true or
 * WIKITEXT_LINT_TEST_GIT_INSTALL=1, and skips with a message otherwise, when the registry is not reachable, or
 * when this checkout is not a git repository.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '../..');

function cleanEnv(): NodeJS.ProcessEnv {
  // an `npm test` run passes its own npm settings down; none of them may stop the install's scripts
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  delete env.npm_config_ignore_scripts;
  delete env.npm_config_offline;
  return env;
}
const run = (cmd: string, args: string[], cwd: string, timeout = 600_000) => spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: cleanEnv() });

test('npm install git+file:// of a bare clone of HEAD builds dist/ (prepare) and gives a working wikitext-lint', { timeout: 900_000 }, (t) => {
  if (process.env.CI !== 'true' && process.env.WIKITEXT_LINT_TEST_GIT_INSTALL !== '1') {
    t.skip('slow (npm installs the dev dependencies to build): runs with CI=true or WIKITEXT_LINT_TEST_GIT_INSTALL=1');
    return;
  }
  if (run('npm', ['--version'], ROOT).error || run('git', ['--version'], ROOT).error) {
    t.skip('npm or git is not on the PATH');
    return;
  }
  if (run('git', ['rev-parse', '--git-dir'], ROOT).status !== 0) {
    t.skip(`${ROOT} is not a git checkout: nothing to clone`);
    return;
  }
  const ping = run('npm', ['ping'], ROOT, 60_000);
  if (ping.status !== 0) {
    t.skip(`the npm registry is not reachable (npm ping: ${(ping.stderr || String(ping.error)).trim().split('\n').pop()}): the build needs the dev dependencies`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'wikitext-git-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const bare = join(dir, 'wikitext-lint.git');
  const clone = run('git', ['clone', '--quiet', '--bare', ROOT, bare], dir);
  assert.equal(clone.status, 0, clone.stderr);
  const head = run('git', ['rev-parse', 'HEAD'], ROOT).stdout.trim();
  assert.equal(run('git', ['rev-parse', 'HEAD'], bare).stdout.trim(), head, 'the bare clone is of this checkout\'s HEAD');
  assert.equal(run('git', ['ls-tree', '-r', '--name-only', 'HEAD', 'dist'], bare).stdout.trim(), '', 'the repository holds no built dist/: prepare must make it');

  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name": "app", "version": "1.0.0", "private": true}');
  // --prefer-offline: the dev dependencies come from npm's cache when it has them (the registry otherwise)
  const inst = run('npm', ['install', '--prefer-offline', `git+${pathToFileURL(bare).href}#${head}`], app);
  assert.equal(inst.status, 0, inst.stdout + inst.stderr);
  const pkg = join(app, 'node_modules', 'wikitext-lint');
  for (const f of ['dist/cli.js', 'dist/lintWorker.js', 'dist/server.js']) assert.ok(existsSync(join(pkg, f)), `${f} was built by prepare`);
  assert.ok(!existsSync(join(pkg, 'server')) && !existsSync(join(pkg, 'node_modules')), 'only the bundles are installed');
  assert.equal(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).dependencies['wikitext-lint'].startsWith('git+file:'), true);

  writeFileSync(join(app, 'a.wiki'), 'A<ref name="a">one</ref> B<ref name="a">two</ref>\n{{reflist}}\n');
  const r = spawnSync(join(app, 'node_modules', '.bin', 'wikitext-lint'), ['--format', 'json', 'a.wiki'], { cwd: app, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(JSON.parse(r.stdout).files[0].diagnostics[0].rule, 'ref-duplicate-name');
  const server = spawnSync(join(app, 'node_modules', '.bin', 'wikitext-language-server'), ['--version'], { cwd: app, encoding: 'utf8', timeout: 30_000 });
  assert.equal(server.status, 0, server.stderr);
  assert.match(server.stdout, /^\d+\.\d+\.\d+/);
});
