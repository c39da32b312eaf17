/**
 * The CLI's file handling: finding files from paths, directories and globs; reading them with clear
 * errors (missing, unreadable, binary, not UTF-8); configuration lookup; atomic writes that keep the
 * file's BOM and line endings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from '../configFiles';

// Configuration lookup is shared with the server: it lives in ../configFiles.ts.
export { describeFsError, findConfigFor, loadConfigFile } from '../configFiles';

/** Extensions linted when a directory is given. */
export const WIKITEXT_EXTENSIONS = ['.wiki', '.wikitext', '.mediawiki'];

/** A file the CLI could not use, with the reason. */
export interface FileProblem {
  path: string;
  message: string;
}

/** Expands paths, directories and globs to files, in a stable order; problems are returned, not thrown. */
export function expandPaths(inputs: string[]): { files: string[]; problems: FileProblem[] } {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const key = path.resolve(f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const input of inputs) {
    if (input === '-') {
      add('-');
      continue;
    }
    if (/[*?[]/.test(input) && !fs.existsSync(input)) {
      const matched = expandGlob(input);
      if (!matched.length) problems.push({ path: input, message: 'no files match this pattern' });
      matched.forEach(add);
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch (e) {
      problems.push({ path: input, message: describeFsError(e) });
      continue;
    }
    if (st.isDirectory()) {
      const before = files.length;
      walkDirectory(input, new Set(), add, problems);
      if (files.length === before) problems.push({ path: input, message: `no ${WIKITEXT_EXTENSIONS.join(', ')} files in this directory` });
    } else add(input);
  }
  return { files, problems };
}

function walkDirectory(dir: string, visited: Set<string>, add: (f: string) => void, problems: FileProblem[]): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (e) {
    problems.push({ path: dir, message: describeFsError(e) });
    return;
  }
  if (visited.has(real)) return; // symlink loop
  visited.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: dir, message: describeFsError(e) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const p = path.join(dir, e.name);
    // Symbolic links inside a walked directory are not followed: linting (and above all --fix) must stay
    // inside the paths it was given. A link named on the command line is the user's explicit choice.
    if (e.isSymbolicLink()) continue;
    const isDir = e.isDirectory();
    const isFile = e.isFile();
    if (isDir) walkDirectory(p, visited, add, problems);
    else if (isFile && WIKITEXT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) add(p);
  }
}

/** Expands `*`, `?` and `**` in a path pattern. */
export function expandGlob(pattern: string): string[] {
  const parts = pattern.split(/[\\/]/);
  let baseParts: string[] = [];
  let i = 0;
  for (; i < parts.length && !/[*?[]/.test(parts[i]); i++) baseParts.push(parts[i]);
  const base = baseParts.length ? baseParts.join('/') || '/' : '.';
  const rest = parts.slice(i);
  const out: string[] = [];
  const visited = new Set<string>();
  const match = (dir: string, k: number) => {
    if (k === rest.length) {
      out.push(dir);
      return;
    }
    let real: string;
    try {
      real = fs.realpathSync(dir) + '#' + k;
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    const seg = rest[k];
    if (seg === '**') {
      match(dir, k + 1);
      for (const e of entries) if (isDirectoryEntry(dir, e)) match(path.join(dir, e.name), k);
      return;
    }
    const re = new RegExp('^' + seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
    for (const e of entries) {
      if (!re.test(e.name)) continue;
      const p = path.join(dir, e.name);
      if (k + 1 === rest.length) {
        if (!isDirectoryEntry(dir, e)) out.push(p);
      } else if (isDirectoryEntry(dir, e)) match(p, k + 1);
    }
  };
  match(base, 0);
  return out.map((p) => (pattern.startsWith('./') && !p.startsWith('./') ? './' + p : p));
}

function isDirectoryEntry(dir: string, e: fs.Dirent): boolean {
  if (e.isDirectory()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    return fs.statSync(path.join(dir, e.name)).isDirectory();
  } catch {
    return false;
  }
}

/** A file's text with what must be restored on write. */
export interface WikitextFile {
  text: string;
  bom: boolean;
}

/** Reads a file (or standard input for `-`) as UTF-8 wikitext; throws an Error whose message says why not. */
export function readWikitext(file: string): WikitextFile {
  let buf: Buffer;
  if (file === '-') {
    buf = fs.readFileSync(0);
  } else {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new Error('is a directory');
    buf = fs.readFileSync(file);
  }
  const sample = buf.subarray(0, 8192);
  if (sample.includes(0)) throw new Error('binary file (contains NUL bytes), not wikitext');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    throw new Error(`not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(buf)})`);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

function firstInvalidUtf8(buf: Buffer): number {
  for (let i = 0; i < buf.length; i++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, i + 1));
    } catch {
      // an incomplete sequence at the end is not yet an error: look for a definite one
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, Math.min(buf.length, i + 4)));
      } catch {
        return i;
      }
    }
    if (i > 1_000_000) break;
  }
  return -1;
}

/**
 * Writes a file atomically: a temporary file beside it, then a rename, keeping its mode.
 * On any failure the original file is untouched and the temporary file removed.
 */
export function writeWikitextAtomic(file: string, content: WikitextFile): void {
  const data = (content.bom ? '\ufeff' : '') + content.text;
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    mode = undefined;
  }
  try {
    fs.writeFileSync(tmp, data, { encoding: 'utf8', mode });
    const check = fs.readFileSync(tmp, 'utf8');
    if (check !== data) throw new Error('the written text does not read back the same');
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}
