/**
 * The CLI's file handling: finding files from paths, directories and globs; reading them with clear
 * errors (missing, unreadable, binary, not UTF-8); configuration lookup; atomic writes that keep the
 * file's BOM and line endings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from '../configFiles';

// Configuration lookup is shared with the server: it lives in ../configFiles.ts.
export { clearConfigCache, describeFsError, findConfigFor, loadConfigFile } from '../configFiles';
import { isUtf8 } from 'node:buffer';
import type { IgnoreRules } from './ignore';
import { readRegularFile, INPUT_SIZE_CAP } from '../readLimited';
import { TEMPORARY_NAME, replaceThroughTemporary, type ReadSnapshot } from './safeWrite';

/** Extensions linted when a directory is given. */
export const WIKITEXT_EXTENSIONS = ['.wiki', '.wikitext', '.mediawiki', '.mw'];

/** A file the CLI could not use, with the reason. */
export interface FileProblem {
  path: string;
  message: string;
}

/** Expands paths, directories and globs to files, in a stable order; problems are returned, not thrown. */
export function expandPaths(inputs: string[], ignored?: IgnoreRules): { files: string[]; problems: FileProblem[]; ignoredFiles: string[] } {
  const ignoredFiles: string[] = [];
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
      for (const f of matched) if (!ignored?.isIgnoredInWalk(f, false, '.')) add(f);
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
      walkDirectory(input, new Set(), add, problems, ignored && ((p, isDir) => ignored.isIgnoredInWalk(p, isDir, input)));
      if (files.length === before) problems.push({ path: input, message: `no ${WIKITEXT_EXTENSIONS.join(', ')} files in this directory` });
    } else if (ignored?.isIgnoredExplicitly(input)) ignoredFiles.push(input);
    else add(input);
  }
  return { files, problems, ignoredFiles };
}

function walkDirectory(dir: string, visited: Set<string>, add: (f: string) => void, problems: FileProblem[], skip?: (p: string, isDir: boolean) => boolean): void {
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
    if (e.name === 'node_modules' || e.name === '.git' || TEMPORARY_NAME.test(e.name)) continue;
    const p = path.join(dir, e.name);
    // Symbolic links inside a walked directory are not followed: linting (and above all --fix) must stay
    // inside the paths it was given. A link named on the command line is the user's explicit choice.
    if (e.isSymbolicLink()) continue;
    const isDir = e.isDirectory();
    const isFile = e.isFile();
    if (isDir) {
      if (!skip?.(p, true)) walkDirectory(p, visited, add, problems, skip);
    } else if (isFile && WIKITEXT_EXTENSIONS.includes(path.extname(e.name).toLowerCase()) && !skip?.(p, false)) add(p);
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
      // like directory walks, `**` never follows a symbolic link: it could lead out of the tree
      for (const e of entries) if (e.isDirectory()) match(path.join(dir, e.name), k);
      return;
    }
    const re = new RegExp('^' + seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
    for (const e of entries) {
      if (!re.test(e.name)) continue;
      // links below the literal base are not followed (the tree must not be left); nor are our temporary files matched
      if (e.isSymbolicLink() || TEMPORARY_NAME.test(e.name)) continue;
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
  /** Set when the file was UTF-16 (with a BOM); absent for UTF-8. */
  encoding?: 'utf-16le' | 'utf-16be';
  /** The bytes and identity read (files only, not standard input): --fix writes only if the file still holds them. */
  source?: ReadSnapshot;
}

/** Reads a file (or standard input for `-`) as UTF-8 wikitext; throws an Error whose message says why not. */
export function readWikitext(file: string): WikitextFile {
  let buf: Buffer;
  let source: ReadSnapshot | undefined;
  if (file === '-') {
    buf = fs.readFileSync(0);
  } else {
    // a regular file only, read up to a cap (a device or FIFO named by a glob or a link must not hang the run)
    source = readRegularFile(file, INPUT_SIZE_CAP);
    buf = source.data;
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return { ...decodeUtf16(buf), ...(source ? { source } : {}) };
  // The whole file, not its first 8 KB: wikitext never holds a NUL, and a file is binary or not wherever its NUL is.
  if (buf.includes(0)) throw new Error('binary file (contains NUL bytes), not wikitext');
  // isUtf8 validates in native code; a fatal TextDecoder took a tenth of the CLI's time on the corpus
  if (!isUtf8(buf)) throw new Error(`not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(buf)})`);
  const text = buf.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, ...(source ? { source } : {}) };
}

/** A UTF-16 file with its byte order mark (LE or BE): decoded; written back as UTF-8 by --fix. */
function decodeUtf16(buf: Buffer): WikitextFile {
  const le = buf[0] === 0xff;
  if (buf.length % 2) throw new Error(`UTF-16 ${le ? 'LE' : 'BE'} file with an odd number of bytes: convert it to UTF-8`);
  let text: string;
  try {
    text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(buf.subarray(2));
  } catch {
    throw new Error(`not valid UTF-16 ${le ? 'LE' : 'BE'}: convert it to UTF-8`);
  }
  return { text, bom: false, encoding: le ? 'utf-16le' : 'utf-16be' };
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

/** The bytes of a file: UTF-8 (with its BOM if it had one), or UTF-16 with its BOM as it was read. */
export function encodeWikitext(content: WikitextFile): Buffer {
  if (!content.encoding) return Buffer.from((content.bom ? '\ufeff' : '') + content.text, 'utf8');
  const le = Buffer.from('\ufeff' + content.text, 'utf16le');
  return content.encoding === 'utf-16le' ? le : le.swap16();
}

/**
 * Writes a file atomically: a temporary file beside it, then a rename, keeping its mode.
 * On any failure the original file is untouched and the temporary file removed.
 */
export function writeWikitextAtomic(file: string, content: WikitextFile): void {
  const data = encodeWikitext(content);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    mode = undefined;
  }
  replaceThroughTemporary(file, (tmp) => {
    fs.writeFileSync(tmp, data, { mode });
    const check = fs.readFileSync(tmp);
    if (!check.equals(data)) throw new Error('the written text does not read back the same');
  });
}
