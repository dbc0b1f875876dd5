/**
 * The thread that converts Word documents (started by word-import-thread.ts). Plain JavaScript
 * because it is the thread's entry: it registers tsx, the loader of the TypeScript it then runs,
 * and answers each `{ id, file, options }` with `{ id, imported }` or `{ id, refused }`.
 */
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { convertWordDocument, WordFileRefused } = await import('./word-import.ts');

parentPort.on('message', async ({ id, file, options }) => {
  try {
    parentPort.postMessage({ id, imported: await convertWordDocument(file, options) });
  } catch (error) {
    parentPort.postMessage({ id, refused: error instanceof WordFileRefused ? error.reason : 'corrupt' });
  }
});
parentPort.postMessage({ ready: true });
