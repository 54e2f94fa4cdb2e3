import { parentPort } from 'node:worker_threads';
import type { FaqExport } from './content.js';
import { renderFaqPdf } from './pdf.js';

/** What the PDF thread says back: progress, then the file (its bytes transferred, not copied) or why not. */
export type PdfWorkerMessage =
  | { type: 'progress'; phase: 'layout' | 'render'; done: number; total: number }
  | { type: 'done'; content: ArrayBuffer; pages: number }
  | { type: 'failed'; message: string };

// The entry of the thread that lays out and draws an export's PDF (see export-pdf-thread.ts): its
// work and its garbage collection pauses stay off the thread that answers requests.
parentPort?.once('message', async (faq: FaqExport) => {
  const post = (message: PdfWorkerMessage, transfer: ArrayBuffer[] = []) =>
    parentPort!.postMessage(message, transfer);
  try {
    const pdf = await renderFaqPdf(faq, {
      onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
    });
    // A fresh buffer of its own: a small Buffer may be a view on Node's shared pool, which must not move.
    const content = new Uint8Array(pdf.content.byteLength);
    content.set(pdf.content);
    post({ type: 'done', content: content.buffer, pages: pdf.pages }, [content.buffer]);
  } catch (error) {
    post({
      type: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
