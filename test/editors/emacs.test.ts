/**
 * A second client that is not ours: Emacs with eglot (Debian's emacs-nox and elpa-eglot), in batch mode
 * (test/editors/emacs-eglot.el): the seed's 24 diagnostics in Flymake at the right buffer positions
 * (Emacs counts characters; the seed has non-ASCII text before them), a citation hover, a quick fix
 * applied with eglot's own edit code, and the diagnostics after it. Skips when emacs or eglot is missing
 * (`apt-get install emacs-nox elpa-eglot`; .ci/run installs them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { lint } from '../../server/src/core/lint/lint';
import { runHeadlessEditor, SEED } from './headlessEditor';

const SCRIPT = resolve(__dirname, 'emacs-eglot.el');

const probe = spawnSync('emacs', ['--batch', '-Q', '--eval',
  `(progn (require 'package) (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa") (package-initialize) (require 'eglot) (princ "eglot-ok"))`], { encoding: 'utf8', timeout: 30_000 });
const skip = probe.error ? 'emacs not found (apt-get install emacs-nox elpa-eglot)'
  : !probe.stdout?.includes('eglot-ok') ? 'eglot not found (apt-get install elpa-eglot, or Emacs 29+)' : false;

interface EmacsResult {
  error?: string; managed: boolean; count: number; missing: number; archived: number;
  first_beg: number; first_end: number; first_code: string; hover?: string; actions: string[]; applied: string;
  fixed_beg: number; inserted_chars: number; after_fix: string; count_after_fix: number;
}

test("Emacs eglot: 24 diagnostics at the right positions, a citation hover, a quick fix applied", { skip, timeout: 180_000 }, async () => {
  const r = await runHeadlessEditor<EmacsResult>({ command: 'emacs', args: ['--batch', '-Q', '-l', SCRIPT], tag: 'emacs', env: (dir) => ({ HOME: dir }) });

  // Emacs buffer positions: 1-based, in characters (code points)
  const pos = (offset: number) => [...SEED.slice(0, offset)].length + 1;
  const expected = lint(SEED).diagnostics.slice().sort((a, b) => a.start - b.start);
  assert.ok(Buffer.byteLength(SEED.slice(0, expected[0].start)) > expected[0].start, 'non-ASCII text before the first diagnostic');
  assert.equal(r.managed, true);
  assert.equal(r.count, 24);
  assert.equal(r.missing, 19);
  assert.equal(r.archived, 5);
  assert.equal(r.first_code, expected[0].rule);
  assert.equal(r.first_beg, pos(expected[0].start));
  assert.equal(r.first_end, pos(expected[0].end));

  assert.ok(r.hover, 'a hover on {{cite web}}');
  assert.match(r.hover!, /^\*\*\{\{cite web\}\}\*\*/);
  assert.match(r.hover!, /\(https:\/\/simple\.wikipedia\.org\/wiki\/Template:Cite_web\)/, 'linkBaseUrl from eglot-workspace-configuration');

  const missing = expected.find((d) => d.rule === 'cite-missing-access-date')!;
  assert.equal(r.fixed_beg, pos(missing.start));
  assert.equal(r.actions[0], r.applied, 'eglot asks only for the diagnostics at the point: the fix comes first');
  const inserted = r.applied.slice('Add '.length);
  assert.equal(r.inserted_chars, inserted.length + 1);
  assert.ok(r.after_fix.startsWith('url='));
  assert.ok(r.after_fix.slice(0, r.after_fix.indexOf('}}')).includes(inserted), r.after_fix);
  assert.equal(r.count_after_fix, 23);
});
