// Bundles the entry points with esbuild: the VS Code client, the language server (also the
// `wikitext-language-server` command) and the CLI for Node; the web client and the web-worker server for
// VS Code for the Web. Each bundle is self-contained (node_modules are not shipped). The browser bundles
// must not import anything from Node: the build fails, naming the importer, if one does. Prints the sizes.
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { noNodeBuiltins } from './noNodeBuiltins.mjs';

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
const watch = process.argv.includes('--watch');
const quiet = process.argv.includes('--quiet');
const common = {
  bundle: true,
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  define: { __WIKITEXT_LINT_VERSION__: JSON.stringify(version) },
  // jsonc-parser's UMD build requires its parts at run time, which a bundle cannot; its ES module build bundles
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs' };

const browser = { ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], plugins: [noNodeBuiltins] };

const entries = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // also the `wikitext-language-server` command
  { ...node, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=32' } },
  { ...node, entryPoints: ['server/src/cli/lintWorker.ts'], outfile: 'dist/lintWorker.js' },
  // VS Code for the Web: the extension host loads the client as CommonJS; the server is a classic worker script
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browserClient.js', format: 'cjs', external: ['vscode'] },
  { ...browser, entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/browserServer.js', format: 'iife' },
];
if (watch) {
  for (const e of entries) (await esbuild.context(e)).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build(e)));
  chmodSync('dist/cli.js', 0o755);
  chmodSync('dist/server.js', 0o755);
  if (!quiet) {
    const kb = (f) => `${(statSync(f).size / 1024).toFixed(0)} KB`;
    console.log(`bundles: ${entries.map((e) => `${e.outfile.slice(5)} ${kb(e.outfile)}`).join(', ')}${common.minify ? ' (minified)' : ''}`);
  }
}
