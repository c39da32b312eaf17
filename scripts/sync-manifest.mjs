// Regenerates what is made from the rules' metadata (server/src/core/rules/meta.ts): the rule tables of
// README.md and docs/rules/README.md, and package.json's `wikitext.rules` setting schema, so that VS Code
// completes and validates rule settings. test/rules/metadata.test.ts fails when one of them is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
await esbuild.build({ entryPoints: ['server/src/core/rules/meta.ts'], outfile: 'out/rules-meta.js', bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const require = createRequire(import.meta.url);
const meta = require('../out/rules-meta.js');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const schema = meta.settingsSchema();
pkg.contributes.configuration.properties['wikitext.rules'].properties = schema;
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
writeFileSync('README.md', meta.withGeneratedTable(readFileSync('README.md', 'utf8'), meta.readmeRulesTable()));
writeFileSync('docs/rules/README.md', meta.withGeneratedTable(readFileSync('docs/rules/README.md', 'utf8'), meta.docsRulesTable()));
console.log(`package.json wikitext.rules, README.md and docs/rules/README.md: ${Object.keys(schema).length} rules`);
