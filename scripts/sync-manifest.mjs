// Writes the rule ids and their descriptions into package.json's `wikitext.rules` setting schema, so that
// VS Code completes and validates them. test/manifest.test.ts checks that it is in sync.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { rules } = require('../out/rules.js');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const props = {};
for (const r of rules) props[r.id] = { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'], default: r.defaultSeverity, description: r.description };
pkg.contributes.configuration.properties['wikitext.rules'].properties = props;
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`wikitext.rules: ${rules.length} rules`);
