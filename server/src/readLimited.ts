/**
 * Reading a file that a workspace (anyone) provides: it must be a regular file, and it is read up to a cap.
 * A `.wikitext-lint.json` that is a symbolic link to `/dev/zero` read until memory ran out; a FIFO or a link
 * to `/dev/stdin` blocked forever. The file is opened without blocking, checked with fstat on the open
 * descriptor (so it cannot be swapped between the check and the read), and read at most `cap` bytes.
 */
import * as fs from 'node:fs';

/** Size caps: configuration files are small; articles are at most a few MB (the largest is about 1 MB). */
export const CONFIG_SIZE_CAP = 4 * 1024 * 1024;
export const INPUT_SIZE_CAP = 64 * 1024 * 1024;

/** A file refused for what it is (not for an I/O error): the message says why. */
export class RefusedFile extends Error {}

/** Reads a regular file whole, refusing anything else (device, FIFO, socket, directory) and files over `cap` bytes. */
export function readRegularFile(file: string, cap: number): { data: Buffer; stat: fs.Stats } {
  // stat first (it never blocks, and opening some devices fails or waits), then fstat what was opened
  const before = fs.statSync(file);
  if (before.isDirectory()) throw new RefusedFile('is a directory');
  if (!before.isFile()) throw new RefusedFile(`not a regular file (${kind(before)}): refused`);
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new RefusedFile('is a directory');
    if (!stat.isFile()) throw new RefusedFile(`not a regular file (${kind(stat)}): refused`);
    if (stat.size > cap) throw new RefusedFile(`too large (${stat.size} bytes; the limit is ${cap})`);
    // The size may change while reading: read at most cap + 1 bytes, and refuse when there were more.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(stat.size - total, 0) + 1, cap + 1 - total, 1 << 20) || 1);
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > cap) throw new RefusedFile(`too large (over ${cap} bytes)`);
    }
    return { data: Buffer.concat(chunks, total), stat };
  } finally {
    fs.closeSync(fd);
  }
}

function kind(st: fs.Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}
