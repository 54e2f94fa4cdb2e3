import { Worker } from 'node:worker_threads';
import type { FaqExport } from './content.js';
import type { PdfFile, PdfProgress } from './pdf.js';
import type { PdfWorkerMessage } from './pdf-worker.js';

// Built: this code is in dist/relais.mjs and the worker beside it (scripts/build-server.js).
// From the sources (tsx, vitest): the .ts worker, through a bootstrap that registers tsx in the thread.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./pdf-worker-dev.mjs', import.meta.url)
  : new URL('./export-pdf-worker.mjs', import.meta.url);

/**
 * Renders the PDF in a worker thread: laying out and drawing 400 pages is seconds of CPU and a few
 * hundred MB of short-lived objects, whose collection would otherwise pause every request of this
 * instance. The thread ends with the export; an abort ends it at once.
 */
export function renderFaqPdfOffThread(
  faq: FaqExport,
  options: { onProgress?: PdfProgress; signal?: AbortSignal } = {},
): Promise<PdfFile> {
  options.signal?.throwIfAborted();
  return new Promise<PdfFile>((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    let isSettled = false;
    const settle = (outcome: () => void) => {
      if (isSettled) return;
      isSettled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => settle(() => reject(options.signal!.reason));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: PdfWorkerMessage) => {
      if (message.type === 'progress') {
        void Promise.resolve(options.onProgress?.(message.phase, message.done, message.total)).catch(
          () => {},
        );
      } else if (message.type === 'done') {
        settle(() => resolve({ content: Buffer.from(message.content), pages: message.pages }));
      } else {
        settle(() => reject(new Error(`PDF thread failed: ${message.message}`)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`PDF thread exited with code ${code}`))));
    worker.postMessage(faq);
  });
}
