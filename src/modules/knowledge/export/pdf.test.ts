import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type PdfDocumentText,
  type PdfFragment,
  pageLines,
  pageText,
  readPdfText,
} from '../../../test-support/pdf-text.js';
import { buildFaqExport, type ExportEntry, type ExportLanguages, type FaqExport } from './content.js';
import { renderFaqPdf } from './pdf.js';
import { PAGE } from './pdf-page.js';
import { numericDay } from './text.js';

// The product's real PDF, read back: what a reader finds on which page.

const corpus = JSON.parse(
  fs.readFileSync(new URL('../../../../demo/faq/faq-corpus.json', import.meta.url), 'utf8'),
) as any[];
const THEMES = [
  { code: 'droit-passerelle', name: { fr: 'Droit passerelle', nl: 'Overbruggingsrecht' } },
  { code: 'cotisations', name: { fr: 'Cotisations sociales', nl: 'Sociale bijdragen' } },
  { code: 'secteurs', name: { fr: 'Secteurs et fermetures', nl: 'Sectoren en sluitingen' } },
  { code: 'statut', name: { fr: 'Statut et assujettissement', nl: 'Statuut en onderwerping' } },
  { code: 'famille-sante', name: { fr: 'Famille et santé', nl: 'Gezin en gezondheid' } },
  { code: 'procedure', name: { fr: 'Procédures et recours', nl: 'Procedures en beroep' } },
  {
    code: 'cumul',
    name: { fr: 'Cumul de revenus et prestations', nl: 'Cumulatie van inkomsten en uitkeringen' },
  },
  { code: 'organisation', name: { fr: 'Organisation du service', nl: 'Organisatie van de dienstverlening' } },
];
const ENTRIES: ExportEntry[] = corpus.map((e, i) => ({
  ref: e.id,
  number: Number(e.id.slice(4)),
  theme: e.theme,
  audience: e.audience,
  validFrom: e.valid_from,
  validTo: e.valid_to,
  version: 1 + (i % 3),
  versionDate: `2020-0${1 + (i % 9)}-1${i % 10}`,
  supersedes: e.supersedes,
  fr: { ...e.fr, legalBasis: e.legal_basis ?? '', sources: e.sources },
  nl: { ...e.nl, legalBasis: e.legal_basis ?? '', sources: e.sources },
}));
const AS_OF = '2020-04-15';
const faqOf = (languages: ExportLanguages, entries = ENTRIES, audience: 'public' | 'internal' = 'internal') =>
  buildFaqExport(entries, THEMES, { asOf: AS_OF, languages, audience, generatedAt: '2020-04-15T10:30:00Z' });

async function render(faq: FaqExport): Promise<PdfDocumentText> {
  const pdf = await renderFaqPdf(faq);
  const text = readPdfText(pdf.content);
  expect(text.pageCount).toBe(pdf.pages);
  return text;
}

const isEntryHeader = (f: PdfFragment) => f.font === 'Helvetica-Bold' && f.size === 11;
const MIDDLE = PAGE.width / 2;

/** The page where each entry's header is printed first, and where each theme's heading is. */
function realPages(doc: PdfDocumentText, faq: FaqExport) {
  const entries = new Map<string, number>();
  const themes = new Map<string, number>();
  for (const fragment of doc.fragments) {
    if (isEntryHeader(fragment) && !entries.has(fragment.text)) entries.set(fragment.text, fragment.page);
    // A long theme name wraps: its heading's first line starts the name.
    const theme = faq.themes.find(
      (t) => t.name.fr.startsWith(fragment.text) || t.name.nl.startsWith(fragment.text),
    );
    if (theme && fragment.size === 17 && !themes.has(theme.code)) themes.set(theme.code, fragment.page);
  }
  return { entries, themes };
}

/** What the contents say: the number printed at the right end of each entry's or theme's line. */
function contentsPages(doc: PdfDocumentText, faq: FaqExport) {
  const tocEnd = Math.min(...faq.themes.map((t) => realPages(doc, faq).themes.get(t.code)!));
  const onToc = doc.fragments.filter((f) => f.page > 1 && f.page < tocEnd);
  const numberOnLine = (line: PdfFragment) => {
    const right = onToc
      .filter((f) => f.page === line.page && Math.abs(f.y - line.y) < 1)
      .sort((a, b) => b.x - a.x)[0]!;
    return Number(right.text);
  };
  const entries = new Map<string, number>();
  const themes = new Map<string, number>();
  for (const fragment of onToc) {
    if (/^FAQ-\d{4}$/.test(fragment.text) && fragment.size === 8.5)
      entries.set(fragment.text, numberOnLine(fragment));
    const theme = faq.themes.find(
      (t) => fragment.text === `${t.name.fr} / ${t.name.nl}` || fragment.text === t.name.fr,
    );
    if (theme && fragment.font === 'Helvetica-Bold') themes.set(theme.code, numberOnLine(fragment));
  }
  return { entries, themes, tocPages: tocEnd - 2 };
}

describe('knowledge export: the bilingual PDF', () => {
  const faq = faqOf('both');
  let doc: PdfDocumentText;
  beforeAll(async () => {
    doc = await render(faq);
  }, 60_000);

  it('opens with a title page saying the day, the languages and the readers, and has its metadata', () => {
    const title = pageText(doc, 1);
    expect(title).toContain('Foire aux questions / Veelgestelde vragen');
    expect(title).toContain('Situation au 15 avril 2020 / Stand van zaken op 15 april 2020');
    expect(title).toContain('français / Frans, néerlandais / Nederlands');
    expect(title).toContain('usage interne (toutes les fiches)');
    expect(title).toContain(`${faq.entryCount} fiches`);
    expect(title).toContain('Document généré par Relais le 15/04/2020 12:30');
    expect(doc.info.Title).toContain('15/04/2020');
    expect(doc.info.Author).toBe('Relais');
    expect(doc.lang).toBe('fr-BE');
  });

  it('lists every theme and entry in the contents with the page where it really starts', () => {
    const real = realPages(doc, faq);
    const toc = contentsPages(doc, faq);
    const refs = faq.themes.flatMap((t) => t.entries.map((e) => e.ref));
    expect(refs).toHaveLength(faq.entryCount);
    expect(real.entries.size).toBe(refs.length);
    expect(Object.fromEntries(toc.entries)).toEqual(Object.fromEntries(real.entries));
    expect([...toc.themes.keys()]).toEqual(faq.themes.map((t) => t.code));
    expect(Object.fromEntries(toc.themes)).toEqual(Object.fromEntries(real.themes));
    expect(toc.tocPages).toBeGreaterThanOrEqual(2);
    // Each theme starts on a new page, after the contents, in the contents' order.
    const firsts = faq.themes.map((t) => real.themes.get(t.code)!);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    // The contents' links lead to the same pages, and the bookmarks have one item per theme.
    for (const [ref, page] of real.entries) expect(doc.destinations.get(ref)).toBe(page);
    const themeMarks = doc.outline.filter((item) => item.depth === 0).slice(1);
    expect(themeMarks.map((m) => [m.title, m.page])).toEqual(
      faq.themes.map((t) => [`${t.name.fr} / ${t.name.nl}`, real.themes.get(t.code)]),
    );
  });

  it('prints every entry with its reference, validity period, version and version date', () => {
    const real = realPages(doc, faq);
    for (const entry of faq.themes.flatMap((t) => t.entries)) {
      const page = real.entries.get(entry.ref)!;
      const period = entry.validTo
        ? `${numericDay(entry.validFrom)} – ${numericDay(entry.validTo)}`
        : `à partir du / vanaf ${numericDay(entry.validFrom)}`;
      const meta = `Validité / Geldigheid: ${period} · Version / Versie ${entry.version} (${numericDay(entry.versionDate)})`;
      const lines = pageLines(doc, page);
      const at = lines.findIndex((line) => line.startsWith(entry.ref));
      expect(lines.slice(at, at + 3).join(' '), entry.ref).toContain(meta);
    }
  });

  it('puts French in the left column and Dutch in the right one, starting at the same height', () => {
    const real = realPages(doc, faq);
    for (const entry of faq.themes.flatMap((t) => t.entries)) {
      const page = real.entries.get(entry.ref)!;
      const firstWords = (text: string) => text.split(/\s+/).slice(0, 3).join(' ');
      const left = pageText(doc, page, { to: MIDDLE });
      const right = pageText(doc, page, { from: MIDDLE });
      expect(left, entry.ref).toContain(firstWords(entry.fr.question));
      expect(right, entry.ref).toContain(firstWords(entry.nl.question));
      expect(left).not.toContain(firstWords(entry.nl.question));
      const fr = doc.fragments.find(
        (f) => f.page === page && f.text.startsWith(firstWords(entry.fr.question)),
      )!;
      const nl = doc.fragments.find(
        (f) => f.page === page && f.text.startsWith(firstWords(entry.nl.question)),
      )!;
      expect(Math.abs(fr.y - nl.y), entry.ref).toBeLessThan(0.5);
    }
  });

  it('numbers every page but the title page "page X / Y", and keeps text inside the margins', () => {
    for (let page = 2; page <= doc.pageCount; page++) {
      expect(pageLines(doc, page).at(-1)).toMatch(new RegExp(`page / pagina ${page} / ${doc.pageCount}$`));
    }
    // Past the title page, text is within the margins, or is the running head or the footer.
    const isFrame = (f: PdfFragment) => f.size === 8 && (f.y < 40 || f.y > PAGE.bottom + 20);
    const stray = doc.fragments.filter(
      (f) => f.page > 1 && !isFrame(f) && !(f.y >= PAGE.top && f.y <= PAGE.bottom),
    );
    expect(stray).toEqual([]);
    expect(doc.fragments.filter((f) => f.page > 1 && isFrame(f)).length).toBeGreaterThan(doc.pageCount);
  });

  it('prints bold as bold', () => {
    const amount = doc.fragments.find((f) => f.text === '1.291,69 €');
    expect(amount?.font).toBe('Helvetica-Bold');
  });
});

describe('knowledge export: PDF in one language, long entries, special cases', () => {
  it('prints one language full width, in that language', async () => {
    const faq = faqOf('nl');
    const doc = await render(faq);
    expect(doc.lang).toBe('nl-BE');
    const all = Array.from({ length: doc.pageCount }, (_, i) => pageText(doc, i + 1)).join(' ');
    const entry = faq.themes[0]!.entries[0]!;
    expect(all).toContain(entry.nl.question.split(' ').slice(0, 4).join(' '));
    expect(all).not.toContain(entry.fr.question.split(' ').slice(0, 4).join(' '));
    expect(pageLines(doc, 2).at(-1)).toMatch(new RegExp(`pagina 2 / ${doc.pageCount}$`));
    expect(all).toContain('Geldigheid: ');
    expect(all).not.toContain('Validité');
    // Dutch themes in Dutch alphabetical order.
    expect(faq.themes[0]!.name.nl).toBe('Cumulatie van inkomsten en uitkeringen');
    expect(doc.outline[1]!.title).toBe('Cumulatie van inkomsten en uitkeringen');
  });

  it('carries an entry longer than a page over several pages, paragraph by paragraph, nothing lost', async () => {
    const paragraphs = Array.from(
      { length: 70 },
      (_, i) => `Paragraphe ${i + 1} : ${'texte de la réponse '.repeat(12)}`,
    );
    const huge = 'mot '.repeat(2500).trim();
    const long: ExportEntry = {
      ...ENTRIES[0]!,
      ref: 'FAQ-0999',
      number: 999,
      validFrom: '2020-01-01',
      validTo: null,
      fr: {
        ...ENTRIES[0]!.fr,
        question: 'Une très longue fiche ?',
        answer: `${paragraphs.join('\n\n')}\n\n${huge}\n\nFin de la fiche.`,
      },
      nl: {
        ...ENTRIES[0]!.nl,
        question: 'Een heel lange fiche?',
        answer: 'Kort antwoord → zie [de site](https://www.rsvz.be/nl).',
      },
    };
    const faq = faqOf('both', [long]);
    const doc = await render(faq);
    const start = realPages(doc, faq).entries.get('FAQ-0999')!;
    expect(doc.pageCount - start).toBeGreaterThanOrEqual(4);
    const left = Array.from({ length: doc.pageCount - start + 1 }, (_, i) =>
      pageText(doc, start + i, { to: MIDDLE }),
    ).join(' ');
    const numbers = [...left.matchAll(/Paragraphe (\d+)/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(paragraphs.map((_, i) => i + 1));
    expect(left.match(/\bmot\b/g)).toHaveLength(2500);
    expect(left).toContain('Fin de la fiche.');
    for (let page = start + 1; page <= doc.pageCount; page++)
      expect(pageLines(doc, page)[1]).toBe('FAQ-0999 (suite / vervolg)');
    const right = pageText(doc, start, { from: MIDDLE });
    expect(right).toContain('Kort antwoord -> zie');
    expect(right).toContain('de site (https://www.rsvz.be/nl)');
    const overflow = doc.fragments.filter((f) => f.y > PAGE.bottom && f.y < PAGE.height - 45);
    expect(overflow).toEqual([]);
  });

  it('says so when no entry applies, and still makes a document', async () => {
    const faq = buildFaqExport(ENTRIES, THEMES, {
      asOf: '1999-01-01',
      languages: 'fr',
      audience: 'public',
      generatedAt: '2020-04-15T10:30:00Z',
    });
    const doc = await render(faq);
    expect(doc.pageCount).toBe(2);
    expect(pageText(doc, 1)).toContain("Aucune fiche ne s'applique à cette date pour ces destinataires.");
    expect(pageText(doc, 1)).toContain('0 fiches');
  });

  it('lets the event loop run while it works, and stops when asked to', async () => {
    let turns = 0;
    let isRunning = true;
    const tick = () => {
      turns += 1;
      if (isRunning) setImmediate(tick);
    };
    setImmediate(tick);
    const startedAt = performance.now();
    await renderFaqPdf(faqOf('both'));
    isRunning = false;
    const elapsed = performance.now() - startedAt;
    // About one turn per 8 ms of work at least (many more on a fast machine).
    expect(turns).toBeGreaterThan(Math.min(20, elapsed / 40));

    const controller = new AbortController();
    const rendering = renderFaqPdf(faqOf('both'), {
      signal: controller.signal,
      onProgress: (_phase, done) => {
        if (done === 5) controller.abort(new Error('stopped'));
      },
    });
    await expect(rendering).rejects.toThrow('stopped');
  });
});
