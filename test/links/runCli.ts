/**
 * Runs the CLI's `main` in a child process with the fixture web's DNS lookup (`*.test` -> 127.0.0.1, anything
 * else fails without a query), so CLI tests check links against the local web and nothing leaves the machine.
 * Usage: node --import tsx test/links/runCli.ts <cli args...>
 */
import type { LookupFunction } from 'node:net';
import { main } from '../../server/src/cli/main';

const lookup: LookupFunction = ((hostname: string, options: unknown, cb?: unknown) => {
  const callback = (typeof options === 'function' ? options : cb) as (err: NodeJS.ErrnoException | null, address?: unknown, family?: number) => void;
  const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
  if (!hostname.endsWith('.test') || hostname === 'nxdomain.test') {
    process.nextTick(() => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })));
    return;
  }
  process.nextTick(() => (all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)));
}) as LookupFunction;

main(process.argv.slice(2), { lookup }).then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e));
  process.exitCode = 2;
});
