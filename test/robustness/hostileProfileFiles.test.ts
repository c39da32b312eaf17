/**
 * Hostile citation profile files (`--profile FILE`, `"profile"` in `.wikitext-lint.json`, the VS Code setting
 * `wikitext.citationProfile`), given to the built CLI and the real server: a FIFO, a link to /dev/zero, a
 * directory, a file over the size cap, deeply nested JSON, prototype keys. Each must end in an error naming the
 * file and the problem, never a hang or a crash. (A hang shows as the child being killed at the spawn timeout,
 * which is far above what any of these takes; no time is asserted.)
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, symlinkSync, existsSync, rmSync, renameSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lspClient';
import { writeCitationProfile } from '../../server/src/wiki/citationProfileBuilder';
import { parseCitationProfile } from '../../server/src/core/citationProfile';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SERVER = resolve(__dirname, '../../dist/server.js');
const ARTICLE = '<ref>{{Internetquelle |url=https://www.berlin.de/ |abruf=2020-05-19}}</ref>\n<references />\n';
const GOOD = { templates: { Internetquelle: 'cite web' }, parameters: { titel: 'title', abruf: 'access-date' } };

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'wikitext-lint-hostile-profile-'));
}
function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 26 });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}
function mkfifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

/** name → makes the hostile profile in `dir` and returns its path (or undefined when this system cannot make it). */
const HOSTILE: [string, RegExp, (dir: string) => string | undefined][] = [
  ['a FIFO', /not a regular file \(a named pipe\)/, (d) => (mkfifo(join(d, 'p.json')) ? join(d, 'p.json') : undefined)],
  ['a symbolic link to /dev/zero', /not a regular file \(a character device\)/, (d) => {
    if (!existsSync('/dev/zero')) return undefined;
    symlinkSync('/dev/zero', join(d, 'p.json'));
    return join(d, 'p.json');
  }],
  ['a directory', /is a directory/, (d) => {
    mkdirSync(join(d, 'p.json'));
    return join(d, 'p.json');
  }],
  ['a 6 MB file', /larger than 5 MB/, (d) => {
    writeFileSync(join(d, 'p.json'), JSON.stringify({ ...GOOD, comment: 'x'.repeat(6_000_000) }));
    return join(d, 'p.json');
  }],
  ['templates nested 100,000 deep', /"templates"\."x" must be a name/, (d) => {
    writeFileSync(join(d, 'p.json'), `{"templates":{"x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`);
    return join(d, 'p.json');
  }],
  ['a template mapped to "__proto__"', /"templates"\."x" maps to "__proto__", which is not a CS1 template/, (d) => {
    writeFileSync(join(d, 'p.json'), '{"templates":{"x":"__proto__"}}');
    return join(d, 'p.json');
  }],
  ['a "__proto__" key at the top', /unknown key "__proto__"/, (d) => {
    writeFileSync(join(d, 'p.json'), '{"templates":{},"__proto__":{"templates":{"Internetquelle":"cite web"}}}');
    return join(d, 'p.json');
  }],
];

for (const [name, reason, make] of HOSTILE) {
  test(`--profile naming ${name}: a clear error naming the file, no hang`, { timeout: 120_000 }, (t) => {
    const dir = tmp();
    const file = make(dir);
    if (!file) return t.skip(`cannot make ${name} here`);
    writeFileSync(join(dir, 'a.wiki'), ARTICLE);
    const r = run(['--profile', file, join(dir, 'a.wiki')]);
    assert.equal(r.signal, null, `the CLI hung on ${name} and was killed`);
    assert.equal(r.code, 2, r.out + r.err);
    assert.ok(r.err.includes(file), `the error names the file: ${r.err.slice(0, 500)}`);
    assert.match(r.err, reason);
    assert.ok(r.err.length < 5_000, `the error is short (${r.err.length} characters)`);
  });
}

test('a profile whose free "comment" is JSON nested 100,000 deep is read (no stack overflow)', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'p.json'), `{"templates":{"Internetquelle":"cite web"},"parameters":{},"comment":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
  writeFileSync(join(dir, 'a.wiki'), ARTICLE);
  const r = run(['--profile', join(dir, 'p.json'), join(dir, 'a.wiki')]);
  assert.equal(r.signal, null);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /cite-missing-title/);
});

test('"profile" in .wikitext-lint.json naming a FIFO: a clear error, no hang', { timeout: 120_000 }, (t) => {
  const dir = tmp();
  if (!mkfifo(join(dir, 'p.json'))) return t.skip('mkfifo is not available');
  writeFileSync(join(dir, '.wikitext-lint.json'), JSON.stringify({ profile: 'p.json' }));
  writeFileSync(join(dir, 'a.wiki'), ARTICLE);
  const r = run(['a.wiki'], dir);
  assert.equal(r.signal, null, 'the CLI hung on a FIFO profile and was killed');
  assert.equal(r.code, 2, r.out + r.err);
  assert.match(r.out + r.err, /p\.json: cannot read the profile: not a regular file \(a named pipe\)/);
});

test('a profile with prototype keys as template and parameter names works as data', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'p.json'), '{"templates":{"__proto__":"cite web","constructor":"cite web"},"parameters":{"__proto__":"title","hasOwnProperty":"url","toString":"access-date"}}');
  writeFileSync(join(dir, 'a.wiki'), '<ref>{{__proto__ |hasOwnProperty=https://example.org/ |__proto__=T |toString=31 February 2020}}</ref>\n<ref>{{constructor |url=https://example.org/b}}</ref>\n<references />\n');
  const r = run(['--format', 'json', '--today', '2026-11-28', '--profile', join(dir, 'p.json'), join(dir, 'a.wiki')]);
  assert.equal(r.signal, null);
  const rules = (JSON.parse(r.out) as { files: { diagnostics: { rule: string; message: string }[] }[] }).files[0].diagnostics.map((m) => `${m.rule}: ${m.message}`);
  // {{__proto__}} is a cite web with its title and url (mapped), and a bad access-date; {{constructor}} has no title
  assert.ok(rules.some((m) => /^cite-bad-date: .*31 February 2020 does not exist/.test(m)), rules.join('\n'));
  assert.equal(rules.filter((m) => m.startsWith('cite-missing-title')).length, 1, rules.join('\n'));
  assert.ok(!rules.some((m) => m.startsWith('cite-missing-url')), rules.join('\n'));
});

type Diag = { code: string; message: string };

/** A real server with `wikitext.citationProfile` set to `file`, and a document whose diagnostics can be asked for again after each edit. */
async function serverWithProfile(dir: string, file: string) {
  const s = await startServer(SERVER, { pull: true, settings: { citationProfile: file }, initialize: { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }], initializationOptions: { workspaceTrusted: true } } });
  const messages: string[] = [];
  s.connection.onNotification('window/logMessage', (p: { message: string }) => { messages.push(p.message); });
  s.connection.onNotification('window/showMessage', (p: { message: string }) => { messages.push(p.message); });
  const uri = pathToFileURL(join(dir, 'a.wiki')).href;
  let version = 1;
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'wikitext', version, text: ARTICLE } });
  /** The count of cite-missing-title after an edit (a new version: the analysis is made again). */
  const missingTitle = async () => {
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: ARTICLE + '\n'.repeat(version) }] });
    const items = ((await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] }).items;
    return items.filter((x) => x.code === 'cite-missing-title').length;
  };
  return { s, messages, missingTitle };
}

test('the server with wikitext.citationProfile a FIFO: it answers, lints without the profile and names the file', { timeout: 120_000 }, async (t) => {
  const dir = tmp();
  const file = join(dir, 'p.json');
  if (!mkfifo(file)) return t.skip('mkfifo is not available');
  const { s, messages, missingTitle } = await serverWithProfile(dir, file);
  // a server blocked in the read would never answer: kill it at the test's end either way
  t.after(() => s.process.kill());
  try {
    assert.equal(await missingTitle(), 0);
    assert.ok(messages.some((m) => m.includes(file) && /named pipe/.test(m)), messages.join('\n'));
  } finally {
    await s.stop();
  }
});

test('the server picks up a profile file that changes under it, is deleted, becomes a directory, is replaced', { timeout: 120_000 }, async () => {
  const dir = tmp();
  const file = join(dir, 'p.json');
  writeFileSync(file, JSON.stringify({ templates: {}, parameters: {} }));
  const { s, messages, missingTitle } = await serverWithProfile(dir, file);
  t_after(s);
  try {
    // a profile that does not know {{Internetquelle}}
    assert.equal(await missingTitle(), 0);
    // edited in place to know it: {{Internetquelle}} has no titel
    writeFileSync(file, JSON.stringify(GOOD));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    assert.equal(await missingTitle(), 1, 'the edited profile is used at the next analysis');
    // deleted: reported, and the old profile is not kept silently
    rmSync(file);
    assert.equal(await missingTitle(), 0);
    assert.ok(messages.some((m) => m.includes(file) && /ENOENT/.test(m)), messages.join('\n'));
    // a directory in its place
    mkdirSync(file);
    assert.equal(await missingTitle(), 0);
    assert.ok(messages.some((m) => m.includes(file) && /directory/.test(m)), messages.join('\n'));
    // a file again, by rename (as editors and git write)
    rmSync(file, { recursive: true });
    writeFileSync(join(dir, 'next.json'), JSON.stringify(GOOD));
    renameSync(join(dir, 'next.json'), file);
    assert.equal(await missingTitle(), 1);
  } finally {
    await s.stop();
  }
});

function t_after(s: { process: { kill(): boolean } }): void {
  after(() => { s.process.kill(); });
}

test('wikitext-lint profile --map naming a FIFO: a clear error naming the map, no hang', { timeout: 120_000 }, (t) => {
  const dir = tmp();
  if (!mkfifo(join(dir, 'map.json'))) return t.skip('mkfifo is not available');
  // the map is read before any request (port 9 is closed: nothing leaves the machine)
  const r = spawnSync(process.execPath, [CLI, 'profile', '--site', 'http://127.0.0.1:9/w/api.php', '--map', join(dir, 'map.json')], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, WIKITEXT_LINT_CACHE: join(dir, 'cache') } });
  assert.equal(r.signal, null, 'the CLI hung on a FIFO map and was killed');
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /map\.json: cannot read the map: not a regular file \(a named pipe\)/);
});

test('writing a profile (--out, the cache) never writes through a link planted at its temporary name', () => {
  const dir = tmp();
  const victim = join(dir, 'victim.txt');
  writeFileSync(victim, 'untouched');
  const out = join(dir, 'out.json');
  symlinkSync(victim, `${out}.${process.pid}.tmp`);
  writeCitationProfile(out, parseCitationProfile(GOOD));
  assert.equal(readFileSync(victim, 'utf8'), 'untouched');
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(out, 'utf8')).templates), ['Internetquelle']);
});

test('a profile turning on a rule that does not exist (a typo) is an error naming the file and the id, not silently nothing', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'p.json'), JSON.stringify({ ...GOOD, rules: { 'cite-missing-acces-date': true, '__proto__': false } }));
  writeFileSync(join(dir, 'a.wiki'), ARTICLE);
  const r = run(['--profile', join(dir, 'p.json'), join(dir, 'a.wiki')]);
  assert.equal(r.code, 2, r.out + r.err);
  assert.match(r.err, /p\.json: "rules"\."cite-missing-acces-date" is not a rule/);
});

test('a profile whose keys hold escape sequences and bidi overrides: the error names them escaped, never raw', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'p.json'), JSON.stringify({ templates: { 'Evil\u001b]0;owned\u0007\u001b[2J\u202e': 'cite nothing' } }));
  writeFileSync(join(dir, 'a.wiki'), ARTICLE);
  const r = run(['--profile', join(dir, 'p.json'), join(dir, 'a.wiki')]);
  assert.equal(r.code, 2, r.out + r.err);
  assert.match(r.err, /"templates"\."Evil\\u001b\]0;owned\\u0007\\u001b\[2J\\u202e" maps to "cite nothing"/);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(r.out + r.err), JSON.stringify(r.err));
});
