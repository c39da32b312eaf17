/**
 * Where the CLI's report goes (standard output, standard error or --output-file): text is gathered into chunks
 * of about 64 KB and written with back-pressure, so a huge report streams in bounded memory. A reader that goes
 * away (`| head`) ends the run quietly, as other command-line tools do, instead of an EPIPE stack trace.
 */
import * as fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const CHUNK = 64 * 1024;

export interface Sink {
  write(s: string): Promise<void>;
  /** Writes what is buffered and waits until it has left. */
  close(): Promise<void>;
}

/** Ends the process quietly when a pipe's reader has gone. */
export function exitQuietlyOnEpipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** A sink over a writable stream. */
export function streamSink(stream: Writable, end = false): Sink {
  let buf: string[] = [];
  let size = 0;
  let failed: Error | undefined;
  stream.on('error', (e) => {
    failed = e;
  });
  const flush = async () => {
    if (!size) return;
    const chunk = buf.join('');
    buf = [];
    size = 0;
    if (failed) throw failed;
    if (!stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
    }
    if (failed) throw failed;
  };
  return {
    async write(s) {
      buf.push(s);
      size += s.length;
      if (size >= CHUNK) await flush();
    },
    async close() {
      await flush();
      if (end) {
        const done = once(stream, 'finish');
        stream.end();
        await done;
      }
      if (failed) throw failed;
    },
  };
}

/** A sink that writes a file (created or truncated). */
export function fileSink(file: string): Sink {
  return streamSink(fs.createWriteStream(file), true);
}
