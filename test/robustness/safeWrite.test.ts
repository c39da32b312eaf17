/**
 * `--fix` loses nothing and writes nowhere it should not (issue 17), through the built CLI and the writer
 * itself on real files: another writer's change wins; mode, owner and hard links are kept; a read-only file
 * is never changed; temporary files of a killed run are cleaned up and never linted; a `**` glob does not
 * follow a link out of the tree; the summary counts only fixes that were written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, symlinkSync, chmodSync, statSync, linkSync, existsSync, chownSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readWikitext } from '../../server/src/cli/files';
import { writeFixedFile, WriteRefused } from '../../server/src/cli/safeWrite';

const CLI = resolve(__dirname, '../../dist/cli.js');
const FIXABLE = '<ref>{{cite web |url=https://example.org/a |title=A |deadurl=yes}}</ref>\n{{reflist}}\n';

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, '--today', '2026-11-28', '--jobs', '1', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}
function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'wikitext-lint-write-'));
}
const isRoot = process.getuid?.() === 0;

test('a file changed on disk after it was read is not overwritten: the other writer wins', () => {
  const dir = tmp();
  const file = join(dir, 'a.wiki');
  writeFileSync(file, FIXABLE);
  const read = readWikitext(file);
  writeFileSync(file, FIXABLE + 'an editor saved this\n'); // another writer, while we were linting
  assert.throws(() => writeFixedFile(file, read.source!, 'fixed text', 1 << 20), (e) => e instanceof WriteRefused && /changed on disk/.test(e.message));
  assert.equal(readFileSync(file, 'utf8'), FIXABLE + 'an editor saved this\n');
  // the same for a file replaced by another (an editor's save-by-rename): same bytes, another inode
  writeFileSync(join(dir, 'b.wiki'), FIXABLE);
  const readB = readWikitext(join(dir, 'b.wiki'));
  writeFileSync(join(dir, 'c.wiki'), FIXABLE);
  renameSync(join(dir, 'c.wiki'), join(dir, 'b.wiki'));
  assert.throws(() => writeFixedFile(join(dir, 'b.wiki'), readB.source!, 'fixed text', 1 << 20), WriteRefused);
  // unchanged: written
  const readB2 = readWikitext(join(dir, 'b.wiki'));
  writeFixedFile(join(dir, 'b.wiki'), readB2.source!, 'fixed text', 1 << 20);
  assert.equal(readFileSync(join(dir, 'b.wiki'), 'utf8'), 'fixed text');
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left');
});

test('--fix keeps the mode bits (not the umask) and, as root, the owner', () => {
  const dir = tmp();
  const file = join(dir, 'a.wiki');
  writeFileSync(file, FIXABLE);
  chmodSync(file, 0o664); // group-writable: a 022 umask would make it 644
  if (isRoot) chownSync(file, 1234, 2345);
  const r = spawnSync('sh', ['-c', `umask 077 && exec "${process.execPath}" "${CLI}" --today 2026-11-28 --jobs 1 --fix a.wiki`], { cwd: dir, encoding: 'utf8' });
  assert.notEqual(readFileSync(file, 'utf8'), FIXABLE, r.stdout + r.stderr);
  const st = statSync(file);
  assert.equal((st.mode & 0o7777).toString(8), '664');
  if (isRoot) assert.deepEqual([st.uid, st.gid], [1234, 2345]);
});

test('--fix writes a hard-linked file in place: every name sees the fix', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.wiki'), FIXABLE);
  linkSync(join(dir, 'a.wiki'), join(dir, 'other-name.txt'));
  const ino = statSync(join(dir, 'a.wiki')).ino;
  const r = run(['--fix', 'a.wiki'], dir);
  assert.notEqual(readFileSync(join(dir, 'a.wiki'), 'utf8'), FIXABLE, r.out);
  assert.equal(statSync(join(dir, 'a.wiki')).ino, ino);
  assert.equal(readFileSync(join(dir, 'other-name.txt'), 'utf8'), readFileSync(join(dir, 'a.wiki'), 'utf8'));
});

test('--fix never changes a read-only file, says so, and does not count its fixes as applied', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.wiki'), FIXABLE);
  chmodSync(join(dir, 'a.wiki'), 0o444);
  const r = run(['--fix', 'a.wiki'], dir);
  assert.equal(readFileSync(join(dir, 'a.wiki'), 'utf8'), FIXABLE);
  assert.equal(r.code, 2, r.out);
  assert.match(r.out, /read-only/);
  assert.doesNotMatch(r.out, /fix(es)? applied/);
});

test('temporary files of a killed --fix are removed by the next run and never linted or matched', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.wiki'), FIXABLE);
  // a pid that is no longer alive: a process that has exited
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  const leftover = join(dir, `.a.wiki.${dead}.1700000000000.tmp`);
  writeFileSync(leftover, FIXABLE);
  const alive = join(dir, `.a.wiki.${process.pid}.1700000000001.tmp`); // a running process's: kept
  writeFileSync(alive, FIXABLE);
  const listed = run(['--format', 'json', '.'], dir);
  assert.deepEqual(JSON.parse(listed.out).files.map((f: { path: string }) => f.path), ['a.wiki']);
  const globbed = run(['--format', 'json', '*'], dir);
  assert.deepEqual(JSON.parse(globbed.out).files.map((f: { path: string }) => f.path), ['a.wiki']);
  run(['--fix', 'a.wiki'], dir);
  assert.equal(existsSync(leftover), false, 'the dead run\'s temporary file was removed');
  assert.equal(existsSync(alive), true);
});

test('a ** glob does not follow a symbolic link out of the tree', () => {
  const root = tmp();
  mkdirSync(join(root, 'dir', 'sub'), { recursive: true });
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'dir', 'sub', 'in.wiki'), FIXABLE);
  writeFileSync(join(root, 'outside', 'out.wiki'), FIXABLE);
  symlinkSync(join(root, 'outside'), join(root, 'dir', 'link'));
  symlinkSync(join(root, 'outside', 'out.wiki'), join(root, 'dir', 'file-link.wiki'));
  run(['--fix', 'dir/**/*.wiki'], root);
  assert.notEqual(readFileSync(join(root, 'dir', 'sub', 'in.wiki'), 'utf8'), FIXABLE, 'the file inside is fixed');
  assert.equal(readFileSync(join(root, 'outside', 'out.wiki'), 'utf8'), FIXABLE, 'the file outside is untouched');
});
