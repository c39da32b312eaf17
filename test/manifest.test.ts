import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rules } from '../server/src/core/rules';

const pkg = JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8'));

test('the wikitext.rules setting lists every rule with its default (run scripts/sync-manifest.mjs when this fails)', () => {
  const props = pkg.contributes.configuration.properties['wikitext.rules'].properties;
  assert.deepEqual(Object.keys(props).sort(), rules.map((r) => r.id).sort());
  for (const r of rules) assert.equal(props[r.id].default, r.defaultSeverity, r.id);
});

test('engines.vscode fits code-server 4.100.3 (VS Code 1.100) and vscode-languageclient 11', () => {
  assert.equal(pkg.engines.vscode, '^1.91.0');
  assert.equal(pkg.license, 'MIT');
  assert.equal(pkg.bin['wikitext-lint'], './dist/cli.js');
  assert.match(pkg.devDependencies['@vscode/test-electron'], /^2\./);
});

test('every dependency and devDependency is pinned to an exact version', () => {
  for (const [name, v] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) assert.match(String(v), /^\d+\.\d+\.\d+$/, name);
});
