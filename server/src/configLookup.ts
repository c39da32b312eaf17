/**
 * Finding the `.wikitext-lint.json` that applies to a file: the nearest one upward from its folder, stopping
 * at the root of the project: the workspace folder in the editor, else the git repository (the folder holding
 * `.git`), as ESLint's flat config stops at the project. A configuration above the project is not applied
 * silently; `--config` names any other file. Outside a repository and a workspace the walk goes to `/`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintConfig } from './core/lint/config';

/** No path longer than this can be opened (Linux PATH_MAX): a longer one has no configuration to find. */
const MAX_PATH = 4096;
const CACHE_LIMIT = 5000;

/** Results per starting folder and root (one entry per lookup, not one per ancestor). */
const cache = new Map<string, { config: LintConfig | null; path: string | null }>();

/** Forgets every configuration read (the files changed, or may have). */
export function clearConfigCache(): void {
  cache.clear();
}

/**
 * The configuration for `file` (`-` for standard input: the current folder). `root`, when given and holding
 * the file, is where the search stops; otherwise it stops at the first folder holding `.git`.
 */
export function findConfigFor(
  file: string,
  load: (configPath: string) => LintConfig,
  root?: string,
): { config: LintConfig | null; path: string | null } {
  const start = path.resolve(file === '-' ? '.' : path.dirname(file));
  if (start.length > MAX_PATH) return { config: null, path: null };
  const stop = root !== undefined && isInside(start, path.resolve(root)) ? path.resolve(root) : undefined;
  const key = `${stop ?? ''}\u0000${start}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let dir = start;
  let found: { config: LintConfig | null; path: string | null } = { config: null, path: null };
  for (;;) {
    const candidate = path.join(dir, '.wikitext-lint.json');
    if (fs.existsSync(candidate)) {
      found = { config: load(candidate), path: candidate };
      break;
    }
    if (stop !== undefined ? dir === stop : fs.existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, found);
  return found;
}

function isInside(dir: string, root: string): boolean {
  const rel = path.relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
