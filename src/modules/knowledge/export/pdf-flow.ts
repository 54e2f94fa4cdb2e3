// A PDF's pages as they are filled, top to bottom: lines placed in one or two columns, a page turned
// when the next row does not fit.
import { columnX, fitOneLine, type Line, linesHeight } from './pdf-lines.js';
import {
  CONTENT_HEIGHT,
  CONTENT_WIDTH,
  type FontName,
  type LaidOutPage,
  type Measure,
  PAGE,
  RULE,
  type TextOp,
} from './pdf-page.js';

/** Pages being filled top to bottom. */
export class Flow {
  readonly pages: LaidOutPage[] = [];
  page!: LaidOutPage;
  y = 0;
  entriesDone = 0;

  constructor(private readonly measure: Measure) {}

  newPage(runningHead: string | null): void {
    this.page = { ops: [], outline: [], runningHead, entriesDone: this.entriesDone };
    this.pages.push(this.page);
    this.y = PAGE.top;
  }

  get remaining(): number {
    return PAGE.bottom - this.y;
  }

  get isPageEmpty(): boolean {
    return this.y <= PAGE.top + 0.5;
  }

  drawLine(line: Line, x0: number, y: number): void {
    if (line.rule) {
      this.page.ops.push({
        kind: 'rule',
        x: x0,
        y: y + line.height / 2,
        width: 60,
        color: RULE,
        thickness: 0.5,
      });
      return;
    }
    for (const seg of line.segs) {
      this.page.ops.push({
        kind: 'text',
        x: x0 + seg.x,
        y,
        text: seg.text,
        font: seg.font,
        size: line.size,
        ...(line.color && { color: line.color }),
        ...(seg.link && { link: seg.link }),
      });
    }
  }

  /** Full-width lines, each moving to a new page when it does not fit. */
  placeLines(lines: Line[], onBreak: () => void): void {
    for (const line of lines) {
      if (line.height > this.remaining) onBreak();
      this.drawLine(line, PAGE.marginX, this.y);
      this.y += line.height;
    }
  }

  /**
   * One row of columns. A row that fits goes here; a short one that does not starts the next
   * page; a long one is split between lines, each column filling what is left of the page.
   */
  placeRow(columns: Line[][], onBreak: () => void): void {
    const height = Math.max(...columns.map(linesHeight));
    if (height > this.remaining) {
      const isShort = height <= CONTENT_HEIGHT * 0.3;
      const firstLines = Math.max(...columns.map((lines) => linesHeight(lines.slice(0, 2))));
      if (isShort || firstLines > this.remaining) onBreak();
    }
    const cursors = columns.map(() => 0);
    for (;;) {
      let used = 0;
      columns.forEach((lines, index) => {
        let y = this.y;
        while (cursors[index]! < lines.length && lines[cursors[index]!]!.height <= PAGE.bottom - y + 0.01) {
          const line = lines[cursors[index]!]!;
          this.drawLine(line, columnX(index, columns.length), y);
          y += line.height;
          cursors[index]! += 1;
        }
        used = Math.max(used, y - this.y);
      });
      this.y += used;
      if (columns.every((lines, index) => cursors[index]! >= lines.length)) return;
      onBreak();
    }
  }

  text(op: Omit<TextOp, 'kind'>): void {
    this.page.ops.push({ kind: 'text', ...op });
  }

  rule(y: number, width = CONTENT_WIDTH, color = RULE): void {
    this.page.ops.push({ kind: 'rule', x: PAGE.marginX, y, width, color, thickness: 0.6 });
  }

  fit(text: string, width: number, font: FontName, size: number): string {
    return fitOneLine(text, width, font, size, this.measure);
  }
}
