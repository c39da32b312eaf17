/**
 * The packaged extension: `vsce package --no-dependencies` into a temporary folder, then the .vsix's file
 * list must be exactly the whitelist of .vscodeignore (bundles, grammar, language configuration, docs,
 * icon) plus vsce's own two files, and the .vsix must stay under 1 MB.
 * Needs dist/ built (`npm run build`; `npm test` builds first). Run alone:
 *   node --import tsx --test test/package.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const MAX_BYTES = 1024 * 1024;

/** Exactly what the .vsix may hold. */
const WHITELIST = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/browserClient.js',
  'extension/dist/browserServer.js',
  'extension/syntaxes/wikitext.tmLanguage.json',
  'extension/language-configuration.json',
  'extension/README.md',
  'extension/CHANGELOG.md',
  'extension/LICENSE',
  'extension/images/icon.png',
].sort();

/** vsce renames these three when it packs them (readme.md, changelog.md, LICENSE.txt): map back to the sources. */
const VSCE_RENAMES: Record<string, string> = {
  'extension/readme.md': 'extension/README.md',
  'extension/changelog.md': 'extension/CHANGELOG.md',
  'extension/LICENSE.txt': 'extension/LICENSE',
};

/** The entry names of a zip file, from its central directory (no extraction, no dependency). */
export function zipEntries(zip: Buffer): string[] {
  // End of central directory record: signature 0x06054b50, within the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry ${i} at ${p}`);
    const nameLen = zip.readUInt16LE(p + 28), extraLen = zip.readUInt16LE(p + 30), commentLen = zip.readUInt16LE(p + 32);
    names.push(zip.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

test('the .vsix holds exactly the whitelisted files and is under 1 MB', (t) => {
  // Inputs first, each named, so that a missing file fails with a clear message rather than a vsce error.
  const missing = ['dist/client.js', 'dist/server.js', 'dist/browserClient.js', 'dist/browserServer.js', 'syntaxes/wikitext.tmLanguage.json', 'language-configuration.json',
    'README.md', 'CHANGELOG.md', 'LICENSE', 'images/icon.png'].filter((f) => !existsSync(join(ROOT, f)));
  assert.deepEqual(missing, [], `files the package needs are missing: ${missing.join(', ')}${missing.some((f) => f.startsWith('dist/')) ? ' (run `npm run build`)' : ''}`);
  for (const f of ['syntaxes/wikitext.tmLanguage.json', 'language-configuration.json']) {
    assert.doesNotThrow(() => JSON.parse(readFileSync(join(ROOT, f), 'utf8')), `${f} is JSON`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'wikitext-vsix-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const vsix = join(dir, 'x.vsix');
  const r = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--no-update-package-json', '-o', vsix], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(r.status, 0, `vsce package failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  assert.ok(existsSync(vsix), `vsce wrote no ${vsix}:\n${r.stdout}`);

  const entries = zipEntries(readFileSync(vsix)).map((e) => VSCE_RENAMES[e] ?? e).sort();
  assert.deepEqual(entries, WHITELIST, `unexpected .vsix content\n  extra: ${entries.filter((e) => !WHITELIST.includes(e)).join(', ') || '-'}\n  missing: ${WHITELIST.filter((e) => !entries.includes(e)).join(', ') || '-'}`);

  const size = statSync(vsix).size;
  t.diagnostic(`.vsix: ${(size / 1024).toFixed(0)} KB`);
  assert.ok(size < MAX_BYTES, `.vsix is ${size} bytes, over 1 MB`);
});

test('zipEntries reads a central directory', () => {
  // A zip with one stored, empty entry "a.txt", built by hand.
  const name = Buffer.from('a.txt');
  const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46); central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length;
  const eocd = Buffer.alloc(22); eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(1, 8); eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12); eocd.writeUInt32LE(cdOffset, 16);
  assert.deepEqual(zipEntries(Buffer.concat([local, name, central, name, eocd])), ['a.txt']);
  assert.throws(() => zipEntries(Buffer.alloc(40)), /not a zip/);
});
