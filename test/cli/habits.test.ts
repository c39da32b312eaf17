/**
 * The CLI habits users of ESLint and markdownlint-cli2 expect (issue 16): each option and each rough edge, run
 * through the built `dist/cli.js` in a child process on real files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { optionsMarkdown } from '../../server/src/cli/options';
import { chooseJobs } from '../../server/src/cli/main';

const CLI = resolve(__dirname, '../../dist/cli.js');
const ROOT = resolve(__dirname, '../..');
const TODAY = ['--today', '2026-11-28'];
const MISSING = '<ref>{{cite web|url=https://example.org/x|title=X}}</ref>\n';
// the access-date fix is safe only with the user's opt-in (fixUnchecked): these tests opt in to have two kinds of fixes
const OPT_IN_FILE = join(mkdtempSync(join(tmpdir(), 'wikitext-lint-optin-')), 'opt-in.json');
writeFileSync(OPT_IN_FILE, JSON.stringify({ rules: { 'cite-missing-access-date': ['warning', { fixUnchecked: true }] } }));
const OPT_IN = ['--config', OPT_IN_FILE];
const DEPRECATED = '<ref>{{cite web|url=https://example.org/y|title=Y|access-date=2026-01-01|archive-url=https://web.archive.org/web/20200101000000/https://example.org/y|archive-date=2020-01-01|deadurl=no}}</ref>\n';
const DUP = 'A<ref name="a">one</ref> B<ref name="a">two</ref>\n{{reflist}}\n';

function run(args: string[], opts: { input?: string; cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const env = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...opts.env } as unknown as Record<string, string>;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { input: opts.input, cwd: opts.cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'wikitext-lint-habits-'));

test('conflicting modes are a usage error naming both', () => {
  for (const [a, b] of [['--print-tree', '--fix'], ['--fix-dry-run', '--fix'], ['--fix', '--list-rules']]) {
    const r = run([a, b, 'x.wiki']);
    assert.equal(r.code, 2);
    assert.match(r.err, new RegExp(`${a} and ${b} cannot be used together`));
  }
  assert.match(run(['--fix-rule', 'ref-empty', 'x.wiki']).err, /--fix-rule needs --fix or --fix-dry-run/);
  assert.match(run(['--frmat', 'json', 'x.wiki']).err, /unknown option --frmat \(did you mean --format\?\)/);
});

test('--today must be a calendar date', () => {
  for (const d of ['2026-02-30', '2026-13-45', '2026-00-10', '26-1-1']) {
    const r = run(['--today', d, 'x.wiki']);
    assert.equal(r.code, 2, d);
    assert.match(r.err, /--today/);
  }
  const dir = tmp();
  writeFileSync(join(dir, 'a.wiki'), MISSING);
  assert.equal(run(['--today', '2024-02-29', join(dir, 'a.wiki')]).code, 0);
});

test('--rule: warn is warning, an unknown id suggests the close one', () => {
  const dir = tmp();
  const f = join(dir, 'a.wiki');
  writeFileSync(f, DUP);
  const r = run([...TODAY, '--format', 'json', '--rule', 'ref-duplicate-name:warn', f]);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).files[0].diagnostics[0].severity, 'warning');
  const bad = run(['--rule', 'ref-duplicat-name:off', f]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown rule "ref-duplicat-name" \(did you mean "ref-duplicate-name"\?\)/);
});

test('a closed pipe ends the run quietly (no EPIPE trace)', () => {
  const dir = tmp();
  const f = join(dir, 'many.wiki');
  writeFileSync(f, '<ref></ref>\n'.repeat(20000));
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" --no-color "${f}" | head -n 3; echo "rc=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
  assert.equal(r.stdout.split('\n').length, 4);
  assert.doesNotMatch(r.stderr, /EPIPE|Error|at /);
  assert.match(r.stderr, /rc=\d+/);
});

test('SARIF artifact URIs are URIs: relative ones percent-encoded, absolute ones file://', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a b%,c.wiki'), DUP);
  const rel = run([...TODAY, '--format', 'sarif', 'a b%,c.wiki'], { cwd: dir });
  const uri = JSON.parse(rel.out).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
  assert.equal(uri, 'a%20b%25%2Cc.wiki');
  const abs = run([...TODAY, '--format', 'sarif', join(dir, 'a b%,c.wiki')]);
  const auri = JSON.parse(abs.out).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
  assert.ok(auri.startsWith('file:///'), auri);
  assert.equal(new URL(auri).pathname.endsWith('/a%20b%25,c.wiki') || new URL(auri).pathname.endsWith('/a%20b%25%2Cc.wiki'), true, auri);
  assert.match(JSON.parse(abs.out).runs[0].results[0].partialFingerprints['wikitextLint/v1'], /^[0-9a-f]{20}$/);
});

test('directory walks include .mw files; --print-tree --format json on two files is one JSON document', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.mw'), DUP);
  writeFileSync(join(dir, 'b.wiki'), 'x\n');
  const r = run([...TODAY, '--format', 'json', dir]);
  assert.deepEqual(JSON.parse(r.out).files.map((f: { path: string }) => f.path.slice(dir.length + 1)), ['a.mw', 'b.wiki']);
  const t = run(['--print-tree', '--format', 'json', join(dir, 'a.mw'), join(dir, 'b.wiki')]);
  assert.equal(t.code, 0);
  const doc = JSON.parse(t.out);
  assert.equal(doc.files.length, 2);
  assert.equal(doc.files[1].tree.type, 'Document');
});

test('UTF-16 files with a BOM (LE and BE) are linted, and --fix keeps their encoding', () => {
  const dir = tmp();
  const le = join(dir, 'le.wiki'), be = join(dir, 'be.wiki');
  writeFileSync(le, Buffer.from('\ufeff' + DUP + DEPRECATED, 'utf16le'));
  writeFileSync(be, Buffer.from('\ufeff' + DUP + DEPRECATED, 'utf16le').swap16());
  const r = run([...TODAY, '--format', 'json', le, be]);
  const json = JSON.parse(r.out);
  for (const f of json.files) assert.ok(f.diagnostics.some((d: { rule: string }) => d.rule === 'ref-duplicate-name'), JSON.stringify(f));
  const fx = run([...TODAY, '--fix', '--fix-rule', 'cite-deprecated-dead-url', le, be]);
  assert.ok(fx.code === 1, fx.err);
  const leBytes = readFileSync(le), beBytes = readFileSync(be);
  assert.deepEqual([...leBytes.subarray(0, 2)], [0xff, 0xfe]);
  assert.deepEqual([...beBytes.subarray(0, 2)], [0xfe, 0xff]);
  assert.match(leBytes.toString('utf16le'), /url-status=live/);
  assert.match(Buffer.from(beBytes).swap16().toString('utf16le'), /url-status=live/);
});

test('configuration is JSONC; a syntax error names line and column', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.wiki'), DUP);
  writeFileSync(join(dir, '.wikitext-lint.json'), '{\n  // duplicate names are fine here\n  "rules": {\n    "ref-duplicate-name": "off",\n  },\n}\n');
  assert.equal(run([...TODAY, join(dir, 'a.wiki')]).code, 0);
  writeFileSync(join(dir, '.wikitext-lint.json'), '{"rules": {"ref-duplicate-name": "warn"}}');
  assert.equal(JSON.parse(run([...TODAY, '--format', 'json', join(dir, 'a.wiki')]).out).files[0].diagnostics[0].severity, 'warning');
  writeFileSync(join(dir, '.wikitext-lint.json'), '{\n  "rules": {\n    "ref-duplicate-name" "off"\n  }\n}\n');
  const r = run([...TODAY, join(dir, 'a.wiki')]);
  assert.equal(r.code, 2);
  assert.match(r.out + r.err, /\.wikitext-lint\.json:3:26: invalid JSON: colon expected/);
});

test('ignore files: .wikitext-lintignore, --ignore-pattern, .gitignore in walks, --no-ignore', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'drafts'));
  mkdirSync(join(dir, 'build'));
  for (const f of ['a.wiki', 'drafts/b.wiki', 'build/c.wiki', 'd.wiki']) writeFileSync(join(dir, f), DUP);
  writeFileSync(join(dir, '.wikitext-lintignore'), '# drafts are not linted\ndrafts/\n');
  writeFileSync(join(dir, '.gitignore'), 'build/\n');
  const names = (r: { out: string }) => JSON.parse(r.out).files.map((f: { path: string }) => f.path.replace(/\\/g, '/')).sort();
  assert.deepEqual(names(run([...TODAY, '--format', 'json', '.'], { cwd: dir })), ['a.wiki', 'd.wiki']);
  assert.deepEqual(names(run([...TODAY, '--format', 'json', '--ignore-pattern', 'd.*', '.'], { cwd: dir })), ['a.wiki']);
  assert.deepEqual(names(run([...TODAY, '--format', 'json', '--no-ignore', '.'], { cwd: dir })), ['a.wiki', 'build/c.wiki', 'd.wiki', 'drafts/b.wiki']);
  assert.deepEqual(names(run([...TODAY, '--format', 'json', '**/*.wiki'], { cwd: dir })), ['a.wiki', 'd.wiki']);
  // a file named on the command line that the ignore file lists: skipped with a warning
  const named = run([...TODAY, '--format', 'json', 'drafts/b.wiki', 'a.wiki'], { cwd: dir });
  assert.deepEqual(names(named), ['a.wiki']);
  assert.match(named.err, /drafts\/b\.wiki: ignored/);
});

test('baseline: recorded findings are not reported again, even when the text moves; new ones are', () => {
  const dir = tmp();
  const f = join(dir, 'a.wiki');
  writeFileSync(f, DUP);
  const base = join(dir, 'baseline.json');
  const w = run([...TODAY, '--baseline', base, '--update-baseline', f]);
  assert.equal(w.code, 0, w.err);
  assert.match(w.err, /wrote 1 findings/);
  assert.ok(existsSync(base));
  writeFileSync(f, 'A new paragraph on top.\n\n' + DUP);
  const again = run([...TODAY, '--baseline', base, f]);
  assert.equal(again.code, 0, again.out + again.err);
  writeFileSync(f, 'A new paragraph.\n\n' + DUP + 'C<ref name="b">x</ref> D<ref name="b">y</ref>\n');
  const more = run([...TODAY, '--format', 'json', '--baseline', base, f]);
  assert.equal(more.code, 1);
  const d = JSON.parse(more.out).files[0].diagnostics;
  assert.equal(d.length, 1);
  assert.match(d[0].message, /"b"/);
  assert.equal(run(['--baseline', join(dir, 'missing.json'), f]).code, 2);
});

test('--cache: an unchanged file is not linted again; a changed file or configuration is', () => {
  const dir = tmp();
  const f = join(dir, 'a.wiki');
  const cacheFile = join(dir, 'cache.json');
  writeFileSync(f, DUP);
  const first = run([...TODAY, '--format', 'json', '--cache', '--cache-location', cacheFile, f]);
  assert.equal(first.code, 1);
  // prove the second run reads the cache: doctor the cached message
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
  const entry = Object.values(cache.files)[0] as { result: { diagnostics: { message: string }[] } };
  entry.result.diagnostics[0].message = 'FROM THE CACHE';
  writeFileSync(cacheFile, JSON.stringify(cache));
  const second = run([...TODAY, '--format', 'json', '--cache', '--cache-location', cacheFile, f]);
  assert.equal(JSON.parse(second.out).files[0].diagnostics[0].message, 'FROM THE CACHE');
  const otherDay = run(['--today', '2026-11-29', '--format', 'json', '--cache', '--cache-location', cacheFile, f]);
  assert.notEqual(JSON.parse(otherDay.out).files[0].diagnostics[0].message, 'FROM THE CACHE');
  writeFileSync(f, DUP + '\n');
  const changed = run([...TODAY, '--format', 'json', '--cache', '--cache-location', cacheFile, f]);
  assert.notEqual(JSON.parse(changed.out).files[0].diagnostics[0].message, 'FROM THE CACHE');
});

test('--output-file, --stdin-filename (report name and configuration lookup), --init, --print-config', () => {
  const dir = tmp();
  const out = join(dir, 'reports', 'lint.json');
  writeFileSync(join(dir, 'a.wiki'), DUP);
  const r = run([...TODAY, '--format', 'json', '-o', out, join(dir, 'a.wiki')]);
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).summary.errors, 1);

  const init = run(['--init'], { cwd: dir });
  assert.equal(init.code, 0, init.err);
  assert.match(readFileSync(join(dir, '.wikitext-lint.json'), 'utf8'), /"rules"/);
  assert.equal(run(['--init'], { cwd: dir }).code, 2, 'never overwrites');
  writeFileSync(join(dir, '.wikitext-lint.json'), '{"rules": {"ref-duplicate-name": "off"}}');

  const stdin = run([...TODAY, '--format', 'json', '--stdin-filename', join(dir, 'Article.wiki'), '-'], { input: DUP });
  assert.equal(stdin.code, 0, stdin.err);
  assert.equal(JSON.parse(stdin.out).files[0].path, join(dir, 'Article.wiki'));
  const plain = run([...TODAY, '--format', 'json', '-'], { input: DUP, cwd: tmpdir() });
  assert.equal(JSON.parse(plain.out).files[0].path, '-');

  const pc = run(['--print-config', join(dir, 'a.wiki'), '--rule', 'ref-empty:warn']);
  assert.equal(pc.code, 0, pc.err);
  const cfg = JSON.parse(pc.out);
  assert.equal(cfg.configFile, join(dir, '.wikitext-lint.json'));
  assert.equal(cfg.rules['ref-duplicate-name'], 'off');
  assert.equal(cfg.rules['ref-empty'], 'warning');
  assert.equal(cfg.rules['ref-nested'], 'error');
});

test('--list-rules --format json: every rule with its metadata', () => {
  const r = run(['--list-rules', '--format', 'json']);
  assert.equal(r.code, 0);
  const list = JSON.parse(r.out);
  const text = run(['--list-rules']).out.trim().split('\n');
  assert.equal(list.length, text.length);
  for (const x of list) {
    assert.match(x.id, /^[a-z0-9-]+$/);
    assert.ok(['off', 'hint', 'info', 'warning', 'error'].includes(x.defaultSeverity));
    assert.ok(x.description.length > 10);
    assert.ok(x.category);
  }
});

test('colour: --color, FORCE_COLOR and NO_COLOR', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.wiki'), DUP);
  const f = join(dir, 'a.wiki');
  const esc = /\x1b\[/;
  assert.doesNotMatch(run([...TODAY, f]).out, esc, 'a pipe is plain');
  assert.match(run([...TODAY, '--color', f]).out, esc);
  assert.match(run([...TODAY, f], { env: { FORCE_COLOR: '1' } }).out, esc);
  assert.doesNotMatch(run([...TODAY, f], { env: { FORCE_COLOR: '0' } }).out, esc);
  assert.doesNotMatch(run([...TODAY, '--no-color', f], { env: { FORCE_COLOR: '1' } }).out, esc);
});

test('--fix-dry-run: a diff that patch applies, "would apply", and with --format json the diff is in the JSON', () => {
  const dir = tmp();
  const f = 'a.wiki';
  const lines = [MISSING.trim(), ...Array.from({ length: 12 }, (_, i) => `Line ${i}.`), DEPRECATED.trim(), 'Last line without a newline'];
  const text = lines.join('\n');
  writeFileSync(join(dir, f), text);
  const r = run([...TODAY, ...OPT_IN, '--no-color', '--fix-dry-run', f], { cwd: dir });
  assert.equal(readFileSync(join(dir, f), 'utf8'), text, 'nothing written');
  assert.match(r.out, /would apply 2 fixes/);
  // the diff ends where the report starts (the file's findings, or the "would apply" line when none remain)
  const ends = [r.out.indexOf('\n' + f + '\n') + 1, r.out.indexOf('would apply')].filter((i) => i > 0);
  const diff = r.out.slice(0, ends.length ? Math.min(...ends) : undefined);
  assert.equal((diff.match(/^@@ /gm) ?? []).length, 2, 'one hunk per change, three lines of context');
  assert.match(diff, /^@@ -1,4 \+1,4 @@$/m);
  const fixed = run([...TODAY, ...OPT_IN, '--fix', '--stdin-filename', f, '-'], { input: text, cwd: dir }).out;
  writeFileSync(join(dir, 'p.diff'), diff);
  const p = spawnSync('patch', ['-p0', '-i', 'p.diff'], { cwd: dir, encoding: 'utf8' });
  if (p.error) return; // no patch(1) here
  assert.equal(p.status, 0, p.stdout + p.stderr);
  assert.equal(readFileSync(join(dir, f), 'utf8'), fixed);
  writeFileSync(join(dir, f), text);
  const j = run([...TODAY, ...OPT_IN, '--fix-dry-run', '--format', 'json', f], { cwd: dir });
  const json = JSON.parse(j.out);
  assert.equal(json.files[0].diff, diff);
  assert.equal(json.files[0].fixed, 2);
});

test('--fix-rule and --fix-type apply only the chosen fixes', () => {
  const dir = tmp();
  const f = join(dir, 'a.wiki');
  writeFileSync(f, MISSING + DEPRECATED);
  run([...TODAY, ...OPT_IN, '--fix', '--fix-rule', 'cite-deprecated-dead-url', f]);
  const after = readFileSync(f, 'utf8');
  assert.match(after, /url-status=live/);
  assert.doesNotMatch(after, /x\|access-date=|access-date=2026-11-28/);
  writeFileSync(f, MISSING + DEPRECATED);
  run([...TODAY, '--fix', '--fix-type', 'ref', f]);
  assert.equal(readFileSync(f, 'utf8'), MISSING + DEPRECATED, 'no ref-category fixes apply here');
  assert.match(run([...TODAY, '--fix', '--fix-type', 'bogus', f]).err, /unknown category "bogus"/);
  assert.match(run([...TODAY, '--fix', '--fix-rule', 'ref-emptyy', f]).err, /did you mean "ref-empty"/);
});

test('the README options table is generated from the option definitions (npm run docs:cli)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- cli-options:start[^>]*-->\n([^]*?)\n<!-- cli-options:end -->/.exec(readme);
  assert.ok(m, 'README has the cli-options markers');
  assert.equal(m[1], optionsMarkdown(), 'README options table is stale: run npm run docs:cli');
  const help = run(['--help']).out;
  for (const flag of optionsMarkdown().match(/--[a-z][a-z-]*/g)!) assert.ok(help.includes(flag), flag);
});

test('workers are chosen by the work: few or small files stay on one thread', () => {
  assert.equal(chooseJobs(1, 50 << 20, 8), 1);
  assert.equal(chooseJobs(3, 50 << 20, 8), 1);
  assert.equal(chooseJobs(100, 1 << 20, 8), 1, '1 MB in all: not worth a worker');
  assert.equal(chooseJobs(520, 32 << 20, 2), 1, '32 MB: two threads were slower than one on 2 cores (each warms up its own JIT)');
  assert.equal(chooseJobs(1400, 72 << 20, 2), 2, '72 MB: two threads are faster');
  assert.equal(chooseJobs(1400, 72 << 20, 8), 3);
  assert.equal(chooseJobs(520, 32 << 20, 2, 1), 1);
});

test('a million findings stream out as JSON and SARIF (no "Invalid string length", bounded memory)', { timeout: 600_000 }, () => {
  const dir = tmp();
  const files: string[] = [];
  for (let i = 0; i < 4; i++) {
    const f = join(dir, `big${i}.wiki`);
    writeFileSync(f, '<ref></ref>\n'.repeat(250_000));
    files.push(f);
  }
  for (const format of ['json', 'sarif']) {
    const out = join(dir, `out.${format}`);
    // a heap capped well below the size of the report (about 400 MB): the report is never held in memory
    const r = spawnSync(process.execPath, ['--max-old-space-size=600', CLI, '--format', format, '--jobs', '1', '-o', out, ...files], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /Invalid string length|heap/i);
    // count the findings without loading the whole report into one string
    const fd = readFileSync(out);
    let count = 0;
    const needle = Buffer.from('"ref-empty"');
    for (let at = fd.indexOf(needle); at >= 0; at = fd.indexOf(needle, at + 1)) count++;
    // json: one per diagnostic; sarif: one per result plus the rule's entry in the driver
    assert.equal(count, format === 'json' ? 1_000_000 : 1_000_001, format);
    const tail = fd.subarray(fd.length - 400).toString('utf8');
    if (format === 'json') assert.match(tail, /"summary": \{"errors":1000000,/);
    else assert.match(tail, /"invocations": \[\{"executionSuccessful":true/);
  }
});

test('--report-unused-disable-directives, and a directive naming an unknown rule is reported', () => {
  const dir = tmp();
  const f = join(dir, 'd.wiki');
  writeFileSync(f, '<!-- wikitext-lint-disable-next-line ref-duplicate-name -->\n' + DUP + '<!-- wikitext-lint-disable-next-line ref-empty -->\nfine\n<!-- wikitext-lint-disable-line ref-emtpy -->\n');
  const plain = JSON.parse(run([...TODAY, '--format', 'json', f]).out).files[0].diagnostics;
  assert.deepEqual(plain.map((d: { rule: string; range: { start: { line: number } } }) => [d.rule, d.range.start.line]), [['unknown-rule-in-directive', 6]]);
  const r = run([...TODAY, '--format', 'json', '--report-unused-disable-directives', f]);
  const d = JSON.parse(r.out).files[0].diagnostics;
  assert.deepEqual(d.map((x: { rule: string; range: { start: { line: number } } }) => [x.rule, x.range.start.line]), [['unused-disable-directive', 4], ['unknown-rule-in-directive', 6]]);
  assert.match(d[0].message, /"ref-empty"/);
});

test('progress on stderr when it is a terminal, not when it is a pipe', (t) => {
  const dir = tmp();
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, `a${i}.wiki`), DUP.repeat(2000));
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    t.skip('script(1) is not installed: no pseudo-terminal to test with');
    return;
  }
  const cmd = `"${process.execPath}" "${CLI}" --jobs 1 "${dir}" > /dev/null`;
  const tty = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, WIKITEXT_LINT_PROGRESS_AFTER_MS: '0' } });
  assert.match(tty.stdout, /\r\d+\/6 files/);
  const pipe = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', env: { ...process.env, WIKITEXT_LINT_PROGRESS_AFTER_MS: '0' } });
  assert.doesNotMatch(pipe.stderr, /files/);
});

test('worker threads (the main thread working beside them) give the same report, in the same order, as one thread', () => {
  const src = resolve(__dirname, '../fixtures/corpus');
  const dir = tmp();
  for (let copy = 0; copy < 4; copy++) for (const f of readdirSync(src)) if (f.endsWith('.wiki')) writeFileSync(join(dir, `${copy}-${f}`), readFileSync(join(src, f)));
  const one = run([...TODAY, '--format', 'json', '--jobs', '1', dir]);
  const two = run([...TODAY, '--format', 'json', '--jobs', '2', dir]);
  const three = run([...TODAY, '--format', 'json', '--jobs', '3', dir]);
  assert.ok(JSON.parse(one.out).files.length >= 8);
  assert.equal(two.out, one.out);
  assert.equal(three.out, one.out);
  assert.equal(two.code, one.code);
});
