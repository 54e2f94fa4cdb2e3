import { setImmediate as nextTurn } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { toWinAnsi } from '../../platform/exports/win-ansi.js';
import type { LocalizedName } from './contract.js';
import { A4, type Box, layoutQrSheet, QR_SHEET } from './qr-sheet-layout.js';

/** What a floor's QR sheet prints: the building and floor, then one label per desk. */
export type QrSheet = {
  building: string;
  floor: LocalizedName;
  desks: { id: string; zone: LocalizedName; url: string }[];
  generatedAt: Date;
};

/**
 * Every desk is in a Brussels building where people read French or Dutch: the sheet speaks both,
 * whatever the facility manager's own language.
 */
export const SCAN_INSTRUCTION = {
  fr: 'Scannez pour vous enregistrer',
  nl: 'Scan om in te checken',
} as const;

/** A quiet zone of four modules around the code, as ISO/IEC 18004 asks, so any reader finds it. */
const QUIET_MODULES = 4;

/**
 * Draws the QR code of `text` into `box` as vector squares (sharp at any print size, a few kB a
 * page), one horizontal run of dark modules per rectangle, filled as one path.
 */
function drawQrCode(doc: PDFKit.PDFDocument, text: string, box: Box): void {
  // M: 15 % of the code may be scratched or stained and it still reads.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const unit = box.width / (modules.size + 2 * QUIET_MODULES);
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
      // A hair wider and taller: no white seams between squares when a viewer anti-aliases.
      doc.rect(left + start * unit, top + row * unit, (col - start) * unit + 0.05, unit + 0.05);
    }
  }
  doc.fillColor('#000000').fill();
  // The code also links to its page, for whoever opens the PDF on a screen.
  doc.link(box.x, box.y, box.width, box.height, text);
}

/** The floor's sheet as an A4 PDF and its number of pages. */
export async function renderQrSheet(sheet: QrSheet): Promise<{ content: Buffer; pages: number }> {
  const floorName = `${sheet.floor.fr} / ${sheet.floor.nl}`;
  const title = toWinAnsi(`${sheet.building} – ${floorName}`);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    lang: 'fr-BE',
    displayTitle: true,
    info: {
      Title: title,
      Author: 'Relais',
      Creator: 'Relais',
      Subject: `QR ${SCAN_INSTRUCTION.fr} / ${SCAN_INSTRUCTION.nl}`,
      CreationDate: sheet.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const pages = layoutQrSheet(sheet.desks.length);
  const textWidth = (frame: Box) => frame.width - 2 * QR_SHEET.padding;
  for (const [number, page] of pages.entries()) {
    // A page is ~50 ms of drawing: other requests get their turn between pages.
    if (number > 0) await nextTurn();
    doc.addPage({ size: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .fillColor('#000000')
      .text(title, QR_SHEET.margin, QR_SHEET.margin, {
        width: A4.width - 2 * QR_SHEET.margin - 60,
        lineBreak: false,
        ellipsis: true,
      });
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#444444')
      .text(`${number + 1} / ${pages.length}`, A4.width - QR_SHEET.margin - 60, QR_SHEET.margin + 3, {
        width: 60,
        align: 'right',
        lineBreak: false,
      });
    for (const label of page.labels) {
      const desk = sheet.desks[label.index]!;
      const { frame } = label;
      // Dashed cut lines: the labels are cut apart and stuck on the desks.
      doc
        .save()
        .rect(frame.x, frame.y, frame.width, frame.height)
        .lineWidth(0.5)
        .dash(3, { space: 3 })
        .strokeColor('#999999')
        .stroke()
        .restore();
      drawQrCode(doc, desk.url, label.qr);
      const x = frame.x + QR_SHEET.padding;
      const width = textWidth(frame);
      const line = (text: string, font: string, size: number, y: number, color = '#000000') =>
        doc
          .font(font)
          .fontSize(size)
          .fillColor(color)
          .text(toWinAnsi(text), x, y, { width, align: 'center', lineBreak: false, ellipsis: true });
      line(desk.id, 'Helvetica-Bold', 11, label.textTop);
      line(`${desk.zone.fr} / ${desk.zone.nl}`, 'Helvetica', 8.5, label.textTop + 14);
      line(SCAN_INSTRUCTION.fr, 'Helvetica-Oblique', 8, label.textTop + 25, '#333333');
      line(SCAN_INSTRUCTION.nl, 'Helvetica-Oblique', 8, label.textTop + 35, '#333333');
    }
  }
  doc.end();
  await ended;
  return { content: Buffer.concat(chunks), pages: pages.length };
}
