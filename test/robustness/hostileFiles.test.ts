/**
 * Hostile workspaces through the built CLI (`dist/cli.js`): a `.wikitext-lint.json` (or an input file) that is
 * a link to `/dev/zero`, a FIFO or a link to `/dev/stdin` is refused with a clear message instead of hanging
 * or reading until memory runs out; a NUL byte anywhere marks a file binary; the configuration lookup stops
 * at the repository root and stays linear in the length of the path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findConfigFor, clearConfigCache } from '../../server/src/cli/files';

const CLI = resolve(__dirname, '../../dist/cli.js');
const FIXABLE = '<ref>{{cite web |url=https://example.org/a |title=A}}</ref>\n{{reflist}}\n';

function run(args: string[], cwd: string) {
  // a hang fails the test (timeout) instead of blocking the suite
  const r = spawnSync(process.execPath, [CLI, '--today', '2026-11-28', '--jobs', '1', ...args], { cwd, encoding: 'utf8', timeout: 20_000, input: '' });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}
function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'wikitext-lint-files-'));
}

const SPECIALS: [string, (p: string) => void][] = [
  ['a link to /dev/zero', (p) => symlinkSync('/dev/zero', p)],
  ['a FIFO', (p) => execFileSync('mkfifo', [p])],
  ['a link to /dev/stdin', (p) => symlinkSync('/dev/stdin', p)],
];

for (const [what, make] of SPECIALS) {
  test(`a .wikitext-lint.json that is ${what} is refused with a message, no hang`, { timeout: 30_000 }, () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.wiki'), FIXABLE);
    make(join(dir, '.wikitext-lint.json'));
    const r = run(['a.wiki'], dir);
    assert.equal(r.signal, null, `the CLI hung (${r.signal})`);
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.out + r.err, /\.wikitext-lint\.json: cannot read configuration: not a regular file/);
  });

  test(`an input file that is ${what} is refused with a message, no hang`, { timeout: 30_000 }, () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ok.wiki'), FIXABLE);
    make(join(dir, 'bad.wiki'));
    const r = run(['bad.wiki', 'ok.wiki'], dir);
    assert.equal(r.signal, null, `the CLI hung (${r.signal})`);
    assert.equal(r.code, 2, r.out + r.err);
    assert.match(r.out + r.err, /bad\.wiki[\s\S]*not a regular file/);
    assert.match(r.out + r.err, /ok\.wiki/, 'the other file is still linted');
  });
}

test('a configuration file over the size cap is refused', { timeout: 30_000 }, () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.wiki'), FIXABLE);
  writeFileSync(join(dir, '.wikitext-lint.json'), '{"rules": {}}' + ' '.repeat(5 * 1024 * 1024));
  const r = run(['a.wiki'], dir);
  assert.equal(r.code, 2);
  assert.match(r.out + r.err, /too large/);
});

test('a NUL byte after the first 8 KB makes the file binary, as one before it does', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'early.wiki'), 'a\u0000' + 'x'.repeat(20_000));
  writeFileSync(join(dir, 'late.wiki'), 'x'.repeat(20_000) + '\u0000b');
  const r = run(['early.wiki', 'late.wiki'], dir);
  assert.equal(r.code, 2);
  assert.match(r.out + r.err, /early\.wiki[\s\S]*binary file/);
  assert.match(r.out + r.err, /late\.wiki[\s\S]*binary file/);
});

test('the configuration lookup stops at the repository root: a file above it is not applied', () => {
  const outer = tmp();
  writeFileSync(join(outer, '.wikitext-lint.json'), JSON.stringify({ rules: { 'cite-missing-access-date': 'off' } }));
  const repo = join(outer, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'articles'));
  writeFileSync(join(repo, 'articles', 'a.wiki'), FIXABLE);
  const r = run(['--format', 'json', 'articles/a.wiki'], repo);
  const json = JSON.parse(r.out);
  assert.ok(json.files[0].diagnostics.some((d: { rule: string }) => d.rule === 'cite-missing-access-date'), 'the configuration above the repository was applied');
  // inside the repository it applies, and --config names any other file
  writeFileSync(join(repo, '.wikitext-lint.json'), JSON.stringify({ rules: { 'cite-missing-access-date': 'off' } }));
  assert.ok(!JSON.parse(run(['--format', 'json', 'articles/a.wiki'], repo).out).files[0].diagnostics.some((d: { rule: string }) => d.rule === 'cite-missing-access-date'));
  // a workspace folder given as root stops the search too (the server passes its folder)
  clearConfigCache();
  assert.equal(findConfigFor(join(repo, 'articles', 'a.wiki'), join(repo, 'articles')).path, null);
  assert.equal(findConfigFor(join(repo, 'articles', 'a.wiki'), repo).path, join(repo, '.wikitext-lint.json'));
  assert.ok(existsSync(join(outer, '.wikitext-lint.json')));
});

test('the configuration lookup is linear in the length of the path (a long file:// URI)', () => {
  const root = tmp();
  const time = (n: number) => {
    clearConfigCache();
    const file = join(root, ...Array.from({ length: n / 2 }, () => 'a'), 'f.wiki');
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) findConfigFor(file + i);
    return performance.now() - t0;
  };
  time(1000);
  const small = Math.max(time(8_000), 1), large = time(64_000);
  assert.ok(large < small * 30 + 100, `8 KB path: ${small.toFixed(1)} ms, 64 KB path: ${large.toFixed(1)} ms`);
});
