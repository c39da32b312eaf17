/**
 * Which files the CLI skips: `.wikitext-lintignore` in the current folder and `--ignore-pattern` (both
 * gitignore syntax, applied to every file, as ESLint does), and `.gitignore` files in walked directories
 * (and in the current folder), as markdownlint-cli2 and ESLint's flat config do. `--no-ignore` turns all off.
 * Matching uses the `ignore` package (the gitignore rules git itself documents).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const IGNORE_FILE = '.wikitext-lintignore';

function readLines(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Paths relative to a base folder, with forward slashes; null when outside it. */
function relativeTo(base: string, p: string): string | null {
  const rel = path.relative(base, path.resolve(p));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

export class IgnoreRules {
  private explicit: Ignore | null = null;
  /** folder -> its .gitignore (null: none) */
  private gitignores = new Map<string, Ignore | null>();
  constructor(private cwd: string, private enabled: boolean, patterns: string[] = []) {
    if (!enabled) return;
    const own = readLines(path.join(cwd, IGNORE_FILE));
    if (own !== null || patterns.length) {
      this.explicit = ignore();
      if (own !== null) this.explicit.add(own);
      this.explicit.add(patterns);
    }
  }

  /** Ignored by `.wikitext-lintignore` or `--ignore-pattern` (checked for every file, named ones too). */
  isIgnoredExplicitly(p: string, isDir = false): boolean {
    if (!this.explicit || p === '-') return false;
    const rel = relativeTo(this.cwd, p);
    return rel !== null && this.explicit.ignores(isDir ? rel + '/' : rel);
  }

  private gitignoreOf(dir: string): Ignore | null {
    const key = path.resolve(dir);
    if (!this.gitignores.has(key)) {
      const text = readLines(path.join(key, '.gitignore'));
      this.gitignores.set(key, text === null ? null : ignore().add(text));
    }
    return this.gitignores.get(key)!;
  }

  /**
   * Ignored in a directory walk or glob: explicitly, or by a `.gitignore` in the current folder or in a
   * folder between `root` (the walked directory) and the file.
   */
  isIgnoredInWalk(p: string, isDir: boolean, root: string): boolean {
    if (!this.enabled) return false;
    if (this.isIgnoredExplicitly(p, isDir)) return true;
    const abs = path.resolve(p);
    const dirs = new Set<string>([this.cwd]);
    for (let d = path.dirname(abs), stop = path.resolve(root); ; d = path.dirname(d)) {
      dirs.add(d);
      if (d === stop || path.dirname(d) === d || relativeTo(stop, d) === null) break;
    }
    for (const d of dirs) {
      const ig = this.gitignoreOf(d);
      if (!ig) continue;
      const rel = relativeTo(d, abs);
      if (rel !== null && ig.ignores(isDir ? rel + '/' : rel)) return true;
    }
    return false;
  }
}
