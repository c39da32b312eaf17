/** The README shown on the extension's page documents every setting the extension contributes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

test('every contributed setting is in the README (by name, or a `prefix.*` row)', () => {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const keys = Object.keys(pkg.contributes.configuration.properties as Record<string, unknown>);
  assert.ok(keys.length >= 10, `${keys.length} settings`);
  const wildcards = [...readme.matchAll(/`(wikitext(?:\.\w+)*)\.\*`/g)].map((m) => m[1] + '.');
  const missing = keys.filter((k) => !readme.includes(`\`${k}\``) && !wildcards.some((w) => k.startsWith(w)));
  assert.deepEqual(missing, [], `settings missing from README.md's settings table (The VS Code extension): ${missing.join(', ')}`);
});

test('the README describes the four settings that match the ESLint extension\'s', () => {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  for (const k of ['wikitext.enable', 'wikitext.run', 'wikitext.codeActionsOnSave.mode', 'wikitext.validate']) {
    assert.match(readme, new RegExp(`^\\| \`${k.replace(/\./g, '\\.')}\` \\|`, 'm'), `${k} has a row in the settings table`);
  }
  assert.match(readme, /source\.fixAll\.wikitext/, 'fix-all on save is shown');
  assert.match(readme, /Wikitext: Show Output/, 'the Show Output command is named');
});
