import type { JobHandler } from '../../../platform/jobs/runner.js';
import type { Audience } from '../content.js';
import type { Db } from '../repository.js';
import { EXPORT_CONTENT_TYPES, type ExportFormat, type ExportLanguages, exportFileName } from './content.js';
import { renderFaqHtml } from './html.js';
import { renderFaqPdfOffThread } from './pdf-thread.js';
import { loadFaqExport } from './source.js';

/** The job kind of an FAQ export. */
export const EXPORT_JOB = 'knowledge.export';

/** What someone asked to export (the job's payload). */
export type ExportRequest = {
  asOf: string;
  languages: ExportLanguages;
  format: ExportFormat;
  audience: Audience;
};

/** What a finished export says about its file (the job's result). */
export type ExportSummary = {
  fileName: string;
  contentType: string;
  bytes: number;
  pages: number | null;
  entries: number;
};

export type ExportPhase = 'load' | 'layout' | 'render';
export type ExportProgress = (done: number, total: number, phase: ExportPhase) => Promise<void> | void;

/**
 * Makes an export: reads the FAQ as of the day, then lays it out and writes the file. Progress runs
 * over twice the entries for a PDF (laid out, then drawn), once for HTML. The web (as a job) and
 * the CLI (in its own process) both run this.
 */
export async function produceExport(
  db: Db,
  request: ExportRequest,
  options: { onProgress?: ExportProgress; signal?: AbortSignal } = {},
): Promise<{ content: Buffer; summary: ExportSummary }> {
  await options.onProgress?.(0, 1, 'load');
  const faq = await loadFaqExport(db, request);
  const entries = Math.max(faq.entryCount, 1);
  let content: Buffer;
  let pages: number | null = null;
  if (request.format === 'pdf') {
    const pdf = await renderFaqPdfOffThread(faq, {
      ...(options.signal && { signal: options.signal }),
      onProgress: (phase, done) =>
        options.onProgress?.(phase === 'layout' ? done : entries + done, 2 * entries, phase),
    });
    content = pdf.content;
    pages = pdf.pages;
  } else {
    const html = await renderFaqHtml(faq, {
      ...(options.signal && { signal: options.signal }),
      onProgress: (done) => options.onProgress?.(done, entries, 'render'),
    });
    content = Buffer.from(html, 'utf8');
  }
  const total = request.format === 'pdf' ? 2 * entries : entries;
  await options.onProgress?.(total, total, 'render');
  return {
    content,
    summary: {
      fileName: exportFileName(request),
      contentType: EXPORT_CONTENT_TYPES[request.format],
      bytes: content.byteLength,
      pages,
      entries: faq.entryCount,
    },
  };
}

/** The export as a background job: its file is kept with the job, for whichever instance serves it. */
export function exportJobHandler(db: Db): JobHandler<ExportRequest> {
  return async (job) => {
    const { content, summary } = await produceExport(db, job.payload, {
      signal: job.signal,
      onProgress: (done, total, phase) => job.reportProgress(done, total, phase),
    });
    return {
      result: summary,
      file: { name: summary.fileName, contentType: summary.contentType, content },
    };
  };
}
