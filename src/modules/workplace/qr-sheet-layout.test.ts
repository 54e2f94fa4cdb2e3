import { describe, expect, it } from 'vitest';
import { A4, checkInUrl, layoutQrSheet, QR_SHEET } from './qr-sheet-layout.js';

const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) =>
  inner.x >= outer.x - 1e-9 &&
  inner.y >= outer.y - 1e-9 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-9 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-9;

describe('layoutQrSheet', () => {
  it('puts twelve desks on a page, three across and four down, in the desks’ order', () => {
    const pages = layoutQrSheet(120);
    expect(pages).toHaveLength(10);
    expect(pages.every((page) => page.labels.length === 12)).toBe(true);
    expect(pages.flatMap((page) => page.labels.map((l) => l.index))).toEqual(
      Array.from({ length: 120 }, (_, i) => i),
    );
    const [first, second, , fourth] = pages[0]!.labels;
    expect(second!.frame.y).toBe(first!.frame.y);
    expect(second!.frame.x).toBeGreaterThan(first!.frame.x);
    expect(fourth!.frame.x).toBe(first!.frame.x);
    expect(fourth!.frame.y).toBeGreaterThan(first!.frame.y);
  });

  it('starts a new page for the thirteenth desk and leaves the rest of the last page empty', () => {
    const pages = layoutQrSheet(13);
    expect(pages.map((page) => page.labels.length)).toEqual([12, 1]);
    expect(pages[1]!.labels[0]!.frame).toEqual(pages[0]!.labels[0]!.frame);
  });

  it('still prints one page (with its title) for a floor without desks', () => {
    expect(layoutQrSheet(0)).toEqual([{ labels: [] }]);
  });

  it('keeps every label within the printable area, below the title, without overlapping', () => {
    const page = { x: QR_SHEET.margin, y: QR_SHEET.margin + QR_SHEET.titleHeight };
    const printable = {
      ...page,
      width: A4.width - 2 * QR_SHEET.margin,
      height: A4.height - page.y - QR_SHEET.margin,
    };
    const labels = layoutQrSheet(12)[0]!.labels;
    for (const label of labels) {
      expect(inside(label.frame, printable)).toBe(true);
      expect(inside(label.qr, label.frame)).toBe(true);
      expect(label.qr.width).toBe(label.qr.height);
      // The text under the code fits in the label too.
      expect(label.textTop + QR_SHEET.textHeight - QR_SHEET.padding).toBeLessThanOrEqual(
        label.frame.y + label.frame.height + 1e-9,
      );
    }
    for (const a of labels)
      for (const b of labels)
        if (a !== b)
          expect(
            a.frame.x + a.frame.width <= b.frame.x + 1e-9 ||
              b.frame.x + b.frame.width <= a.frame.x + 1e-9 ||
              a.frame.y + a.frame.height <= b.frame.y + 1e-9 ||
              b.frame.y + b.frame.height <= a.frame.y + 1e-9,
          ).toBe(true);
  });

  it('prints QR codes of at least 4 cm, so a phone reads them from arm’s length', () => {
    const side = layoutQrSheet(1)[0]!.labels[0]!.qr.width;
    expect((side / 72) * 2.54).toBeGreaterThanOrEqual(4);
  });
});

describe('checkInUrl', () => {
  it('opens the check-in page of the desk on the public address of the app', () => {
    expect(checkInUrl('https://relais.inasti.be', 'botanique-03-A-001')).toBe(
      'https://relais.inasti.be/workplace/check-in/botanique-03-A-001',
    );
  });

  it('keeps a path the app is served under and drops a trailing slash', () => {
    expect(checkInUrl('https://intra.example/relais/', 'b-1')).toBe(
      'https://intra.example/relais/workplace/check-in/b-1',
    );
  });
});
