import PDFDocument from 'pdfkit';
import { toWinAnsi } from '../../platform/exports/win-ansi.js';
import { translate } from '../../platform/i18n/i18n.js';
import { type LetterInput, type LetterSection, letterSections } from './agreement-letter.js';

// The written agreement as an A4 PDF: each language on its own pages, the employee's first; once
// signed, both signatures and the fingerprint of the text they signed on every language's last page.

const MARGIN = 56;

function drawSection(doc: PDFKit.PDFDocument, section: LetterSection, letter: LetterInput): void {
  const t = (key: string, params: Record<string, unknown> = {}) =>
    toWinAnsi(translate(section.language, `telework.letter.${key}`, params));
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#000000').text(toWinAnsi(section.title), { width });
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444444')
    .text(t('reference', { id: letter.id }));
  if (!letter.digest) doc.fillColor('#a00000').text(t('draft'));
  doc.moveDown().fontSize(11).fillColor('#000000').text(toWinAnsi(section.preamble), { width });
  for (const article of section.articles) {
    doc.moveDown(0.8).font('Helvetica-Bold').text(toWinAnsi(article.heading), { width });
    doc.moveDown(0.2).font('Helvetica').text(toWinAnsi(article.text), { width });
  }
  doc.moveDown(1.5);
  for (const signature of section.signatures) {
    doc.font('Helvetica-Bold').text(toWinAnsi(signature.party), { width });
    doc.font('Helvetica').text(toWinAnsi(signature.line), { width }).moveDown(0.8);
  }
  if (letter.digest)
    doc
      .moveDown()
      .fontSize(8)
      .fillColor('#444444')
      .text(t('digest', { digest: letter.digest }), { width });
}

export async function agreementPdf(letter: LetterInput): Promise<Buffer> {
  const sections = letterSections(letter);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: MARGIN,
    lang: `${letter.employeeLanguage}-BE`,
    displayTitle: true,
    info: {
      Title: toWinAnsi(`${sections[0]!.title} ${letter.id} / ${sections[1]!.title}`),
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
    drawSection(doc, section, letter);
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
