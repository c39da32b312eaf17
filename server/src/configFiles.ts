/**
 * Configuration files, for both adapters (the CLI and the language server): the `.wikitext-lint.json` that
 * applies to a file, read and validated with errors naming the file and the key at fault.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig, ConfigError, type LintConfig } from './core/lint/config';
import { ruleIds } from './core/rules';

/** A human reason for a file-system error. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'ENOTDIR': return 'a component of the path is not a directory';
    default: return (e as Error)?.message ?? String(e);
  }
}

const configCache = new Map<string, LintConfig | null>();

/** The `.wikitext-lint.json` that applies to a file: the nearest one upward from its folder. */
export function findConfigFor(file: string): { config: LintConfig | null; path: string | null } {
  let dir = path.resolve(file === '-' ? '.' : path.dirname(file));
  for (;;) {
    const candidate = path.join(dir, '.wikitext-lint.json');
    if (configCache.has(candidate)) {
      const c = configCache.get(candidate)!;
      if (c) return { config: c, path: candidate };
    } else if (fs.existsSync(candidate)) {
      const c = loadConfigFile(candidate);
      configCache.set(candidate, c);
      return { config: c, path: candidate };
    } else configCache.set(candidate, null);
    const parent = path.dirname(dir);
    if (parent === dir) return { config: null, path: null };
    dir = parent;
  }
}

/** Reads and validates a configuration file; throws an Error naming the file, and the key at fault. */
export function loadConfigFile(file: string): LintConfig {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read configuration: ${describeFsError(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new Error(`${file}: invalid JSON: ${(e as Error).message}`);
  }
  try {
    return parseConfig(json, ruleIds);
  } catch (e) {
    if (e instanceof ConfigError) throw new Error(`${file}: ${e.message}`);
    throw e;
  }
}
