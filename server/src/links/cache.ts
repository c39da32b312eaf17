/** Link results on disk (`<cache dir>/links.json`), so re-checking a page within a day does not hit the same URLs again. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LinkInfo } from '../core/links/types';
import { cacheDir } from '../cacheDir';

const MAX_ENTRIES = 50_000;

export class LinkCache {
  private entries = new Map<string, LinkInfo>();
  private dirty = false;

  constructor(readonly file: string | null) {
    if (!file) return;
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: number; entries?: Record<string, LinkInfo> };
      if (data.version === 1 && data.entries && typeof data.entries === 'object') {
        for (const [k, v] of Object.entries(data.entries)) if (v && typeof v.status === 'string' && typeof v.checkedAt === 'string') this.entries.set(k, v);
      }
    } catch { /* no cache yet, or unreadable: start empty */ }
  }

  /** The default cache file under the user cache directory. */
  static defaultFile(): string {
    return path.join(cacheDir(), 'links.json');
  }

  get(url: string): LinkInfo | undefined {
    return this.entries.get(url);
  }

  set(url: string, info: LinkInfo): void {
    this.entries.delete(url);
    this.entries.set(url, info);
    this.dirty = true;
  }

  /** Writes the cache (atomically, newest entries kept). Errors are returned, never thrown. */
  save(): string | null {
    if (!this.file || !this.dirty) return null;
    try {
      const all = [...this.entries];
      const kept = Object.fromEntries(all.slice(Math.max(0, all.length - MAX_ENTRIES)));
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ version: 1, entries: kept }));
      fs.renameSync(tmp, this.file);
      this.dirty = false;
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }
}
