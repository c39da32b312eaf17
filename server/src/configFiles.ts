/**
 * Configuration files, for both adapters (the CLI and the language server): the `.wikitext-lint.json` that
 * applies to a file, read and validated with errors naming the file and the key at fault.
 */
import * as path from 'node:path';
import { parseConfig, ConfigError, type LintConfig } from './core/lint/config';
import { ruleIds } from './core/rules';
import { parseJsonc } from './jsonc';
import { findConfigFor as findConfigIn } from './configLookup';
import { readRegularFile, RefusedFile, CONFIG_SIZE_CAP } from './readLimited';
export { clearConfigCache } from './configLookup';

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

/**
 * The `.wikitext-lint.json` that applies to a file: the nearest one upward from its folder, up to `root` (the
 * workspace folder) or else the git repository's root. See configLookup.ts.
 */
export function findConfigFor(file: string, root?: string): { config: LintConfig | null; path: string | null } {
  return findConfigIn(file, loadConfigFile, root);
}

/** Reads and validates a configuration file; throws an Error naming the file, and the key at fault. */
export function loadConfigFile(file: string): LintConfig {
  let raw: string;
  try {
    // a regular file of at most a few MB: a link to /dev/zero or a FIFO must not hang or exhaust memory
    raw = readRegularFile(file, CONFIG_SIZE_CAP).data.toString('utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read configuration: ${e instanceof RefusedFile ? e.message : describeFsError(e)}`);
  }
  const json = parseJsonc(raw, file);
  try {
    const config = parseConfig(json, ruleIds);
    // "profile" is relative to the configuration file ("auto": the cached profile of the "site")
    if (config.profile && config.profile !== 'auto') config.profile = path.resolve(path.dirname(path.resolve(file)), config.profile);
    return config;
  } catch (e) {
    if (e instanceof ConfigError) throw new Error(`${file}: ${e.message}`);
    throw e;
  }
}
