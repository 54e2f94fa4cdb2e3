// Where the labels of a floor's QR sheet go: an A4 portrait page in PDF points (1/72 inch), a title
// band on top, then a grid of labels cut apart with scissors along the dashed lines.

/** A4 portrait, in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export const QR_SHEET = {
  /** Printers leave ~5 mm unprinted at the edges: 36 pt (12.7 mm) keeps every label whole. */
  margin: 36,
  /** The building and floor, on every page. */
  titleHeight: 40,
  columns: 3,
  rows: 4,
  /** Inside a label, around the QR code and its text. */
  padding: 8,
  /** Under the QR code: the desk id, its zone and the bilingual instruction. */
  textHeight: 46,
} as const;

export type Box = { x: number; y: number; width: number; height: number };

/** One desk's label: its frame, the QR code's square and where its text starts (top of the line). */
export type LabelPlace = { index: number; frame: Box; qr: Box; textTop: number };
export type QrSheetPage = { labels: LabelPlace[] };

/**
 * The pages and label positions for `count` desks, in the desks' order, row by row. A floor without
 * desks still gets one page (its title says so), so the PDF is never empty.
 */
export function layoutQrSheet(count: number, sheet = QR_SHEET): QrSheetPage[] {
  const perPage = sheet.columns * sheet.rows;
  const pageCount = Math.max(1, Math.ceil(count / perPage));
  const top = sheet.margin + sheet.titleHeight;
  const width = (A4.width - 2 * sheet.margin) / sheet.columns;
  const height = (A4.height - top - sheet.margin) / sheet.rows;
  // The largest square that leaves room for the text under it.
  const side = Math.min(width, height - sheet.textHeight) - 2 * sheet.padding;
  const pages: QrSheetPage[] = [];
  for (let p = 0; p < pageCount; p++) {
    const labels: LabelPlace[] = [];
    for (let slot = 0; slot < perPage && p * perPage + slot < count; slot++) {
      const x = sheet.margin + (slot % sheet.columns) * width;
      const y = top + Math.floor(slot / sheet.columns) * height;
      const qr = { x: x + (width - side) / 2, y: y + sheet.padding, width: side, height: side };
      labels.push({
        index: p * perPage + slot,
        frame: { x, y, width, height },
        qr,
        textTop: qr.y + side + sheet.padding / 2,
      });
    }
    pages.push({ labels });
  }
  return pages;
}

/** The address a desk's QR code opens: the web app's check-in page for that desk. */
export const checkInUrl = (publicUrl: string, deskId: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/workplace/check-in/${encodeURIComponent(deskId)}`;
