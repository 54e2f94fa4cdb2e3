import PDFDocument from 'pdfkit';
import { breather } from './breather.js';
import type { FaqExport } from './content.js';
import { layoutFaqPdf } from './pdf-layout.js';
import { type FontName, type LaidOutPage, type Measure, PAGE } from './pdf-page.js';
import { ExportWords, numericDay, toWinAnsi } from './text.js';

const FONTS: Record<FontName, string> = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
  mono: 'Courier',
};

/** The PDF of an export and its number of pages. */
export type PdfFile = { content: Buffer; pages: number };

/** Where the work stands: `entries` of `total` laid out, then of `total` drawn. */
export type PdfProgress = (phase: 'layout' | 'render', done: number, total: number) => Promise<void> | void;

/**
 * Draws the laid-out FAQ with pdfkit, page after page: each page is written out (compressed) as soon
 * as the next one starts, and the event loop gets a turn every few milliseconds, so a 400-page
 * export neither holds the server nor keeps every page in memory.
 */
export async function renderFaqPdf(
  faq: FaqExport,
  options: { onProgress?: PdfProgress; signal?: AbortSignal } = {},
): Promise<PdfFile> {
  const words = new ExportWords(faq.languages);
  const title = `${words.t('title')} – ${words.languages
    .map((language) => words.in(language, 'as_of', { date: numericDay(faq.asOf) }))
    .join(' / ')}`;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    // Everything is placed by the layout: no margin may make pdfkit start a page by itself.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    lang: faq.languages === 'nl' ? 'nl-BE' : 'fr-BE',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: toWinAnsi(title),
      Author: 'Relais',
      Creator: 'Relais',
      Subject: toWinAnsi(words.t('title')),
      Keywords: `FAQ, ${faq.asOf}, ${words.languages.join(', ')}, ${faq.audience}`,
      CreationDate: new Date(faq.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const widths = new Map<string, number>();
  const measure: Measure = (text, font, size) => {
    const key = `${font}\u0000${size}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = doc.font(FONTS[font]).fontSize(size).widthOfString(text);
      widths.set(key, width);
    }
    return width;
  };

  const total = Math.max(faq.entryCount, 1);
  const layout = await layoutFaqPdf(faq, measure, {
    ...(options.signal && { signal: options.signal }),
    onProgress: (done) => options.onProgress?.('layout', done, total),
  });
  widths.clear();

  const breathe = breather();
  const pageCount = layout.pages.length;
  const footerLeft = toWinAnsi(`${words.t('title')} · ${numericDay(faq.asOf)}`);
  let themeItem: PDFKit.PDFOutline | null = null;
  for (const [index, page] of layout.pages.entries()) {
    options.signal?.throwIfAborted();
    doc.addPage({ size: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    drawPage(doc, page);
    for (const item of page.outline) {
      if (item.level === 0) themeItem = doc.outline.addItem(item.title);
      else (themeItem ?? doc.outline).addItem(item.title);
    }
    if (index > 0) drawFrame(doc, page, { number: index + 1, count: pageCount, footerLeft, words });
    await options.onProgress?.('render', Math.min(page.entriesDone, total), total);
    await breathe();
  }
  doc.end();
  await ended;
  return { content: Buffer.concat(chunks), pages: pageCount };
}

function drawPage(doc: PDFKit.PDFDocument, page: LaidOutPage): void {
  for (const op of page.ops) {
    if (op.kind === 'anchor') {
      doc.addNamedDestination(
        op.name,
        'XYZ',
        PAGE.marginX,
        PAGE.height - op.y + 4,
        null as unknown as number,
      );
    } else if (op.kind === 'goto') {
      doc.goTo(op.x, op.y, op.width, op.height, op.name);
    } else if (op.kind === 'rule') {
      doc
        .save()
        .moveTo(op.x, op.y)
        .lineTo(op.x + op.width, op.y)
        .lineWidth(op.thickness)
        .strokeColor(op.color)
        .stroke()
        .restore();
    } else {
      doc
        .font(FONTS[op.font])
        .fontSize(op.size)
        .fillColor(op.color ?? '#000000')
        .text(op.text, op.x, op.y, {
          lineBreak: false,
          ...(op.link && { link: op.link }),
        });
    }
  }
}

/** The running head (the theme) and the footer: what the document is, and "page X / Y". */
function drawFrame(
  doc: PDFKit.PDFDocument,
  page: LaidOutPage,
  context: { number: number; count: number; footerLeft: string; words: ExportWords },
): void {
  const right = PAGE.width - PAGE.marginX;
  doc.font(FONTS.regular).fontSize(8).fillColor('#555555');
  if (page.runningHead) {
    doc.text(toWinAnsi(page.runningHead), PAGE.marginX, 30, { lineBreak: false });
  }
  const footerY = PAGE.height - 40;
  doc
    .save()
    .moveTo(PAGE.marginX, footerY - 6)
    .lineTo(right, footerY - 6)
    .lineWidth(0.5)
    .strokeColor('#b0b0b0')
    .stroke()
    .restore();
  doc.font(FONTS.regular).fontSize(8).fillColor('#555555');
  doc.text(context.footerLeft, PAGE.marginX, footerY, { lineBreak: false });
  const label = context.words.pageOf(context.number, context.count);
  doc.text(label, right - doc.widthOfString(label), footerY, { lineBreak: false });
}
