/**
 * Word documents are converted on a thread of their own, one at a time, bounded in time and
 * memory: mammoth and the HTML parser work synchronously, about 2–4 s per unpacked megabyte on
 * this machine, so a large (or hostile) document converted on the main thread would stop every
 * page, socket and editor of the process meanwhile. A conversion that runs past `timeoutMs` or
 * past the thread's heap ends the thread and is refused ('too-long'); the next starts a new one.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkWordPackage, WordFileRefused, type WordFileRefusal } from './docx-package.ts';
import type { ImportedWordDocument } from './word-import.ts';

export const conversionTimeoutMs = 20_000;
const heapMb = 512;
// From the project's root: the route that calls this is bundled elsewhere by the build.
const entry = path.resolve('domain/papers/word-import-worker.mjs');

type Answer = { id: number; imported?: ImportedWordDocument; refused?: WordFileRefusal };

let thread: { worker: Worker; ready: Promise<void> } | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

function startThread() {
  // No options of the process (its --import of tsx or of a reporter): the entry registers what it needs.
  const worker = new Worker(entry, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  // Idle, it must not keep the process alive (tests, shutdown).
  worker.unref();
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: { ready?: boolean }) => {
      if (!message.ready) return;
      worker.off('message', onMessage);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the conversion thread ended')));
  });
  ready.catch(() => {});
  worker.once('exit', () => {
    if (thread?.worker === worker) thread = null;
  });
  return { worker, ready };
}

/**
 * Starts the thread ahead of the first import (loading mammoth and the schema there takes a
 * second or more): the page of a draft calls it for those who may import. Does nothing when it runs.
 */
export function warmConversionThread(): void {
  thread ??= startThread();
}

/** Why: the one way routes convert a Word document; throws `WordFileRefused`, never hangs the process. */
export async function convertWordDocumentApart(file: Uint8Array, options: { notesHeading: string }, timeoutMs = conversionTimeoutMs): Promise<ImportedWordDocument> {
  // A file that is no sound package is refused here at once (bounded work), without the thread.
  checkWordPackage(file);
  const run = queue.then(() => convertOne(file, options, timeoutMs));
  queue = run.catch(() => {});
  return run;
}

async function convertOne(file: Uint8Array, options: { notesHeading: string }, timeoutMs: number): Promise<ImportedWordDocument> {
  thread ??= startThread();
  const { worker, ready } = thread;
  const id = ++nextId;
  const answer = await new Promise<Answer | 'too-long' | 'failed'>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (value: Answer | 'too-long' | 'failed') => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      resolve(value);
    };
    const onMessage = (message: Answer) => message.id === id && done(message);
    // Out of memory ends the thread: the document was too much for it.
    const onExit = () => done('too-long');
    worker.on('message', onMessage);
    worker.once('exit', onExit);
    worker.ref();
    ready.then(() => {
      // The bound counts the conversion, not the thread's start (loading its modules).
      timer = setTimeout(() => done('too-long'), timeoutMs);
      worker.postMessage({ id, file, options });
    }, () => done('failed'));
  });
  worker.unref();
  if (answer === 'too-long') {
    await worker.terminate();
    throw new WordFileRefused('too-long');
  }
  if (answer === 'failed') throw new Error('the conversion thread did not start');
  if (answer.refused) throw new WordFileRefused(answer.refused);
  return answer.imported!;
}
