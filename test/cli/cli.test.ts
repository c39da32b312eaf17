/**
 * The CLI as a user runs it: the built `dist/cli.js` in a child process, on real files, checking exit
 * codes, output formats, `--fix` and the I/O error paths. (`npm test` builds before testing.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, mkdtempSync, writeFileSync, readFileSync, mkdirSync, symlinkSync, chmodSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SEED = resolve(__dirname, '../fixtures/corpus/Kazakhstan__Government_and_politics.wiki');
const TODAY = ['--today', '2026-11-28'];
// "add today's access-date" is a suggestion unless the link was checked alive or the user opts in: these --fix
// tests opt in, as a user who wants the dates added does (docs/rules/cite-missing-access-date.md)
const OPT_IN_FILE = join(mkdtempSync(join(tmpdir(), 'wikitext-lint-optin-')), 'opt-in.json');
writeFileSync(OPT_IN_FILE, JSON.stringify({ rules: { 'cite-missing-access-date': ['warning', { fixUnchecked: true }] } }));
const OPT_IN = ['--config', OPT_IN_FILE];

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
/** The texts inserted into `a` to make `b`, assuming `b` only adds text (each resumes with 60 unique characters of `a`). */
function insertions(a: string, b: string): string[] {
  const out: string[] = [];
  let i = 0, j = 0;
  while (i < a.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const k = b.indexOf(a.slice(i, i + 60), j);
    assert.ok(k > j, `text at ${i} was changed, not only added to`);
    out.push(b.slice(j, k));
    j = k;
  }
  if (j < b.length) out.push(b.slice(j));
  return out;
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'wikitext-lint-'));
}

test('the seed: 19 missing access-dates and 5 dead-but-archived citations, exit 0 (warnings only)', () => {
  const r = run([...TODAY, '--format', 'json', SEED]);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  const counts: Record<string, number> = {};
  for (const d of json.files[0].diagnostics) counts[d.rule] = (counts[d.rule] ?? 0) + 1;
  assert.deepEqual(counts, { 'cite-missing-access-date': 19, 'cite-dead-link-archived': 5 });
  // adding today's date is not a safe fix unless the user opts in (fixUnchecked) or the link was checked alive
  assert.deepEqual(json.summary, { errors: 0, warnings: 19, info: 5, fileErrors: 0, fixableErrors: 0, fixableWarnings: 0 });
  const optIn = JSON.parse(run([...TODAY, ...OPT_IN, '--format', 'json', SEED]).out);
  assert.equal(optIn.summary.fixableWarnings, 18, 'with the opt-in: the 18 live links (one is marked dead)');
  const text = readFileSync(SEED, 'utf8');
  for (const d of json.files[0].diagnostics) {
    const at = text.slice(d.range.start.offset, d.range.end.offset);
    if (d.rule === 'cite-missing-access-date') assert.match(at, /^url\s*=\s*\S+$/, 'range is the url parameter');
    else assert.match(at, /^url-status\s*=\s*(dead|deviated)$/);
    assert.equal(d.range.start.line, 1);
    assert.equal(d.range.start.column, d.range.start.offset + 1);
  }
});

test('stylish output: path:line:col severity message rule-id, and a summary', () => {
  const r = run([...TODAY, ...OPT_IN, '--no-color', SEED]);
  assert.equal(r.code, 0);
  const lines = r.out.trim().split('\n');
  assert.match(lines.find((l) => l.includes('cite-missing-access-date'))!, /^.*Kazakhstan__Government_and_politics\.wiki:1:\d+ {2}warning {2}Citation has \|url= but no \|access-date=.* {2}cite-missing-access-date {2}\(fixable\)$/);
  assert.equal(lines[lines.length - 2], '24 problems (0 errors, 19 warnings, 5 info)');
  assert.equal(lines[lines.length - 1], '  0 errors and 18 warnings potentially fixable with the `--fix` option.');
});

test('--fix (with the fixUnchecked opt-in) adds the 18 access-dates of live links and changes nothing else; without it nothing', () => {
  const dir = tmp();
  const file = join(dir, 'seed.wiki');
  copyFileSync(SEED, file);
  const before = readFileSync(file, 'utf8');
  const r = run([...TODAY, ...OPT_IN, '--fix', file]);
  assert.equal(r.code, 0, r.err);
  const after = readFileSync(file, 'utf8');
  const added = insertions(before, after);
  // the 19th citation without an access-date is marked dead: no "today" for it
  assert.equal(added.length, 18);
  // (an insertion after " " may be reported rotated: "access-date=... |" instead of " |access-date=...")
  for (const a of added) assert.match(a, /^( ?\|access-date=(28 November 2026|2026-11-28|November 28, 2026)|access-date=(28 November 2026|2026-11-28|November 28, 2026) ?\|)$/);
  assert.equal(after.length - before.length, added.join('').length, 'nothing but the insertions changed');
  const again = run([...TODAY, '--format', 'json', file]);
  const rules = JSON.parse(again.out).files[0].diagnostics.map((d: { rule: string }) => d.rule);
  assert.equal(rules.filter((r: string) => r === 'cite-missing-access-date').length, 1, 'the dead one is still reported');
  // by default adding today's date is only a suggestion: --fix leaves the file alone
  const plain = join(dir, 'plain.wiki');
  copyFileSync(SEED, plain);
  const r2 = run([...TODAY, '--fix', plain]);
  assert.equal(r2.code, 0, r2.err);
  assert.equal(readFileSync(plain, 'utf8'), before);
  rmSync(plain);
  assert.deepEqual(readdirSync(dir), ['seed.wiki'], 'no temporary file left behind');
});

test('--fix keeps CRLF line endings and the BOM', () => {
  const dir = tmp();
  const file = join(dir, 'crlf.wiki');
  const text = '\ufeff== Refs ==\r\n<ref>{{cite web |url=https://example.org/a |title=A}}</ref>\r\n{{reflist}}\r\n';
  writeFileSync(file, text);
  const r = run([...TODAY, ...OPT_IN, '--fix', file]);
  assert.equal(r.code, 0, r.err);
  const out = readFileSync(file, 'utf8');
  assert.ok(out.startsWith('\ufeff'));
  assert.equal(out, text.replace('/a |title=A}}', '/a |access-date=2026-11-28 |title=A}}'));
  assert.equal(out.split('\r\n').length, text.split('\r\n').length);
});

test('--fix-dry-run prints a diff and leaves the file alone', () => {
  const dir = tmp();
  const file = join(dir, 'a.wiki');
  const text = '<ref>{{cite web|url=https://example.org/x|title=X}}</ref>\n';
  writeFileSync(file, text);
  const r = run([...TODAY, ...OPT_IN, '--fix-dry-run', file]);
  assert.match(r.out, /^--- .*a\.wiki\n\+\+\+ .*a\.wiki\n@@ -1,1 \+1,1 @@\n-<ref>\{\{cite web\|url=https:\/\/example\.org\/x\|title=X\}\}<\/ref>\n\+<ref>\{\{cite web\|url=https:\/\/example\.org\/x\|access-date=2026-11-28\|title=X\}\}<\/ref>/m);
  assert.equal(readFileSync(file, 'utf8'), text);
});

test('exit 1 on errors; json, sarif and github formats', () => {
  const dir = tmp();
  const file = join(dir, 'dup.wiki');
  writeFileSync(file, 'A<ref name="a">one</ref> B<ref name="a">two</ref>\n{{reflist}}\n');
  const j = run([...TODAY, '--format', 'json', file]);
  assert.equal(j.code, 1);
  const d = JSON.parse(j.out).files[0].diagnostics[0];
  assert.equal(d.rule, 'ref-duplicate-name');
  assert.deepEqual(d.range.start, { line: 1, column: 37, offset: 36 });
  assert.equal(d.related[0].range.start.offset, 11);
  const s = run([...TODAY, '--format', 'sarif', file]);
  const sarif = JSON.parse(s.out);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results[0].ruleId, 'ref-duplicate-name');
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.region.startColumn, 37);
  const g = run([...TODAY, '--format', 'github', file]);
  assert.match(g.out, /^::error file=.*dup\.wiki,line=1,col=37,endLine=1,endColumn=40,title=ref-duplicate-name::Ref "a" is defined more than once/m);
});

test('--max-warnings, --quiet and --rule', () => {
  assert.equal(run([...TODAY, '--max-warnings', '18', SEED]).code, 1);
  assert.equal(run([...TODAY, '--max-warnings', '19', SEED]).code, 0);
  const q = run([...TODAY, '--quiet', '--format', 'json', SEED]);
  assert.equal(JSON.parse(q.out).files[0].diagnostics.length, 0);
  const e = run([...TODAY, '--rule', 'cite-missing-access-date:error', '--format', 'json', SEED]);
  assert.equal(e.code, 1);
  assert.equal(JSON.parse(e.out).summary.errors, 19);
  assert.equal(run([...TODAY, '--rule', 'no-such-rule:error', SEED]).code, 2);
});

test('configuration: .wikitext-lint.json is found upward; bad configuration exits 2 naming file and key', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'sub'));
  copyFileSync(SEED, join(dir, 'sub', 'seed.wiki'));
  writeFileSync(join(dir, '.wikitext-lint.json'), JSON.stringify({ rules: { 'cite-missing-access-date': 'off' } }));
  const r = run([...TODAY, '--format', 'json', join(dir, 'sub', 'seed.wiki')]);
  assert.equal(JSON.parse(r.out).summary.warnings, 0);
  writeFileSync(join(dir, '.wikitext-lint.json'), '{"rules": {"cite-missing-acess-date": "off"}}');
  const bad = run([...TODAY, join(dir, 'sub', 'seed.wiki')]);
  assert.equal(bad.code, 2);
  assert.match(bad.out + bad.err, /\.wikitext-lint\.json: unknown rule "cite-missing-acess-date"/);
  writeFileSync(join(dir, '.wikitext-lint.json'), '{"rules": {');
  const broken = run([...TODAY, join(dir, 'sub', 'seed.wiki')]);
  assert.equal(broken.code, 2);
  assert.match(broken.out + broken.err, /\.wikitext-lint\.json:1:12: invalid JSON/);
  writeFileSync(join(dir, '.wikitext-lint.json'), '{"rules": {"ref-empty": "fatal"}}');
  assert.match(run([...TODAY, join(dir, 'sub', 'seed.wiki')]).out, /rules\.ref-empty: severity must be one of/);
});

test('I/O errors: missing, binary, non-UTF-8 files are reported by path; the others are still linted; exit 2', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'bin.wiki'), Buffer.from([0x7b, 0x7b, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'latin1.wiki'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  writeFileSync(join(dir, 'empty.wiki'), '');
  copyFileSync(SEED, join(dir, 'seed.wiki'));
  const r = run([...TODAY, '--format', 'json', join(dir, 'missing.wiki'), dir]);
  assert.equal(r.code, 2);
  const json = JSON.parse(r.out);
  const byName = Object.fromEntries(json.files.map((f: { path: string }) => [f.path.split('/').pop(), f]));
  assert.match(byName['bin.wiki'].error, /binary/);
  assert.match(byName['latin1.wiki'].error, /not valid UTF-8 \(first bad byte at offset 3\)/);
  assert.match(byName['missing.wiki'].error, /no such file or directory/);
  assert.equal(byName['empty.wiki'].diagnostics.length, 0);
  assert.equal(byName['seed.wiki'].diagnostics.length, 24);
  assert.match(r.err, /missing\.wiki: no such file or directory/);
});

test('directories are walked recursively; symlink loops end; globs and standard input work', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  copyFileSync(SEED, join(dir, 'a', 'b', 'x.wikitext'));
  writeFileSync(join(dir, 'a', 'notes.txt'), 'not wikitext');
  symlinkSync(join(dir, 'a'), join(dir, 'a', 'b', 'loop'));
  const r = run([...TODAY, '--format', 'json', dir]);
  const paths = JSON.parse(r.out).files.map((f: { path: string }) => f.path);
  assert.deepEqual(paths, [join(dir, 'a', 'b', 'x.wikitext')]);
  const g = run([...TODAY, '--format', 'json', join(dir, '**', '*.wikitext')]);
  assert.equal(JSON.parse(g.out).files.length, 1);
  const s = run([...TODAY, '--format', 'json', '-'], '<ref></ref>');
  assert.equal(JSON.parse(s.out).files[0].diagnostics[0].rule, 'ref-empty');
  assert.equal(s.code, 1);
});

test('unreadable file (when not root) and usage errors exit 2 with a message', () => {
  const dir = tmp();
  const file = join(dir, 'locked.wiki');
  writeFileSync(file, 'x');
  chmodSync(file, 0o000);
  const r = run([file]);
  if (process.getuid?.() !== 0) {
    assert.equal(r.code, 2);
    assert.match(r.err + r.out, /permission denied/);
  }
  const u = run(['--format', 'xml', SEED]);
  assert.equal(u.code, 2);
  assert.match(u.err, /--format must be one of stylish, json, sarif, github/);
  assert.equal(run([]).code, 2);
  assert.equal(run(['--bogus']).code, 2);
  assert.ok(existsSync(CLI));
});

test('--print-tree: text and JSON trees; leaves have no children and tile the file', () => {
  const dir = tmp();
  const file = join(dir, 't.wiki');
  writeFileSync(file, '== A ==\n{{b|c=d}}');
  const t = run(['--print-tree', file]);
  assert.equal(t.code, 0);
  assert.match(t.out, /^Document \[0, 17\)\n {2}Heading \[0, 7\) level=2\n {4}Punct \[0, 2\) "=="/);
  const j = run(['--print-tree', '--format', 'json', file]);
  const tree = JSON.parse(j.out);
  assert.equal(tree.type, 'Document');
  const leaves: { start: number; end: number }[] = [];
  const walk = (n: { start: number; end: number; children?: unknown[] }) => (n.children ? (n.children as typeof n[]).forEach(walk) : leaves.push(n));
  walk(tree);
  assert.equal(leaves[0].start, 0);
  for (let i = 1; i < leaves.length; i++) assert.equal(leaves[i].start, leaves[i - 1].end);
  assert.equal(leaves[leaves.length - 1].end, 17);
});
