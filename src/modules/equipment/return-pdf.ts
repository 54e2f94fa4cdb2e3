import PDFDocument from 'pdfkit';
import { toWinAnsi } from '../../platform/exports/win-ansi.js';
import { type ReceiptInput, type ReceiptSection, receiptSections } from './return-receipt.js';

// The return receipt as an A4 PDF: each language on its own page, the person's first, the units
// as a table (tag, type, model, serial) and the fingerprint of the frozen list at the foot.

const MARGIN = 56;
const COLUMNS = [0, 0.22, 0.42, 0.72];

function drawSection(doc: PDFKit.PDFDocument, section: ReceiptSection): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#000000').text(toWinAnsi(section.title), { width });
  doc.moveDown(0.5).font('Helvetica').fontSize(11);
  for (const line of section.lines) doc.text(toWinAnsi(line), { width });
  doc.moveDown();
  const row = (cells: readonly string[], bold: boolean) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    let bottom = y;
    cells.forEach((cell, i) => {
      const x = MARGIN + COLUMNS[i]! * width;
      const next = i + 1 < COLUMNS.length ? MARGIN + COLUMNS[i + 1]! * width : MARGIN + width;
      doc.text(toWinAnsi(cell), x, y, { width: next - x - 6 });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = MARGIN;
    doc.y = bottom + 4;
  };
  row(section.headers, true);
  for (const cells of section.rows) row(cells, false);
  doc.moveDown().fontSize(8).fillColor('#444444').text(toWinAnsi(section.footer), MARGIN, doc.y, { width });
}

export async function returnPdf(receipt: ReceiptInput): Promise<Buffer> {
  const sections = receiptSections(receipt);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: MARGIN,
    lang: `${receipt.language}-BE`,
    displayTitle: true,
    info: {
      Title: toWinAnsi(`${sections[0]!.title} ${receipt.id}`),
      Author: 'Relais',
      Creator: 'Relais',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const section of sections) {
    doc.addPage();
    drawSection(doc, section);
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
