/** Worker thread of the CLI: processes batches of files and posts back plain results. */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile, ProcessOptions } from './processFile';

const options = (workerData as { options: ProcessOptions }).options;
parentPort?.on('message', (msg: { batch: { index: number; file: string }[] }) => {
  const results = msg.batch.map(({ index, file }) => ({ index, result: processFile(file, options) }));
  parentPort!.postMessage({ results });
});
