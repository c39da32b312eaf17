/**
 * `--baseline FILE` / `--update-baseline`: adopt the linter on existing articles without editing them. The file
 * records, per file (relative to the baseline's folder) and rule, how many findings had each fingerprint (the
 * rule and the citation's text, not its position). Those are not reported again; anything beyond the recorded
 * count, or with a new fingerprint, is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileResult } from './processFile';

interface BaselineFile {
  version: 1;
  /** file -> rule -> fingerprint -> count */
  files: Record<string, Record<string, Record<string, number>>>;
}

export class Baseline {
  private data: BaselineFile = { version: 1, files: {} };
  private dir: string;
  /** Findings left out so far. */
  suppressed = 0;
  constructor(private file: string) {
    this.dir = path.dirname(path.resolve(file));
  }

  /** Reads the baseline; throws an Error naming the file when it exists but is not a baseline. */
  load(): void {
    let raw: string;
    try {
      raw = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${this.file}: no such baseline file (write one with --update-baseline)`);
      throw new Error(`${this.file}: cannot read the baseline: ${(e as Error).message}`);
    }
    let json: BaselineFile;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      throw new Error(`${this.file}: not a baseline file (invalid JSON: ${(e as Error).message})`);
    }
    if (!json || json.version !== 1 || typeof json.files !== 'object') throw new Error(`${this.file}: not a wikitext-lint baseline (version 1)`);
    this.data = json;
  }

  private key(p: string): string {
    return p === '-' ? '-' : path.relative(this.dir, path.resolve(p)).split(path.sep).join('/');
  }

  /** Removes from the result the findings the baseline records (each recorded one matches once). */
  filter(r: FileResult): void {
    const byRule = this.data.files[this.key(r.path)];
    if (!byRule || !r.diagnostics.length) return;
    const left = new Map<string, number>();
    const before = r.diagnostics.length;
    r.diagnostics = r.diagnostics.filter((d) => {
      if (!d.fingerprint) return true;
      const k = d.rule + '\0' + d.fingerprint;
      const n = left.has(k) ? left.get(k)! : byRule[d.rule]?.[d.fingerprint] ?? 0;
      if (n > 0) {
        left.set(k, n - 1);
        return false;
      }
      return true;
    });
    this.suppressed += before - r.diagnostics.length;
  }

  /** Records a file's findings (for --update-baseline). */
  add(r: FileResult): void {
    if (!r.diagnostics.length) return;
    const byRule: Record<string, Record<string, number>> = (this.data.files[this.key(r.path)] = {});
    for (const d of r.diagnostics) {
      if (!d.fingerprint) continue;
      const m = (byRule[d.rule] ??= {});
      m[d.fingerprint] = (m[d.fingerprint] ?? 0) + 1;
    }
  }

  /** How many findings are recorded. */
  get size(): number {
    let n = 0;
    for (const byRule of Object.values(this.data.files)) for (const m of Object.values(byRule)) for (const c of Object.values(m)) n += c;
    return n;
  }

  save(): void {
    const sorted: BaselineFile = { version: 1, files: {} };
    for (const k of Object.keys(this.data.files).sort()) sorted.files[k] = this.data.files[k];
    fs.writeFileSync(this.file, JSON.stringify(sorted, null, 1) + '\n');
  }
}
