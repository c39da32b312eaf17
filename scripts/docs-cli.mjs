// `npm run docs:cli`: rewrites the README's CLI options table from the option definitions
// (server/src/cli/options.ts), between the cli-options markers. A test fails when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { optionsMarkdown } from '../server/src/cli/options.ts';

const readme = readFileSync('README.md', 'utf8');
const re = /(<!-- cli-options:start[^>]*-->\n)[^]*?(<!-- cli-options:end -->)/;
if (!re.test(readme)) throw new Error('README.md has no <!-- cli-options:start --> ... <!-- cli-options:end --> markers');
writeFileSync('README.md', readme.replace(re, (_, a, b) => a + optionsMarkdown() + '\n' + b));
