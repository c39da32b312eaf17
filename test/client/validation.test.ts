/** The client's enable / validate / run / codeActionsOnSave.mode decisions (client/src/validation.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_VALIDATION, globToRegExp, readValidationSettings, shouldValidate, showDiagnosticsNow } from '../../client/src/validation';

test('settings are read with defaults for missing or bad values', () => {
  assert.deepEqual(readValidationSettings(() => undefined), DEFAULT_VALIDATION);
  const s = readValidationSettings((k) => ({ enable: false, validate: ['wikitext', '**/*.txt'], run: 'onSave', 'codeActionsOnSave.mode': 'problems' } as Record<string, unknown>)[k]);
  assert.deepEqual(s, { enable: false, validate: ['wikitext', '**/*.txt'], run: 'onSave', codeActionsOnSaveMode: 'problems' });
  assert.equal(readValidationSettings((k) => (k === 'run' ? 'sometimes' : undefined)).run, 'onType');
  assert.deepEqual(readValidationSettings((k) => (k === 'validate' ? [1] : undefined)).validate, ['wikitext']);
});

test('enable and validate decide which documents are linted', () => {
  const s = { ...DEFAULT_VALIDATION, validate: ['wikitext', '**/articles/*.txt'] };
  assert.equal(shouldValidate(s, 'wikitext', '/w/a.wiki'), true);
  assert.equal(shouldValidate(s, 'plaintext', '/w/articles/Foo.txt'), true);
  assert.equal(shouldValidate(s, 'plaintext', '/w/notes/Foo.txt'), false);
  assert.equal(shouldValidate({ ...s, enable: false }, 'wikitext', '/w/a.wiki'), false);
  assert.equal(shouldValidate({ ...s, validate: ['**/*.wiki'] }, 'wikitext', 'C:\\w\\a.mw'), false);
  assert.equal(globToRegExp('**/*.{wiki,mw}').test('/x/y/a.mw'), true);
  assert.equal(globToRegExp('*.wiki').test('/x/a.wiki'), true);
  assert.equal(globToRegExp('*.wiki').test('/x/a.wikix'), false);
});

test('run: onSave holds back the diagnostics of unsaved text', () => {
  assert.equal(showDiagnosticsNow(DEFAULT_VALIDATION, true), true);
  assert.equal(showDiagnosticsNow({ ...DEFAULT_VALIDATION, run: 'onSave' }, true), false);
  assert.equal(showDiagnosticsNow({ ...DEFAULT_VALIDATION, run: 'onSave' }, false), true);
});

test('package.json contributes the settings and the Show output command', () => {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties;
  assert.equal(props['wikitext.enable'].default, true);
  assert.deepEqual(props['wikitext.run'].enum, ['onType', 'onSave']);
  assert.deepEqual(props['wikitext.codeActionsOnSave.mode'].enum, ['all', 'problems']);
  assert.deepEqual(props['wikitext.validate'].default, ['wikitext']);
  assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === 'wikitext.showOutput'));
});
