/** Worker thread of the CLI: processes batches of files and posts back plain results. */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, ProcessOptions } from './processFile';
import type { CacheEntry } from './cache';

const options = (workerData as { options: ProcessOptions }).options;
parentPort?.on('message', (msg: { batch: { index: number; file: string; cached?: CacheEntry }[] }) => {
  const results = msg.batch.map(({ index, file, cached }) => ({ index, result: processFile(file, options, cached) }));
  parentPort!.postMessage({ results });
});
