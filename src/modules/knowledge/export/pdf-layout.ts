import { breather } from './breather.js';
import {
  type ContentLanguage,
  type ExportEntry,
  type ExportTheme,
  type FaqExport,
  referenceNotes,
} from './content.js';
import { Flow } from './pdf-flow.js';
import {
  entryRows,
  fitOneLine,
  type Line,
  linesHeight,
  type Progress,
  type Style,
  wrapSpans,
} from './pdf-lines.js';
import {
  COLUMN_WIDTH,
  CONTENT_WIDTH,
  type FontName,
  GREY,
  type LaidOutPage,
  type Measure,
  PAGE,
  type PdfLayout,
  RULE,
} from './pdf-page.js';
import { ExportWords, longDay, numericInstant, toWinAnsi } from './text.js';

// The PDF is laid out here, as positioned text on numbered pages, before anything is drawn: the
// table of contents and the "page X / Y" footers then know every page number, pdfkit can write each
// page out as soon as it is drawn (no PDF page kept to come back to), and this part is testable
// without a PDF. Text is measured with the standard fonts' metrics (the `measure` function pdfkit provides).

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
  for (const cited of referenceNotes(entry, languages)) {
    const marker = cited.language ? ` (${cited.language.toUpperCase()})` : '';
    if (cited.legalBasis) note(`${words.t('legal_basis')}${marker}`, cited.legalBasis);
    if (cited.sources.length > 0) note(`${words.t('sources')}${marker}`, cited.sources.join(' ; '));
  }
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
