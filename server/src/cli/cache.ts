/**
 * `--cache`: results of files unchanged since the last run, keyed by the file's content hash and a hash of
 * everything that decides its findings (version, effective configuration, --today, options). A cache that cannot
 * be read or is of another version is ignored, never an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { FileResult } from './processFile';

export const DEFAULT_CACHE_LOCATION = '.wikitext-lint-cache';

/** One cached file. */
export interface CacheEntry {
  hash: string;
  config: string;
  result: FileResult;
}

interface CacheFile {
  version: 1;
  files: Record<string, CacheEntry>;
}

/** A short content hash. */
export function contentHash(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

/** The cache, by absolute path. */
export class ResultCache {
  private files: Record<string, CacheEntry> = {};
  private changed = false;
  constructor(private file: string) {
    try {
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (raw && raw.version === 1 && raw.files && typeof raw.files === 'object') this.files = raw.files;
    } catch {
      /* no cache yet, or unreadable: start empty */
    }
  }
  get(file: string): CacheEntry | undefined {
    return this.files[path.resolve(file)];
  }
  /** Stores a result that was linted afresh (cached ones, errors and stdin are not stored). */
  record(file: string, r: FileResult): void {
    if (!r.cacheKey || r.cached || r.error || file === '-') return;
    const { cacheKey, ...result } = r;
    this.files[path.resolve(file)] = { hash: cacheKey.hash, config: cacheKey.config, result };
    this.changed = true;
  }
  save(): void {
    if (!this.changed) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ version: 1, files: this.files } satisfies CacheFile));
    fs.renameSync(tmp, this.file);
  }
}
