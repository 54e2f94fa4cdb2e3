import { setImmediate as nextTurn } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { toWinAnsi } from '../../platform/exports/win-ansi.js';

// Asset labels: an A4 sheet of 3 × 8 labels to cut apart and stick on the units, each with the
// QR code of the asset's page, its tag, type and model.

export type AssetLabel = { tag: string; type: string; model: string; url: string };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 24;
const HEADER = 18;
const COLUMNS = 3;
const ROWS = 8;
export const LABELS_PER_PAGE = COLUMNS * ROWS;
const QUIET_MODULES = 4;

/** The asset's page in the app, which the QR code opens. */
export const assetUrl = (publicUrl: string, tag: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/equipment/assets/${encodeURIComponent(tag)}`;

type Box = { x: number; y: number; size: number };

/** The QR code as vector squares, one run of dark modules a rectangle, filled as one path. */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, box: Box): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const unit = box.size / (modules.size + 2 * QUIET_MODULES);
  const left = box.x + QUIET_MODULES * unit;
  const top = box.y + QUIET_MODULES * unit;
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(left + start * unit, top + row * unit, (col - start) * unit + 0.05, unit + 0.05);
    }
  }
  doc.fillColor('#000000').fill();
  doc.link(box.x, box.y, box.size, box.size, text);
}

/** The labels as an A4 PDF and its number of pages (one empty page says there was nothing to print). */
export async function renderAssetLabels(
  labels: readonly AssetLabel[],
  options: { title: string; generatedAt: Date },
): Promise<{ content: Buffer; pages: number }> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    lang: 'fr-BE',
    displayTitle: true,
    info: {
      Title: toWinAnsi(options.title),
      Author: 'Relais',
      Creator: 'Relais',
      CreationDate: options.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const pages = Math.max(1, Math.ceil(labels.length / LABELS_PER_PAGE));
  const width = (A4.width - 2 * MARGIN) / COLUMNS;
  const height = (A4.height - 2 * MARGIN - HEADER) / ROWS;
  for (let page = 0; page < pages; page++) {
    if (page > 0) await nextTurn();
    doc.addPage({ size: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#444444')
      .text(toWinAnsi(`${options.title} – ${page + 1} / ${pages}`), MARGIN, MARGIN, {
        width: A4.width - 2 * MARGIN,
        lineBreak: false,
      });
    const onPage = labels.slice(page * LABELS_PER_PAGE, (page + 1) * LABELS_PER_PAGE);
    onPage.forEach((label, i) => {
      const x = MARGIN + (i % COLUMNS) * width;
      const y = MARGIN + HEADER + Math.floor(i / COLUMNS) * height;
      doc
        .save()
        .rect(x, y, width, height)
        .lineWidth(0.5)
        .dash(3, { space: 3 })
        .strokeColor('#999999')
        .stroke()
        .restore();
      const qr = height - 8;
      drawQrCode(doc, label.url, { x: x + 4, y: y + 4, size: qr });
      const textX = x + qr + 8;
      const textWidth = width - qr - 12;
      const line = (text: string, font: string, size: number, dy: number) =>
        doc
          .font(font)
          .fontSize(size)
          .fillColor('#000000')
          .text(toWinAnsi(text), textX, y + dy, { width: textWidth, lineBreak: false, ellipsis: true });
      line(label.tag, 'Helvetica-Bold', 11, 18);
      line(label.type, 'Helvetica', 8.5, 36);
      line(label.model, 'Helvetica', 8.5, 50);
    });
  }
  doc.end();
  await ended;
  return { content: Buffer.concat(chunks), pages };
}
