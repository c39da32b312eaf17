/**
 * Writing a fixed file without losing anyone's text and without writing where we should not:
 * - the file must still hold what was read (same bytes, same inode): an editor or another tool that saved it
 *   meanwhile wins, and the file is skipped with a message;
 * - a read-only file is never changed; a file with several hard links is written in place (replacing it
 *   would split it from its other names); anything but a regular file is refused;
 * - the replacement keeps the file's mode (not the umask's) and, where permitted, its owner and group;
 * - the temporary file is `.name.PID.TIME.tmp` beside it; leftovers of a killed run (a PID no longer alive)
 *   are removed by the next write of the same file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFile } from '../readLimited';

/** What was read: the bytes and the file's identity at that time. */
export interface ReadSnapshot {
  data: Buffer;
  stat: fs.Stats;
}

/** A write we decline: the message says why, and the file is unchanged. */
export class WriteRefused extends Error {}

/** Replaces `file` by `data` if it still holds `before`; throws WriteRefused (file untouched) or an I/O error. */
export function writeFixedFile(file: string, before: ReadSnapshot, data: string, readCap: number): void {
  const st = fs.lstatSync(file);
  if (st.isSymbolicLink()) throw new WriteRefused('is a symbolic link: not fixed (fix the file it points to)');
  if (!st.isFile()) throw new WriteRefused('not a regular file: not fixed');
  if (isReadOnly(file, st)) throw new WriteRefused('is read-only: not fixed');
  removeStaleTemporaries(file);
  if (st.nlink > 1) {
    writeInPlace(file, before, data);
    return;
  }
  const mode = st.mode & 0o7777;
  replaceThroughTemporary(file, (tmp) => {
    fs.writeFileSync(tmp, data, { encoding: 'utf8', mode, flag: 'wx' });
    fs.chmodSync(tmp, mode); // the umask narrowed the mode given at creation
    keepOwner(tmp, st);
    if (fs.readFileSync(tmp, 'utf8') !== data) throw new Error('the written text does not read back the same');
    // as late as possible: the file must still be the one, with the content, that was read
    assertUnchanged(file, before, readCap);
  });
}

/**
 * The one way this CLI replaces a file: `fill` writes (and checks) the temporary file `.name.PID.TIME.tmp`
 * beside it, which is then renamed over `file`. On any failure the temporary file is removed, `file` is
 * untouched and the error is thrown.
 */
export function replaceThroughTemporary(file: string, fill: (tmp: string) => void): void {
  const tmp = path.join(path.dirname(file), temporaryName(path.basename(file), process.pid, Date.now()));
  try {
    fill(tmp);
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

/** The name of the temporary file for `base`, and the pattern that recognises ours (for cleaning up and for walks). */
export function temporaryName(base: string, pid: number, time: number): string {
  return `.${base}.${pid}.${time}.tmp`;
}
export const TEMPORARY_NAME = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/;

function isReadOnly(file: string, st: fs.Stats): boolean {
  // no write bit at all: read-only even for root (who passes access checks)
  if ((st.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function assertUnchanged(file: string, before: ReadSnapshot, readCap: number): void {
  let now: ReadSnapshot;
  try {
    now = readRegularFile(file, readCap);
  } catch {
    throw new WriteRefused('changed on disk while it was being fixed: not written (run again)');
  }
  const same = now.stat.ino === before.stat.ino && now.stat.dev === before.stat.dev && now.data.equals(before.data);
  if (!same) throw new WriteRefused('changed on disk while it was being fixed: not written, the other change is kept (run again)');
}

function keepOwner(tmp: string, st: fs.Stats): void {
  const uid = process.getuid?.(), gid = process.getgid?.();
  if (uid === undefined || (st.uid === uid && st.gid === gid)) return;
  try {
    fs.chownSync(tmp, st.uid, st.gid);
  } catch {
    try {
      fs.chownSync(tmp, uid, st.gid); // a member of the file's group may keep at least the group
    } catch {
      /* not permitted: the file becomes ours, as any editor's save-by-rename does */
    }
  }
}

function writeInPlace(file: string, before: ReadSnapshot, data: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const st = fs.fstatSync(fd);
    const current = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = fs.readSync(fd, current, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    if (st.ino !== before.stat.ino || !current.subarray(0, off).equals(before.data)) {
      throw new WriteRefused('changed on disk while it was being fixed: not written, the other change is kept (run again)');
    }
    const bytes = Buffer.from(data, 'utf8');
    let w = 0;
    while (w < bytes.length) w += fs.writeSync(fd, bytes, w, bytes.length - w, w);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes `.base.PID.TIME.tmp` files beside `file` left by runs that are no longer alive. */
export function removeStaleTemporaries(file: string): void {
  const dir = path.dirname(file), base = path.basename(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMPORARY_NAME.exec(name);
    if (!m || m[1] !== base) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    try {
      if (fs.lstatSync(path.join(dir, name)).isFile()) fs.unlinkSync(path.join(dir, name));
    } catch {
      /* gone, or not ours to remove */
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
