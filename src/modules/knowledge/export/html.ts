import { renderMarkdown } from '../../../platform/markdown.js';
import { breather } from './breather.js';
import {
  type ContentLanguage,
  type ExportEntry,
  type ExportTheme,
  type FaqExport,
  referenceNotes,
} from './content.js';
import { ExportWords, longDay, numericDay, numericInstant } from './text.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text into HTML: every character that could open markup is escaped. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** A CSS string literal (the page footer is written in CSS). */
const cssString = (text: string): string =>
  `"${text.replace(/[\\"]/g, (char) => `\\${char}`).replace(/[\n\r]/g, ' ')}"`;

// A4, margins as in the PDF, each theme on a new page, two columns when both languages are printed.
// Page numbers: `counter(page)` in the page footer and `target-counter()` in the table of contents
// work in print engines (WeasyPrint, Prince, Paged.js) and the footer in Chromium-based browsers;
// browsers that ignore target-counter drop that rule, and the contents still link to each entry.
function styles(footer: string, pageWord: string): string {
  return `
@page { size: A4; margin: 20mm 18mm 22mm;
  @bottom-left { content: ${cssString(footer)}; font: 8pt Helvetica, Arial, sans-serif; color: #555; }
  @bottom-right { content: ${cssString(`${pageWord} `)} counter(page) " / " counter(pages); font: 8pt Helvetica, Arial, sans-serif; color: #555; }
}
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
:root { color-scheme: light; }
html { font: 10pt/1.45 Helvetica, Arial, sans-serif; color: #111; background: #fff; }
body { max-width: 190mm; margin: 0 auto; padding: 12mm 8mm; }
h1, h2, h3, h4 { line-height: 1.2; }
a { color: #0b4f8a; }
.cover { min-height: 60vh; padding-top: 30mm; break-after: page; }
.cover .brand { font-weight: bold; color: #555; border-bottom: 1.5px solid #333; padding-bottom: 4mm; }
.cover h1 { font-size: 26pt; margin: 10mm 0 4mm; }
.cover .as-of { font-size: 14pt; margin: 0 0 12mm; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; }
.cover dt { font-weight: bold; }
.cover dd { margin: 0; }
.cover .generated { color: #555; font-size: 8.5pt; margin-top: 12mm; }
.print-hint { border: 1px solid #b0b0b0; background: #f4f6f8; padding: 3mm 4mm; font-size: 9pt; }
.toc { break-after: page; }
.toc h2 { font-size: 18pt; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc > ol > li { margin-top: 4mm; }
.toc > ol > li > a { font-weight: bold; }
.toc li li { padding-left: 4mm; font-size: 9pt; }
.toc a { color: inherit; text-decoration: none; display: flex; gap: 3mm; }
.toc a .q { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.toc a::after { content: leader('.') target-counter(attr(href url), page); }
.toc .ref, .entry .ref { font-variant-numeric: tabular-nums; color: #444; }
.theme { break-before: page; }
.theme > h2 { font-size: 17pt; border-bottom: 1.5px solid #333; padding-bottom: 2mm; display: grid; gap: 7mm; }
.theme > h2.two { grid-template-columns: 1fr 1fr; }
.entry { border-top: 1px solid #b0b0b0; padding-top: 3mm; margin-top: 5mm; }
.entry:first-of-type { border-top: none; }
.entry > header { break-after: avoid; }
.entry h3 { font-size: 11pt; margin: 0; }
.entry .tag { font-weight: normal; font-style: italic; color: #555; font-size: 9pt; margin-left: 2mm; }
.entry .meta { color: #555; font-size: 8.5pt; margin: 1mm 0 2mm; }
.texts.two { display: grid; grid-template-columns: 1fr 1fr; column-gap: 7mm; }
.text h4 { font-size: 10.5pt; margin: 0 0 2mm; break-after: avoid; }
.text p, .text ul, .text ol { margin: 0 0 2mm; }
.notes { color: #555; font-size: 8pt; }
.notes p { margin: 1mm 0; }
.empty { font-style: italic; }
@media print {
  body { max-width: none; padding: 0; }
  .print-hint { display: none; }
  a { color: inherit; text-decoration: none; }
  .text a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8pt; color: #555; }
}
`;
}

const languageName = (words: ExportWords) => words.languages.map((l) => words.t(`language_${l}`)).join(', ');

function entryHtml(entry: ExportEntry, languages: ContentLanguage[], words: ExportWords): string {
  const id = escapeHtml(entry.ref);
  const tag =
    entry.audience === 'public'
      ? ''
      : ` <span class="tag">${escapeHtml(words.t(`entry_audience_${entry.audience}`))}</span>`;
  const supersedes = entry.supersedes
    ? ` · ${escapeHtml(words.t('supersedes', { ref: entry.supersedes }))}`
    : '';
  const texts = languages
    .map(
      (language) => `<div class="text" lang="${language}">
<h4>${escapeHtml(entry[language].question)}</h4>
<div class="answer">${renderMarkdown(entry[language].answer)}</div>
</div>`,
    )
    .join('\n');
  const notes = referenceNotes(entry, languages).flatMap((note) => {
    const marker = note.language ? ` (${note.language.toUpperCase()})` : '';
    const lang = note.language ? ` lang="${note.language}"` : '';
    return [
      note.legalBasis &&
        `<p${lang}><strong>${escapeHtml(words.t('legal_basis'))}${marker}:</strong> ${escapeHtml(note.legalBasis)}</p>`,
      note.sources.length > 0 &&
        `<p${lang}><strong>${escapeHtml(words.t('sources'))}${marker}:</strong> ${note.sources.map(escapeHtml).join(' ; ')}</p>`,
    ].filter(Boolean);
  });
  return `<article class="entry" id="${id}" aria-labelledby="${id}-title">
<header><h3 id="${id}-title"><span class="ref">${id}</span>${tag}</h3>
<p class="meta">${escapeHtml(words.entryMeta(entry))}${supersedes}</p></header>
<div class="texts${languages.length === 2 ? ' two' : ''}">
${texts}
</div>
${notes.length > 0 ? `<footer class="notes">${notes.join('')}</footer>` : ''}
</article>`;
}

async function themeHtml(
  theme: ExportTheme,
  languages: ContentLanguage[],
  words: ExportWords,
  onEntry: () => Promise<void>,
): Promise<string> {
  const id = `theme-${escapeHtml(theme.code)}`;
  const names = languages
    .map((language) => `<span lang="${language}">${escapeHtml(theme.name[language])}</span>`)
    .join(' ');
  const entries: string[] = [];
  for (const entry of theme.entries) {
    entries.push(entryHtml(entry, languages, words));
    await onEntry();
  }
  return `<section class="theme" id="${id}" aria-labelledby="${id}-title">
<h2 id="${id}-title"${languages.length === 2 ? ' class="two"' : ''}>${names}</h2>
${entries.join('\n')}
</section>`;
}

function tocHtml(faq: FaqExport, languages: ContentLanguage[], words: ExportWords): string {
  const themes = faq.themes
    .map((theme) => {
      const names = [...new Set(languages.map((language) => theme.name[language]))].join(' / ');
      const entries = theme.entries
        .map(
          (entry) =>
            `<li><a href="#${escapeHtml(entry.ref)}"><span class="ref">${escapeHtml(entry.ref)}</span> <span class="q" lang="${languages[0]}">${escapeHtml(entry[languages[0]!].question)}</span></a></li>`,
        )
        .join('\n');
      return `<li><a href="#theme-${escapeHtml(theme.code)}">${escapeHtml(names)}</a>\n<ol>\n${entries}\n</ol></li>`;
    })
    .join('\n');
  return `<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">${escapeHtml(words.t('toc'))}</h2>
<ol>
${themes}
</ol>
</nav>`;
}

/**
 * The FAQ as one standalone, print-ready HTML page: no script, no outside resource (a Content
 * Security Policy says so to the browser that opens it), every text escaped except the answers,
 * which are the same sanitised Markdown HTML as on screen.
 */
export async function renderFaqHtml(
  faq: FaqExport,
  options: { onProgress?: (done: number, total: number) => Promise<void> | void; signal?: AbortSignal } = {},
): Promise<string> {
  const words = new ExportWords(faq.languages);
  const breathe = breather();
  let done = 0;
  const onEntry = async () => {
    done += 1;
    options.signal?.throwIfAborted();
    await options.onProgress?.(done, faq.entryCount);
    await breathe();
  };
  const themes: string[] = [];
  for (const theme of faq.themes) themes.push(await themeHtml(theme, words.languages, words, onEntry));
  const languages = words.languages;
  const asOf = languages.map((language) =>
    words.in(language, 'as_of', { date: longDay(faq.asOf, language) }),
  );
  const title = `${words.t('title')} – ${languages
    .map((language) => words.in(language, 'as_of', { date: numericDay(faq.asOf) }))
    .join(' / ')}`;
  const footer = `${words.t('title')} · ${numericDay(faq.asOf)}`;
  return `<!doctype html>
<html lang="${faq.languages === 'nl' ? 'nl-BE' : 'fr-BE'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Relais">
<title>${escapeHtml(title)}</title>
<style>${styles(footer, words.t('page'))}</style>
</head>
<body>
<header class="cover">
<p class="brand">Relais</p>
<h1>${escapeHtml(words.t('title'))}</h1>
<p class="as-of">${asOf.map(escapeHtml).join(' / ')}</p>
<dl>
<dt>${escapeHtml(words.t('languages'))}</dt><dd>${escapeHtml(languageName(words))}</dd>
<dt>${escapeHtml(words.t('audience'))}</dt><dd>${escapeHtml(words.t(`audience_${faq.audience}`))}</dd>
</dl>
<p>${escapeHtml(words.entries(faq.entryCount))}</p>
${faq.entryCount === 0 ? `<p class="empty">${escapeHtml(words.t('empty'))}</p>` : ''}
<p class="print-hint">${escapeHtml(words.t('print_hint'))}</p>
<p class="generated">${escapeHtml(words.t('generated', { date: numericInstant(faq.generatedAt) }))}</p>
</header>
${tocHtml(faq, languages, words)}
<main>
${themes.join('\n')}
</main>
</body>
</html>
`;
}
