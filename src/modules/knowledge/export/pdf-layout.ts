import type { ContentLanguage, ExportEntry, ExportTheme, FaqExport } from './content.js';
import { type Block, markdownBlocks, type Span } from './markdown.js';
import { ExportWords, longDay, numericInstant, toWinAnsi } from './text.js';

// The PDF is laid out here, as positioned text on numbered pages, before anything is drawn: the
// table of contents and the "page X / Y" footers then know every page number, pdfkit can write each
// page out as soon as it is drawn (no PDF page kept to come back to), and this part is testable
// without a PDF. Text is measured with the standard fonts' metrics (the `measure` function pdfkit provides).

export type FontName = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono';
export type Measure = (text: string, font: FontName, size: number) => number;

export type TextOp = {
  kind: 'text';
  x: number;
  /** Top of the line, from the top of the page. */
  y: number;
  text: string;
  font: FontName;
  size: number;
  color?: string;
  /** A web address the text opens. */
  link?: string;
};
export type RuleOp = { kind: 'rule'; x: number; y: number; width: number; color: string; thickness: number };
/** A named place (an entry, a theme) that links of the table of contents lead to. */
export type AnchorOp = { kind: 'anchor'; name: string; y: number };
/** An area (a line of the table of contents) that leads to a named place. */
export type GoToOp = { kind: 'goto'; x: number; y: number; width: number; height: number; name: string };
export type Op = TextOp | RuleOp | AnchorOp | GoToOp;

export type OutlineItem = { level: 0 | 1; title: string };

export type LaidOutPage = {
  ops: Op[];
  /** Bookmarks that start on this page (themes, then their entries). */
  outline: OutlineItem[];
  /** The theme printed at the top of a content page. */
  runningHead: string | null;
  /** Entries finished by the end of this page (progress while drawing). */
  entriesDone: number;
};

export type PdfLayout = {
  pages: LaidOutPage[];
  /** 1-based page number where each entry starts. */
  entryPages: Map<string, number>;
  themePages: Map<string, number>;
  tocPageCount: number;
};

/** A4 in points; margins leave room for the running head and the footer. */
export const PAGE = { width: 595.28, height: 841.89, marginX: 56, top: 62, bottom: 841.89 - 66 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
const CONTENT_HEIGHT = PAGE.bottom - PAGE.top;
const GUTTER = 20;
const COLUMN_WIDTH = (CONTENT_WIDTH - GUTTER) / 2;
const LIST_INDENT = 13;
const GREY = '#555555';
const RULE = '#b0b0b0';

type Seg = { x: number; text: string; font: FontName; link?: string };
type Line = { segs: Seg[]; height: number; size: number; color?: string; rule?: boolean };

const lineHeightOf = (size: number) => Math.round(size * 1.32 * 100) / 100;

type TextStyle = { size: number; font: FontName; color?: string };

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

type Style = {
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
function entryRows(
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

const columnX = (index: number, columns: number) =>
  PAGE.marginX + (columns === 1 ? 0 : index * (COLUMN_WIDTH + GUTTER));
const linesHeight = (lines: Line[]) => lines.reduce((sum, line) => sum + line.height, 0);

type Progress = (entriesDone: number) => Promise<void> | void;

/** Pages being filled top to bottom. */
class Flow {
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

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Gives the event loop a turn every few milliseconds of work, so a long layout never holds it. */
export function breather(budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}

const themeTitle = (theme: ExportTheme, languages: ContentLanguage[]) =>
  [...new Set(languages.map((language) => theme.name[language]))].join(' / ');

const TOC = { titleHeight: 34, themeHeight: 22, entryHeight: 12.5, entrySize: 8.5, themeSize: 10.5 };

/** How many pages the table of contents takes: every line has a fixed height, so it is known up front. */
export function tocPageCount(themes: readonly { entries: readonly unknown[] }[]): number {
  let pages = 1;
  let y = PAGE.top + TOC.titleHeight;
  const take = (height: number) => {
    if (y + height > PAGE.bottom) {
      pages += 1;
      y = PAGE.top;
    }
    y += height;
  };
  for (const theme of themes) {
    take(TOC.themeHeight);
    for (const _entry of theme.entries) take(TOC.entryHeight);
  }
  return pages;
}

/**
 * Lays out the whole PDF: title page, table of contents (its page count known in advance), then
 * each theme from a new page with its entries. Calls `onProgress` after each entry and yields to
 * the event loop between entries.
 */
export async function layoutFaqPdf(
  faq: FaqExport,
  measure: Measure,
  options: { onProgress?: Progress; signal?: AbortSignal } = {},
): Promise<PdfLayout> {
  const words = new ExportWords(faq.languages);
  const languages = words.languages;
  const style: Style = languages.length === 2 ? { body: 9, question: 10 } : { body: 10, question: 11 };
  const flow = new Flow(measure);
  const breathe = breather();

  layoutTitlePage(flow, faq, words, measure);
  const tocPages = tocPageCount(faq.themes);
  for (let i = 0; i < tocPages; i++) flow.newPage(null);

  const entryPages = new Map<string, number>();
  const themePages = new Map<string, number>();
  for (const theme of faq.themes) {
    const title = themeTitle(theme, languages);
    flow.newPage(title);
    themePages.set(theme.code, flow.pages.length);
    flow.page.outline.push({ level: 0, title });
    flow.page.ops.push({ kind: 'anchor', name: `theme-${theme.code}`, y: flow.y });
    const names = languages.map((language) =>
      wrapSpans(
        [{ text: theme.name[language] }],
        languages.length === 1 ? CONTENT_WIDTH : COLUMN_WIDTH,
        { size: 17, font: 'bold' },
        measure,
      ),
    );
    flow.placeRow(names, () => flow.newPage(title));
    flow.y += 4;
    flow.rule(flow.y, CONTENT_WIDTH, '#333333');
    flow.y += 14;

    for (const entry of theme.entries) {
      options.signal?.throwIfAborted();
      entryPages.set(entry.ref, layoutEntry(flow, entry, { title, languages, style, words, measure }));
      flow.entriesDone += 1;
      flow.page.entriesDone = flow.entriesDone;
      await options.onProgress?.(flow.entriesDone);
      await breathe();
    }
  }

  const toc = flow.pages.slice(1, 1 + tocPages);
  await layoutToc(toc, faq, { languages, words, measure, entryPages, themePages, breathe });
  return { pages: flow.pages, entryPages, themePages, tocPageCount: tocPages };
}

function layoutEntry(
  flow: Flow,
  entry: ExportEntry,
  context: {
    title: string;
    languages: ContentLanguage[];
    style: Style;
    words: ExportWords;
    measure: Measure;
  },
): number {
  const { languages, style, words, measure } = context;
  const continued = () => {
    flow.newPage(context.title);
    flow.text({
      x: PAGE.marginX,
      y: flow.y,
      text: toWinAnsi(`${entry.ref} (${words.t('continued')})`),
      font: 'italic',
      size: 8,
      color: GREY,
    });
    flow.y += 14;
  };

  // The reference and its period, the question, and the first lines of the answer stay together.
  const audience = entry.audience === 'public' ? '' : `  ·  ${words.t(`entry_audience_${entry.audience}`)}`;
  const header = wrapSpans(
    [{ text: entry.ref, bold: true }, { text: audience }],
    CONTENT_WIDTH,
    { size: 11, font: 'regular' },
    measure,
  );
  const supersedes = entry.supersedes ? ` · ${words.t('supersedes', { ref: entry.supersedes })}` : '';
  const meta = wrapSpans(
    [{ text: `${words.entryMeta(entry)}${supersedes}` }],
    CONTENT_WIDTH,
    { size: 8.5, font: 'regular', color: GREY },
    measure,
  );
  const metaLast = meta.at(-1)!;
  meta[meta.length - 1] = { ...metaLast, height: metaLast.height + 5 };
  const rows = entryRows(entry, languages, style, measure);
  const opening =
    linesHeight(header) +
    linesHeight(meta) +
    Math.max(...rows[0]!.map(linesHeight)) +
    Math.max(...(rows[1] ?? [[]]).map((lines) => linesHeight(lines.slice(0, 2))));
  if (opening > flow.remaining && !flow.isPageEmpty) flow.newPage(context.title);

  const startPage = flow.pages.length;
  flow.page.ops.push({ kind: 'anchor', name: entry.ref, y: flow.y });
  flow.page.outline.push({ level: 1, title: toWinAnsi(`${entry.ref} ${entry[languages[0]!].question}`) });
  flow.placeLines([...header, ...meta], continued);
  for (const row of rows) flow.placeRow(row, continued);

  const notes: Line[] = [];
  const note = (label: string, text: string) =>
    notes.push(
      ...wrapSpans(
        [{ text: `${label}: `, bold: true }, { text }],
        CONTENT_WIDTH,
        { size: 8, font: 'regular', color: GREY },
        measure,
      ),
    );
  if (entry.legalBasis.trim()) note(words.t('legal_basis'), entry.legalBasis.trim());
  if (entry.sources.length > 0) note(words.t('sources'), entry.sources.join(' ; '));
  flow.placeLines(notes, continued);

  flow.y += 6;
  if (flow.remaining > 12) flow.rule(flow.y);
  flow.y += 12;
  return startPage;
}

function layoutTitlePage(flow: Flow, faq: FaqExport, words: ExportWords, measure: Measure): void {
  flow.newPage(null);
  const x = PAGE.marginX;
  let y = 200;
  const put = (text: string, size: number, font: FontName, color?: string, after = 8) => {
    for (const line of wrapSpans(
      [{ text }],
      CONTENT_WIDTH,
      { size, font, ...(color && { color }) },
      measure,
    )) {
      flow.drawLine(line, x, y);
      y += line.height;
    }
    y += after;
  };
  flow.text({ x, y: 150, text: 'Relais', font: 'bold', size: 12, color: GREY });
  flow.page.ops.push({ kind: 'rule', x, y: 170, width: CONTENT_WIDTH, color: '#333333', thickness: 1.2 });
  put(words.t('title'), 28, 'bold', undefined, 14);
  put(
    words.languages
      .map((language) => words.in(language, 'as_of', { date: longDay(faq.asOf, language) }))
      .join(' / '),
    15,
    'regular',
    undefined,
    40,
  );
  const languageNames = words.languages.map((language) => words.t(`language_${language}`)).join(', ');
  put(`${words.t('languages')}: ${languageNames}`, 11, 'regular');
  put(`${words.t('audience')}: ${words.t(`audience_${faq.audience}`)}`, 11, 'regular');
  put(words.entries(faq.entryCount), 11, 'regular', undefined, 40);
  if (faq.entryCount === 0) put(words.t('empty'), 12, 'italic', undefined, 40);
  put(words.t('generated', { date: numericInstant(faq.generatedAt) }), 9, 'regular', GREY);
}

async function layoutToc(
  pages: LaidOutPage[],
  faq: FaqExport,
  context: {
    languages: ContentLanguage[];
    words: ExportWords;
    measure: Measure;
    entryPages: Map<string, number>;
    themePages: Map<string, number>;
    breathe: () => Promise<void>;
  },
): Promise<void> {
  const { languages, words, measure } = context;
  let index = 0;
  let page = pages[0]!;
  let y = PAGE.top;
  const right = PAGE.width - PAGE.marginX;
  const numberWidth = 30;
  page.outline.push({ level: 0, title: words.t('toc') });
  page.ops.push({ kind: 'text', x: PAGE.marginX, y, text: words.t('toc'), font: 'bold', size: 18 });
  y += TOC.titleHeight;
  const take = (height: number) => {
    if (y + height > PAGE.bottom) {
      index += 1;
      page = pages[index]!;
      y = PAGE.top;
    }
    const top = y;
    y += height;
    return top;
  };
  const pageNumber = (top: number, value: number, font: FontName, size: number, goTo: string) => {
    const text = String(value);
    page.ops.push({ kind: 'text', x: right - measure(text, font, size), y: top, text, font, size });
    page.ops.push({
      kind: 'goto',
      x: PAGE.marginX,
      y: top,
      width: CONTENT_WIDTH,
      height: size * 1.2,
      name: goTo,
    });
  };
  for (const theme of faq.themes) {
    const top = take(TOC.themeHeight) + 7;
    const goTo = `theme-${theme.code}`;
    const title = fitOneLine(
      themeTitle(theme, languages),
      CONTENT_WIDTH - numberWidth - 20,
      'bold',
      TOC.themeSize,
      measure,
    );
    page.ops.push({ kind: 'text', x: PAGE.marginX, y: top, text: title, font: 'bold', size: TOC.themeSize });
    // Dot leaders from the title to its page number.
    const from = PAGE.marginX + measure(title, 'bold', TOC.themeSize) + 6;
    const dotWidth = measure('.', 'regular', TOC.themeSize);
    const dots = Math.max(0, Math.floor((right - numberWidth + 4 - from) / dotWidth));
    if (dots > 0)
      page.ops.push({
        kind: 'text',
        x: from,
        y: top,
        text: '.'.repeat(dots),
        font: 'regular',
        size: TOC.themeSize,
        color: RULE,
      });
    pageNumber(top, context.themePages.get(theme.code)!, 'bold', TOC.themeSize, goTo);
    for (const entry of theme.entries) {
      const line = take(TOC.entryHeight);
      const refWidth = 50;
      page.ops.push({
        kind: 'text',
        x: PAGE.marginX + 8,
        y: line,
        text: entry.ref,
        font: 'regular',
        size: TOC.entrySize,
        color: GREY,
      });
      const start = PAGE.marginX + 8 + refWidth;
      const end = right - numberWidth;
      const width = (end - start - (languages.length - 1) * 10) / languages.length;
      languages.forEach((language, i) => {
        page.ops.push({
          kind: 'text',
          x: start + i * (width + 10),
          y: line,
          text: fitOneLine(entry[language].question, width, 'regular', TOC.entrySize, measure),
          font: 'regular',
          size: TOC.entrySize,
        });
      });
      pageNumber(line, context.entryPages.get(entry.ref)!, 'regular', TOC.entrySize, entry.ref);
      await context.breathe();
    }
  }
}
