// Writes the rule ids, defaults and descriptions into package.json's `wikitext.rules` setting schema, so that
// VS Code completes and validates them. test/manifest.test.ts checks that package.json is in sync.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
await esbuild.build({ entryPoints: ['server/src/core/rules/index.ts'], outfile: 'out/rules.js', bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const require = createRequire(import.meta.url);
const { rules } = require('../out/rules.js');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const props = {};
for (const r of rules) props[r.id] = { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'], default: r.defaultSeverity, markdownDescription: `${r.description} [Docs](https://github.com/wikitext-tools/wikitext-lint/blob/main/docs/rules/${r.id}.md)` };
pkg.contributes.configuration.properties['wikitext.rules'].properties = props;
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`wikitext.rules: ${rules.length} rules`);
