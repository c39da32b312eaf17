/** The fixture web's DNS lookup for child processes: `*.test` -> 127.0.0.1, anything else fails without a query. */
import type { LookupFunction } from 'node:net';

export const fixtureLookup: LookupFunction = ((hostname: string, options: unknown, cb?: unknown) => {
  const callback = (typeof options === 'function' ? options : cb) as (err: NodeJS.ErrnoException | null, address?: unknown, family?: number) => void;
  const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
  if (!hostname.endsWith('.test') || hostname === 'nxdomain.test') {
    process.nextTick(() => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })));
    return;
  }
  process.nextTick(() => (all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)));
}) as LookupFunction;
