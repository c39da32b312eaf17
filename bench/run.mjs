// `npm run bench`: bundles bench/suite.ts and runs it with the V8 flags the server and CLI run with.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
await esbuild.build({
  entryPoints: ['bench/suite.ts'], outfile: 'out/bench.js', bundle: true, platform: 'node', target: 'node20',
  format: 'cjs', logLevel: 'warning', tsconfig: 'tsconfig.json', external: ['wikilint'],
});
const r = spawnSync(process.execPath, ['--max-semi-space-size=32', '--expose-gc', 'out/bench.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
