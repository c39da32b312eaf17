/**
 * The built CLI (`dist/cli.js`) under hostile file systems and configurations (what test/cli/cli.test.ts does
 * not cover): `--fix` never writes outside the given paths, leaves a file untouched when writing fails, and
 * leaves a file whose fixes conflict valid; malformed `.wikitext-lint.json` files fail with a clear error
 * naming the file and the key; configuration is data only (nothing in it runs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, symlinkSync, chmodSync, readdirSync, statSync, lstatSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, relative } from 'node:path';
import { parse, checkTree, printTree } from '../../server/src/core/parser/parse';
import { lint, fixAll } from '../../server/src/core/lint/lint';
import { TODAY } from './properties';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SEED = resolve(__dirname, '../fixtures/corpus/Kazakhstan__Government_and_politics.wiki');
const TODAY_ARGS = ['--today', '2026-11-28'];
// "add today's access-date" is a suggestion unless the link was checked alive or the user opts in: these --fix
// tests opt in, as a user who wants the dates added does (docs/rules/cite-missing-access-date.md)
const OPT_IN_FILE = join(mkdtempSync(join(tmpdir(), 'wikitext-lint-optin-')), 'opt-in.json');
writeFileSync(OPT_IN_FILE, JSON.stringify({ rules: { 'cite-missing-access-date': ['warning', { fixUnchecked: true }] } }));
const OPT_IN = ['--config', OPT_IN_FILE];
const FIXABLE = '<ref>{{cite web |url=https://example.org/a |title=A}}</ref>\n{{reflist}}\n';

function run(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd, input: opts.input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'wikitext-lint-robust-'));
}
/** Every entry under a folder (links not followed) with its content or link target and mtime. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = lstatSync(p);
      const key = relative(root, p);
      if (st.isSymbolicLink()) out.set(key, 'link');
      else if (st.isDirectory()) {
        out.set(key, 'dir');
        walk(p);
      } else out.set(key, `${st.mtimeMs}:${readFileSync(p, 'latin1')}`);
    }
  };
  walk(root);
  return out;
}
function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

test('--fix never writes outside the given paths: siblings, parents, non-wikitext files, other folders', () => {
  const root = tmp();
  mkdirSync(join(root, 'given', 'sub'), { recursive: true });
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'given', 'a.wiki'), FIXABLE);
  writeFileSync(join(root, 'given', 'sub', 'b.wikitext'), FIXABLE);
  writeFileSync(join(root, 'given', 'notes.txt'), FIXABLE); // not wikitext: not touched
  writeFileSync(join(root, 'sibling.wiki'), FIXABLE);
  writeFileSync(join(root, 'outside', 'target.wiki'), FIXABLE);
  writeFileSync(join(root, 'only.wiki'), FIXABLE);
  symlinkSync(join(root, 'given'), join(root, 'given', 'sub', 'loop')); // a loop back into the given folder
  const before = snapshot(root);
  const r = run([...TODAY_ARGS, ...OPT_IN, '--fix', join(root, 'given'), join(root, 'only.wiki')], { cwd: root });
  assert.equal(r.code, 0, r.err);
  const after = snapshot(root);
  assert.deepEqual(changed(before, after), ['given/a.wiki', 'given/sub/b.wikitext', 'only.wiki']);
  assert.match(readFileSync(join(root, 'only.wiki'), 'utf8'), /access-date=2026-11-28/);
  assert.ok(![...after.keys()].some((k) => k.endsWith('.tmp')), 'no temporary file left anywhere');
});

test('--fix on a folder never writes through a symlink to a file or folder outside it', () => {
  const root = tmp();
  mkdirSync(join(root, 'given'));
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'given', 'a.wiki'), FIXABLE);
  writeFileSync(join(root, 'outside', 'target.wiki'), FIXABLE);
  writeFileSync(join(root, 'outside', 'other.wiki'), FIXABLE);
  symlinkSync(join(root, 'outside', 'target.wiki'), join(root, 'given', 'link.wiki'));
  symlinkSync(join(root, 'outside'), join(root, 'given', 'linkdir'));
  const r = run([...TODAY_ARGS, ...OPT_IN, '--fix', join(root, 'given')]);
  assert.equal(r.code, 0, r.err);
  assert.equal(readFileSync(join(root, 'outside', 'other.wiki'), 'utf8'), FIXABLE, 'outside/other.wiki (reached through given/linkdir) is not written');
  assert.equal(readFileSync(join(root, 'outside', 'target.wiki'), 'utf8'), FIXABLE, 'outside/target.wiki is not written');
});

test('--fix through a glob and relative paths with .. writes only the matched files', () => {
  const root = tmp();
  mkdirSync(join(root, 'a'));
  mkdirSync(join(root, 'b'));
  writeFileSync(join(root, 'a', 'x.wiki'), FIXABLE);
  writeFileSync(join(root, 'a', 'y.wikitext'), FIXABLE);
  writeFileSync(join(root, 'b', 'x.wiki'), FIXABLE);
  const before = snapshot(root);
  const r = run([...TODAY_ARGS, ...OPT_IN, '--fix', 'a/*.wiki', 'b/../a/y.wikitext'], { cwd: root });
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(changed(before, snapshot(root)), ['a/x.wiki', 'a/y.wikitext']);
});

test('--fix leaves the file untouched (and no temporary file) when writing fails', () => {
  const root = tmp();
  // the temporary file beside the target gets a longer name than the file system allows (ENAMETOOLONG):
  // a write failure that happens even as root
  const long = join(root, 'x'.repeat(240) + '.wiki');
  writeFileSync(long, FIXABLE);
  const cases: string[] = [long];
  // a read-only directory stops writes only when not root
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    mkdirSync(join(root, 'ro'));
    writeFileSync(join(root, 'ro', 'a.wiki'), FIXABLE);
    chmodSync(join(root, 'ro'), 0o555);
    cases.push(join(root, 'ro', 'a.wiki'));
  } else console.log('# cli: running as root: the read-only directory case is skipped (chmod does not stop root); the too-long temporary name case still runs');
  const before = snapshot(root);
  const ok = join(root, 'ok.wiki');
  writeFileSync(ok, FIXABLE);
  const r = run([...TODAY_ARGS, ...OPT_IN, '--fix', ...cases, ok]);
  assert.equal(r.code, 2, 'a write failure is an I/O error (exit 2)');
  for (const c of cases) {
    assert.equal(readFileSync(c, 'utf8'), FIXABLE, `${c} untouched`);
    assert.ok((r.out + r.err).includes(c.slice(-30)), 'the failure names the file');
  }
  assert.match(readFileSync(ok, 'utf8'), /access-date=/, 'the other files are still fixed');
  const after = snapshot(root);
  assert.deepEqual(changed(before, after).filter((k) => k !== 'ok.wiki'), [], 'nothing else changed, no temporary file left');
  if (!isRoot) chmodSync(join(root, 'ro'), 0o755);
});

test('--fix keeps the file mode; a read-only file is still fixed atomically or reported, never truncated', () => {
  const root = tmp();
  const file = join(root, 'mode.wiki');
  writeFileSync(file, FIXABLE);
  chmodSync(file, 0o640);
  const r = run([...TODAY_ARGS, ...OPT_IN, '--fix', file]);
  assert.equal(r.code, 0, r.err);
  assert.equal(statSync(file).mode & 0o777, 0o640);
  const ro = join(root, 'ro.wiki');
  writeFileSync(ro, FIXABLE);
  chmodSync(ro, 0o444);
  const r2 = run([...TODAY_ARGS, ...OPT_IN, '--fix', ro]);
  const text = readFileSync(ro, 'utf8');
  assert.ok(text === FIXABLE || /access-date=2026-11-28/.test(text), `either untouched or fixed whole (exit ${r2.code})`);
  assert.ok(text.length >= FIXABLE.length);
});

/** Texts whose fixes overlap or touch each other. */
const CONFLICTING = [
  '<ref>{{cite web |url=https://example.org/a |accessdate=2020-01-01 |access-date=2020-01-02 |deadurl=yes |dead-url=no |title=A |title=B}}</ref>\n{{reflist}}\n',
  '<ref>{{cite web|url=https://example.org/a|deadurl=yes|archiveurl=https://web.archive.org/web/20200101000000/https://example.org/a|title=Archived copy|titel=X|accesdate=1 January 2020}}</ref><ref>{{cite web|url=https://example.org/a|deadurl=yes|archiveurl=https://web.archive.org/web/20200101000000/https://example.org/a|title=Archived copy|titel=X|accesdate=1 January 2020}}</ref>\r\n',
  '<ref name="a">{{cite news|url=example.org|title=T|url-status=Dead|url-status=live}}</ref><ref name="a">{{cite news|url=example.org|title=U}}</ref><ref name=1/><ref foo=bar></ref>{{reflist|refs=<ref name="b">{{cite web|url=https://x.org|title=X}}</ref>}}',
];

test('a file whose fixes conflict is still valid after --fix, and a second --fix changes nothing', () => {
  const root = tmp();
  CONFLICTING.forEach((t, i) => writeFileSync(join(root, `c${i}.wiki`), t));
  const r = run([...TODAY_ARGS, '--fix', '--format', 'json', root]);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  assert.doesNotMatch(r.err, /internal error/);
  for (let i = 0; i < CONFLICTING.length; i++) {
    const file = join(root, `c${i}.wiki`);
    const fixed = readFileSync(file, 'utf8');
    const doc = parse(fixed);
    assert.equal(checkTree(doc), null);
    assert.equal(printTree(doc), fixed);
    assert.deepEqual(lint(fixed, { today: TODAY }).ruleErrors, []);
    // the structure survives: as many templates and refs as before
    const count = (t: string, re: RegExp) => (t.match(re) ?? []).length;
    assert.equal(count(fixed, /\{\{/g), count(CONFLICTING[i], /\{\{/g), `c${i}: templates kept`);
    assert.equal(count(fixed, /\}\}/g), count(CONFLICTING[i], /\}\}/g), `c${i}: templates kept`);
    assert.equal(fixed, fixAll(CONFLICTING[i], { today: TODAY }).text, `c${i}: the file holds exactly what fixAll gives`);
    assert.equal(fixed.includes('\r\n'), CONFLICTING[i].includes('\r\n'), 'line endings kept');
    assert.equal(fixAll(fixed, { today: TODAY }).text, fixed, `c${i}: the CLI applied every safe fix (fixAll has nothing left)`);
  }
  const before = snapshot(root);
  const again = run([...TODAY_ARGS, '--fix', root]);
  assert.ok(again.code === 0 || again.code === 1, again.err);
  assert.deepEqual(changed(before, snapshot(root)), [], 'a second --fix writes nothing');
});

// ---------------------------------------------------------------------------------------------------------
// Configuration

/** [file content, the key the error must name (a substring of the message)]. */
const BAD_CONFIGS: [string, string][] = [
  ['', 'invalid JSON'],
  // comments and trailing commas are fine (JSONC, as VS Code's settings); these are not
  ['{"rules": {"ref-empty": "off"', 'invalid JSON'],
  ['{"rules" {}}', 'invalid JSON'],
  ['/* unclosed comment\n{}', 'invalid JSON'],
  ['\ufeff{"rules": {}}', ''], // a BOM: either accepted, or an error naming the file
  ['[]', 'must be a JSON object'],
  ['null', 'must be a JSON object'],
  ['"rules"', 'must be a JSON object'],
  ['{"rule": {}}', '"rule"'],
  ['{"rules": []}', '"rules"'],
  ['{"rules": "ref-empty"}', '"rules"'],
  ['{"rules": {"no-such-rule": "error"}}', '"no-such-rule"'],
  ['{"rules": {"__proto__": "off"}}', '__proto__'],
  ['{"rules": {"constructor": "off"}}', 'constructor'],
  ['{"rules": {"ref-empty": "fatal"}}', 'rules.ref-empty'],
  ['{"rules": {"ref-empty": "Error"}}', 'rules.ref-empty'],
  ['{"rules": {"ref-empty": 2}}', 'rules.ref-empty'],
  ['{"rules": {"ref-empty": true}}', 'rules.ref-empty'],
  ['{"rules": {"ref-empty": null}}', 'rules.ref-empty'],
  ['{"rules": {"ref-empty": []}}', 'rules.ref-empty'],
  ['{"rules": {"ref-empty": ["error", 5]}}', 'rules.ref-empty'],
  ['{"rules": {"ref-empty": ["error", "x"]}}', 'rules.ref-empty'],
  ['{"rules": {"ref-empty": ["error", []]}}', 'rules.ref-empty'],
  ['{"rules": {"ref-empty": ["error", {}, 3]}}', 'rules.ref-empty'],
  ['{"rules": {"ref-empty": [{"severity": "error"}]}}', 'rules.ref-empty'],
  ['{"dateFormat": "ymd"}', 'dateFormat'],
  ['{"dateFormat": 1}', 'dateFormat'],
  ['{"dateFormat": null}', 'dateFormat'],
];

test('malformed .wikitext-lint.json (found by lookup or given with --config): exit 2, naming the file and the key', () => {
  const root = tmp();
  const file = join(root, 'a.wiki');
  copyFileSync(SEED, file);
  for (const [content, key] of BAD_CONFIGS) {
    writeFileSync(join(root, '.wikitext-lint.json'), content);
    for (const args of [[file], ['--config', join(root, '.wikitext-lint.json'), file]]) {
      const r = run([...TODAY_ARGS, ...args]);
      const all = r.out + r.err;
      if (content.startsWith('\ufeff') && r.code !== 2) continue; // accepting a BOM is fine
      assert.equal(r.code, 2, `${JSON.stringify(content)} ${args[0]}: exit 2 (got ${r.code})\n${all}`);
      assert.ok(all.includes('.wikitext-lint.json'), `${JSON.stringify(content)}: the message names the file\n${all}`);
      assert.ok(all.includes(key), `${JSON.stringify(content)}: the message names ${key}\n${all}`);
      assert.doesNotMatch(all, /internal error|    at /, 'a clear message, not a stack trace');
    }
  }
});

test('the same bad configuration through --fix: exit 2, and the file is not written', () => {
  const root = tmp();
  const file = join(root, 'a.wiki');
  writeFileSync(file, FIXABLE);
  writeFileSync(join(root, '.wikitext-lint.json'), '{"rules": {"ref-empty": "fatal"}}');
  const r = run([...TODAY_ARGS, '--fix', file]);
  assert.equal(r.code, 2);
  assert.equal(readFileSync(file, 'utf8'), FIXABLE);
});

test('a configuration containing JavaScript-looking strings is just data: nothing executes', () => {
  const root = tmp();
  const marker = join(root, 'PWNED');
  const js = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
  // Option keys a rule does not declare are configuration errors (exit 2, naming the key): nothing runs either.
  const hostile = {
    $schema: `javascript:${js}`,
    dateFormat: 'iso',
    rules: {
      'ref-empty': ['error', { toString: js, valueOf: `(() => { ${js} })()`, constructor: { prototype: { polluted: true } }, __proto__: { polluted: true }, x: '${' + js + '}' }],
      'cite-missing-access-date': ['warning', { template: `\`\${${js}}\``, eval: js, Function: js }],
    },
  };
  writeFileSync(join(root, '.wikitext-lint.json'), JSON.stringify(hostile).replace('"x"', '"__proto__":{"polluted":true},"x"'));
  const file = join(root, 'a.wiki');
  writeFileSync(file, '<ref></ref>' + FIXABLE);
  for (const args of [[file], ['--fix', file], ['--config', join(root, '.wikitext-lint.json'), '--format', 'json', file]]) {
    const r = run([...TODAY_ARGS, ...args]);
    assert.equal(r.code, 2, `undeclared option keys are rejected (exit ${r.code}): ${r.err}`);
    assert.match(r.err + r.out, /rules\.ref-empty: unknown option "(toString|valueOf|constructor|__proto__|x)"/);
    assert.doesNotMatch(r.err, /internal error/);
  }
  assert.ok(!existsSync(marker), 'nothing in the configuration ran');
  // JavaScript-looking strings where the schema takes strings: accepted, and still just data
  const config = {
    $schema: `javascript:${js}`,
    dateFormat: 'iso',
    rules: {
      'ref-empty': 'error',
      'cite-missing-access-date': ['warning', { templates: [`\`\${${js}}\``, js, `(() => { ${js} })()`, 'cite web'] }],
    },
  };
  writeFileSync(join(root, '.wikitext-lint.json'), JSON.stringify(config));
  for (const args of [[file], ['--fix', file], ['--config', join(root, '.wikitext-lint.json'), '--format', 'json', file]]) {
    const r = run([...TODAY_ARGS, ...args]);
    assert.ok(r.code === 0 || r.code === 1, `a valid configuration is accepted (exit ${r.code}): ${r.err}`);
    assert.doesNotMatch(r.err, /internal error/);
  }
  assert.ok(!existsSync(marker), 'nothing in the configuration ran');
  writeFileSync(file, '<ref></ref>' + FIXABLE);
  const j = run([...TODAY_ARGS, '--format', 'json', file]);
  assert.ok(JSON.parse(j.out).files[0].diagnostics.some((d: { rule: string }) => d.rule === 'ref-empty'), 'the configuration took effect as data');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('a .wikitext-lint.json that is a directory, a dangling symlink, or unreadable: a clear error naming it', () => {
  const root = tmp();
  const file = join(root, 'sub', 'a.wiki');
  mkdirSync(join(root, 'sub'));
  writeFileSync(file, FIXABLE);
  mkdirSync(join(root, 'sub', '.wikitext-lint.json'));
  const r = run([...TODAY_ARGS, file]);
  assert.equal(r.code, 2, r.out + r.err);
  assert.match(r.out + r.err, /\.wikitext-lint\.json/);
  assert.doesNotMatch(r.out + r.err, /    at /);
  const r2 = run([...TODAY_ARGS, '--config', join(root, 'nope.json'), file]);
  assert.equal(r2.code, 2);
  assert.match(r2.err, /nope\.json: cannot read configuration: no such file or directory/);
});
