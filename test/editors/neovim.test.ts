/**
 * A client that is not ours: Neovim's built-in LSP client (Debian's neovim, 0.7+) runs headless, starts
 * `dist/server.js --stdio` with `vim.lsp.start_client`, opens a copy of the seed, and (test/editors/neovim.lua)
 * waits for the 24 diagnostics, hovers on a citation, applies a quick fix with its own workspace-edit code.
 * Neovim keeps byte columns; the seed is one 51 KB line with non-ASCII text before the first diagnostic, so the
 * column it shows proves the UTF-16 positions were understood. Skips when `nvim` is not installed
 * (`apt-get install neovim`; .ci/run installs it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { lint } from '../../server/src/core/lint/lint';
import { runHeadlessEditor, SEED } from './headlessEditor';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvimVersion = nvim.status === 0 ? /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(nvim.stdout) : null;
const skip = !nvimVersion
  ? 'nvim not found (apt-get install neovim)'
  : Number(nvimVersion[1]) === 0 && Number(nvimVersion[2]) < 7 ? `Neovim ${nvimVersion[0]} is older than 0.7` : false;

interface NvimResult {
  error?: string; offset_encoding: string; count: number; codes: Record<string, number>;
  first: { lnum: number; col: number; end_col: number; code: string; severity: number };
  hover?: string; hover_error?: string; actions: string[]; applied: string; after_fix: string;
  line_bytes_before: number; fixed_col: number; line_bytes_after: number; count_after_fix: number;
}

test(`Neovim's LSP client: 24 diagnostics at the right columns, a citation hover, a quick fix applied`, { skip, timeout: 180_000 }, async () => {
  const r = await runHeadlessEditor<NvimResult>({
    command: 'nvim',
    args: ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${resolve(__dirname, 'neovim.lua')}`],
    tag: 'nvim',
    env: (dir) => ({ XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir }),
  });

  // what our own core says, in Neovim's terms (0-based line, byte column)
  const expected = lint(SEED).diagnostics.slice().sort((a, b) => a.start - b.start);
  const first = expected[0];
  const byteCol = Buffer.byteLength(SEED.slice(0, first.start), 'utf8');
  assert.ok(byteCol > first.start, 'the seed has multi-byte text before the first diagnostic (else this proves nothing)');

  assert.equal(r.offset_encoding, 'utf-16');
  assert.equal(r.count, 24);
  assert.deepEqual(r.codes, { 'cite-missing-access-date': 19, 'cite-dead-link-archived': 5 });
  assert.equal(r.first.lnum, 0);
  assert.equal(r.first.col, byteCol);
  assert.equal(r.first.end_col, Buffer.byteLength(SEED.slice(0, first.end), 'utf8'));
  assert.equal(r.first.code, first.rule);

  assert.ok(r.hover, `hover: ${r.hover_error}`);
  const firstCite = SEED.slice(SEED.indexOf('{{cite web'));
  const title = /\|\s*title\s*=\s*([^|}]+?)\s*[|}]/.exec(firstCite.slice(0, firstCite.indexOf('}}') + 2))![1];
  assert.match(r.hover!, /^\*\*\{\{cite web\}\}\*\*/);
  assert.match(r.hover!, /\(https:\/\/simple\.wikipedia\.org\/wiki\/Template:Cite_web\)/, 'linkBaseUrl from init_options');
  assert.ok(r.hover!.includes(title), `the hover shows how the citation reads, with its title "${title}"`);

  assert.ok(r.actions.length >= 2, r.actions.join(' | '));
  assert.match(r.applied, /^Add \|access-date=/);
  const missing = expected.find((d) => d.rule === 'cite-missing-access-date')!;
  assert.equal(r.fixed_col, Buffer.byteLength(SEED.slice(0, missing.start), 'utf8'));
  // the citation under the diagnostic now has the access-date the action named, inside the same {{...}}
  const inserted = r.applied.slice('Add '.length);
  assert.match(inserted, /^\|access-date=\d{1,2} [A-Z][a-z]+ \d{4}$/, 'the page says {{Use dmy dates}}');
  assert.ok(r.after_fix.startsWith('url='));
  assert.ok(r.after_fix.slice(0, r.after_fix.indexOf('}}')).includes(inserted), r.after_fix);
  assert.equal(r.line_bytes_after - r.line_bytes_before, Buffer.byteLength(' ' + inserted));
  assert.equal(r.count_after_fix, 23);
});
