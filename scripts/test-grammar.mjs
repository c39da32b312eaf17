#!/usr/bin/env node
// Runs the TextMate grammar unit tests (test/grammar/*.test.wiki) with vscode-tmgrammar-test.
//
//   node scripts/test-grammar.mjs            # all fixtures
//   node scripts/test-grammar.mjs --compact  # one line per failure (problem-matcher friendly)
//
// Only syntaxes/wikitext.tmLanguage.json is loaded. The grammar embeds other languages inside
// <syntaxhighlight lang=...> (source.python, source.js, ...); those grammars are not available
// here, so the fixtures only assert the outer meta.embedded.block.<lang> scope, and the
// "grammar not found" warnings for exactly those scopes are summarised instead of printed.
// Exits non-zero if any assertion fails or an unexpected grammar is missing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const grammarPath = path.join(root, 'syntaxes', 'wikitext.tmLanguage.json');
const fixtureGlob = 'test/grammar/*.test.wiki';
const compact = process.argv.includes('--compact') || process.argv.includes('-c');

// Locate the CLI of the vscode-tmgrammar-test devDependency.
const require = createRequire(path.join(root, 'package.json'));
let cli;
try {
  const pkgPath = require.resolve('vscode-tmgrammar-test/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['vscode-tmgrammar-test'];
  cli = path.join(path.dirname(pkgPath), bin);
} catch {
  console.error('vscode-tmgrammar-test is not installed: npm install --save-dev vscode-tmgrammar-test@0.1.3');
  process.exit(2);
}

// Collect the embedded scopes the grammar includes (source.python, ...) and sanity-check it.
const grammar = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
if (grammar.scopeName !== 'text.wikitext') {
  console.error(`unexpected scopeName ${grammar.scopeName} in ${grammarPath}`);
  process.exit(2);
}
const embeddedScopes = new Set();
(function walk(node) {
  if (Array.isArray(node)) return node.forEach(walk);
  if (node && typeof node === 'object') {
    if (typeof node.include === 'string' && !node.include.startsWith('#') && node.include !== '$self' && node.include !== '$base') {
      embeddedScopes.add(node.include.split('#')[0]);
    }
    Object.values(node).forEach(walk);
  }
})(grammar.repository);

// Count assertions the same way the tool does: each run of ^ is one assertion, each <- line is one.
const fixtureDir = path.join(root, 'test', 'grammar');
const fixtures = fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.test.wiki')).sort();
if (fixtures.length === 0) {
  console.error(`no fixtures matching ${fixtureGlob}`);
  process.exit(2);
}
let assertions = 0;
for (const f of fixtures) {
  const lines = fs.readFileSync(path.join(fixtureDir, f), 'utf8').split(/\r?\n/);
  const m = /^(\S+)\s+SYNTAX\s+TEST\s+"([^"]+)"/.exec(lines[0]);
  if (!m || m[2] !== 'text.wikitext') {
    console.error(`${f}: first line must be <!-- SYNTAX TEST "text.wikitext" "description"`);
    process.exit(2);
  }
  const token = m[1];
  for (const line of lines.slice(1)) {
    if (!line.startsWith(token)) continue;
    const rest = line.slice(token.length);
    if (/^\s*\^/.test(rest)) assertions += (rest.match(/\^+/g) || []).length;
    else if (/^\s*<~*-+/.test(rest)) assertions += 1;
  }
}

// A private config so that whatever package.json contributes does not change the test setup.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wikitext-grammar-test-'));
const configPath = path.join(tmp, 'package.json');
fs.writeFileSync(configPath, JSON.stringify({
  contributes: {
    languages: [{ id: 'wikitext', extensions: ['.wiki'] }],
    grammars: [{ language: 'wikitext', scopeName: 'text.wikitext', path: path.relative(tmp, grammarPath) }],
  },
}));

const args = [cli, '--config', configPath, ...(compact ? ['--compact'] : []), fixtureGlob];
const res = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
fs.rmSync(tmp, { recursive: true, force: true });
if (res.error) {
  console.error(res.error);
  process.exit(2);
}

const missingExpected = new Set();
const unexpectedMissing = new Set();
const filter = (text) => text.split('\n').filter((l) => {
  const mm = /^grammar not found for "([^"]+)"/.exec(l);
  if (!mm) return true;
  (embeddedScopes.has(mm[1]) ? missingExpected : unexpectedMissing).add(mm[1]);
  return false;
}).join('\n');
const out = filter(res.stdout ?? '');
const err = filter(res.stderr ?? '');
if (out.trim()) process.stdout.write(out.endsWith('\n') ? out : out + '\n');
if (err.trim()) process.stderr.write(err.endsWith('\n') ? err : err + '\n');
if (missingExpected.size) {
  console.log(`(embedded grammars not loaded, only meta.embedded.* scopes are tested: ${[...missingExpected].sort().join(', ')})`);
}

let code = res.status ?? 1;
if (unexpectedMissing.size) {
  console.error(`missing grammars that are not embedded languages: ${[...unexpectedMissing].join(', ')}`);
  code = code || 1;
}
console.log(code === 0
  ? `grammar tests passed: ${assertions} assertions in ${fixtures.length} files`
  : `grammar tests FAILED (${assertions} assertions in ${fixtures.length} files)`);
process.exit(code === 0 ? 0 : 1);
