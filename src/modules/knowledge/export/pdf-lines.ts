// Text to lines: words wrapped to a width with the standard fonts' metrics, and an entry's question
// and answer blocks as rows of lines (side by side, a paragraph and its translation start level).
import type { ContentLanguage, ExportEntry } from './content.js';
import { type Block, markdownBlocks, type Span } from './markdown.js';
import {
  COLUMN_WIDTH,
  CONTENT_WIDTH,
  type FontName,
  GREY,
  GUTTER,
  LIST_INDENT,
  type Measure,
  PAGE,
} from './pdf-page.js';
import { toWinAnsi } from './text.js';

export type Seg = { x: number; text: string; font: FontName; link?: string };
export type Line = { segs: Seg[]; height: number; size: number; color?: string; rule?: boolean };

export const lineHeightOf = (size: number) => Math.round(size * 1.32 * 100) / 100;

export type TextStyle = { size: number; font: FontName; color?: string };

const fontOf = (span: Span, base: FontName): FontName => {
  if (span.code) return 'mono';
  const isBold = span.bold || base === 'bold' || base === 'boldItalic';
  const isItalic = span.italic || base === 'italic' || base === 'boldItalic';
  if (isBold && isItalic) return 'boldItalic';
  if (isBold) return 'bold';
  if (isItalic) return 'italic';
  return base === 'mono' ? 'mono' : 'regular';
};

type Part = { text: string; font: FontName; link?: string };
type Item = { kind: 'space'; font: FontName } | { kind: 'break' } | { kind: 'word'; parts: Part[] };

/** Spans to words, spaces and line breaks; a word keeps its parts when its style changes mid-word ("**5 ans**."). */
function items(spans: Span[], base: FontName): Item[] {
  const out: Item[] = [];
  for (const span of spans) {
    const font = fontOf(span, base);
    for (const piece of toWinAnsi(span.text).split(/(\n| +)/)) {
      if (piece === '') continue;
      if (piece === '\n') out.push({ kind: 'break' });
      else if (piece.trim() === '') out.push({ kind: 'space', font });
      else {
        const part: Part = { text: piece, font, ...(span.link && { link: span.link }) };
        const last = out.at(-1);
        if (last?.kind === 'word') last.parts.push(part);
        else out.push({ kind: 'word', parts: [part] });
      }
    }
  }
  return out;
}

/**
 * Greedy line breaking of styled spans into `width`: a line breaks at spaces only, unless a word is
 * wider than a whole line (a long address), which is then cut where it must.
 */
export function wrapSpans(
  spans: Span[],
  width: number,
  style: TextStyle,
  measure: Measure,
  indent: { first: number; rest: number } = { first: 0, rest: 0 },
): Line[] {
  const lines: Line[] = [];
  const height = lineHeightOf(style.size);
  let segs: Seg[] = [];
  let x = indent.first;
  let space: FontName | null = null;
  const endLine = () => {
    lines.push({ segs, height, size: style.size, ...(style.color && { color: style.color }) });
    segs = [];
    x = indent.rest;
    space = null;
  };
  const place = (part: Part, partWidth: number, withSpace: boolean) => {
    const last = segs.at(-1);
    if (last && last.font === part.font && last.link === part.link) {
      last.text += withSpace ? ` ${part.text}` : part.text;
    } else {
      if (withSpace) x += measure(' ', space ?? part.font, style.size);
      segs.push({ x, text: part.text, font: part.font, ...(part.link && { link: part.link }) });
      x += partWidth;
      return;
    }
    x += partWidth + (withSpace ? measure(' ', part.font, style.size) : 0);
  };
  for (const item of items(spans, style.font)) {
    if (item.kind === 'break') {
      endLine();
      continue;
    }
    if (item.kind === 'space') {
      if (segs.length > 0) space = item.font;
      continue;
    }
    const widths = item.parts.map((part) => measure(part.text, part.font, style.size));
    const wordWidth = widths.reduce((sum, w) => sum + w, 0);
    const spaceWidth = space && segs.length > 0 ? measure(' ', space, style.size) : 0;
    if (segs.length > 0 && x + spaceWidth + wordWidth > width) endLine();
    item.parts.forEach((part, index) => {
      let text = part.text;
      let partWidth = widths[index]!;
      let withSpace = index === 0 && space !== null && segs.length > 0;
      // Wider than what is left of an empty line: cut it into pieces that fit.
      while (partWidth > width - x && text.length > 1 && (segs.length === 0 || x <= indent.rest + 0.01)) {
        let cut = text.length - 1;
        while (cut > 1 && measure(text.slice(0, cut), part.font, style.size) > width - x) cut -= 1;
        const head = text.slice(0, cut);
        place({ ...part, text: head }, measure(head, part.font, style.size), withSpace);
        endLine();
        withSpace = false;
        text = text.slice(cut);
        partWidth = measure(text, part.font, style.size);
      }
      place({ ...part, text }, partWidth, withSpace);
    });
    space = null;
  }
  if (segs.length > 0 || lines.length === 0) endLine();
  return lines;
}

/** Cuts `text` with an ellipsis so it fits `width` on one line. */
export function fitOneLine(
  text: string,
  width: number,
  font: FontName,
  size: number,
  measure: Measure,
): string {
  const clean = toWinAnsi(text).replace(/\s+/g, ' ').trim();
  if (measure(clean, font, size) <= width) return clean;
  let low = 0;
  let high = clean.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(`${clean.slice(0, middle).trimEnd()}…`, font, size) <= width) low = middle;
    else high = middle - 1;
  }
  return `${clean.slice(0, low).trimEnd()}…`;
}

export type Style = {
  body: number;
  question: number;
};

/** An answer's blocks as lines of a column, with the space after each block. */
function blockLines(block: Block, width: number, size: number, measure: Measure): Line[] {
  const gap = lineHeightOf(size) * 0.4;
  if (block.kind === 'rule') return [{ segs: [], height: lineHeightOf(size), size, rule: true }];
  const offset = block.depth * LIST_INDENT + (block.isQuote ? 10 : 0);
  let lines: Line[];
  if (block.kind === 'code') {
    lines = block.spans[0]!.text.split('\n').flatMap((text) =>
      wrapSpans([{ text, code: true }], width, { size: size * 0.92, font: 'mono' }, measure, {
        first: offset,
        rest: offset,
      }),
    );
  } else {
    const style: TextStyle = {
      size: block.kind === 'heading' ? size + 0.5 : size,
      font: block.isQuote ? 'italic' : 'regular',
      ...(block.isQuote && { color: GREY }),
    };
    lines = wrapSpans(block.spans, width, style, measure, { first: offset, rest: offset });
    if (block.marker) {
      const first = lines[0]!;
      const markerX = offset - LIST_INDENT + (block.marker === '•' ? 3 : 0);
      first.segs.unshift({ x: markerX, text: block.marker, font: 'regular' });
    }
  }
  const last = lines.at(-1);
  if (last) lines[lines.length - 1] = { ...last, height: last.height + gap };
  return lines;
}

/** One language's question and answer, as rows of lines: the question, then each block. */
function languageRows(
  entry: ExportEntry,
  language: ContentLanguage,
  width: number,
  style: Style,
  measure: Measure,
): Line[][] {
  const question = wrapSpans(
    [{ text: entry[language].question }],
    width,
    { size: style.question, font: 'bold' },
    measure,
  );
  const last = question.at(-1)!;
  question[question.length - 1] = { ...last, height: last.height + 4 };
  const blocks = markdownBlocks(entry[language].answer).map((block) =>
    blockLines(block, width, style.body, measure),
  );
  return [question, ...blocks];
}

/**
 * Rows of an entry: in one language, each row is one block; side by side, row i holds block i of
 * each language, so a paragraph and its translation start at the same height.
 */
export function entryRows(
  entry: ExportEntry,
  languages: ContentLanguage[],
  style: Style,
  measure: Measure,
): Line[][][] {
  if (languages.length === 1) {
    return languageRows(entry, languages[0]!, CONTENT_WIDTH, style, measure).map((lines) => [lines]);
  }
  const [fr, nl] = languages.map((language) => languageRows(entry, language, COLUMN_WIDTH, style, measure));
  const count = Math.max(fr!.length, nl!.length);
  return Array.from({ length: count }, (_, i) => [fr![i] ?? [], nl![i] ?? []]);
}

export const columnX = (index: number, columns: number) =>
  PAGE.marginX + (columns === 1 ? 0 : index * (COLUMN_WIDTH + GUTTER));
export const linesHeight = (lines: Line[]) => lines.reduce((sum, line) => sum + line.height, 0);

export type Progress = (entriesDone: number) => Promise<void> | void;
