import { describe, expect, it } from 'vitest';
import {
  audiencesOfExport,
  buildFaqExport,
  defaultExportAudience,
  type ExportEntry,
  exportAudiencesFor,
  exportFileName,
} from './content.js';
import { blocksText, markdownBlocks } from './markdown.js';
import { toWinAnsi } from './text.js';

const entry = (number: number, overrides: Partial<ExportEntry> = {}): ExportEntry => ({
  ref: `FAQ-${String(number).padStart(4, '0')}`,
  number,
  theme: 'cotisations',
  audience: 'public',
  validFrom: '2020-03-01',
  validTo: null,
  version: 1,
  versionDate: '2020-03-02',
  supersedes: null,
  fr: { question: `Question ${number}`, answer: 'Réponse.', legalBasis: '', sources: [] },
  nl: { question: `Vraag ${number}`, answer: 'Antwoord.', legalBasis: '', sources: [] },
  ...overrides,
});
const themes = [
  { code: 'cotisations', name: { fr: 'Cotisations sociales', nl: 'Sociale bijdragen' } },
  { code: 'droit-passerelle', name: { fr: 'Droit passerelle', nl: 'Overbruggingsrecht' } },
  { code: 'cumul', name: { fr: 'Cumul de revenus', nl: 'Cumulatie van inkomsten' } },
  { code: 'empty', name: { fr: 'Aucune fiche', nl: 'Geen fiches' } },
];
const options = {
  asOf: '2020-04-15',
  languages: 'both',
  audience: 'internal',
  generatedAt: '2020-04-15T08:00:00Z',
} as const;

describe('knowledge export: what goes in', () => {
  it('keeps the entries whose period covers the day, both ends included', () => {
    const faq = buildFaqExport(
      [
        entry(1, { validTo: '2020-04-14' }),
        entry(2, { validFrom: '2020-04-15', validTo: '2020-04-15' }),
        entry(3, { validFrom: '2020-04-16' }),
        entry(4, { validTo: '2020-04-15' }),
        entry(5),
      ],
      themes,
      options,
    );
    expect(faq.themes.flatMap((t) => t.entries.map((e) => e.number))).toEqual([2, 4, 5]);
    expect(faq.entryCount).toBe(3);
  });

  it('gives an export for the public only public entries, one for the funds theirs too, an internal one all', () => {
    const entries = [entry(1), entry(2, { audience: 'partners' }), entry(3, { audience: 'internal' })];
    const numbers = (audience: 'public' | 'partners' | 'internal') =>
      buildFaqExport(entries, themes, { ...options, audience }).themes.flatMap((t) =>
        t.entries.map((e) => e.number),
      );
    expect(numbers('public')).toEqual([1]);
    expect(numbers('partners')).toEqual([1, 2]);
    expect(numbers('internal')).toEqual([1, 2, 3]);
    expect(audiencesOfExport('partners')).toEqual(['public', 'partners']);
  });

  it('lets the funds ask for public or partner exports only, and staff for any', () => {
    expect(exportAudiencesFor('partner')).toEqual(['public', 'partners']);
    expect(exportAudiencesFor('staff')).toEqual(['public', 'partners', 'internal']);
    expect(defaultExportAudience('partner')).toBe('partners');
    expect(defaultExportAudience('staff')).toBe('internal');
  });

  it('groups by theme in the alphabetical order of the primary language, entries by reference, without empty themes', () => {
    const entries = [
      entry(9, { theme: 'droit-passerelle' }),
      entry(3, { theme: 'cumul' }),
      entry(1, { theme: 'droit-passerelle' }),
      entry(2),
    ];
    const french = buildFaqExport(entries, themes, options);
    expect(french.themes.map((t) => t.code)).toEqual(['cotisations', 'cumul', 'droit-passerelle']);
    expect(french.themes[2]!.entries.map((e) => e.number)).toEqual([1, 9]);
    // In Dutch: Cumulatie, Overbruggingsrecht, Sociale bijdragen.
    const dutch = buildFaqExport(entries, themes, { ...options, languages: 'nl' });
    expect(dutch.themes.map((t) => t.code)).toEqual(['cumul', 'droit-passerelle', 'cotisations']);
  });

  it('files an entry of an unknown theme under its code rather than losing it', () => {
    const faq = buildFaqExport([entry(1, { theme: 'zzz-old' })], themes, options);
    expect(faq.themes).toEqual([
      expect.objectContaining({ code: 'zzz-old', name: { fr: 'zzz-old', nl: 'zzz-old' } }),
    ]);
  });

  it('names the file after the day, the languages and, when narrower than internal, the readers', () => {
    const base = { asOf: '2020-04-15', format: 'pdf', audience: 'internal' } as const;
    expect(exportFileName({ ...base, languages: 'both' })).toBe('faq-2020-04-15-fr-nl.pdf');
    expect(exportFileName({ ...base, languages: 'nl', format: 'html' })).toBe('faq-2020-04-15-nl.html');
    expect(exportFileName({ ...base, languages: 'fr', audience: 'public' })).toBe(
      'faq-2020-04-15-fr-public.pdf',
    );
  });
});

describe('knowledge export: Markdown for print', () => {
  it('keeps paragraphs, list markers and nesting, bold and italic, and prints link addresses', () => {
    const blocks = markdownBlocks(
      'Le **montant** est *fixe*.\n\n- un\n- deux\n  1. sous\n\nVoir [le site](https://www.inasti.be) ou www.rsvz.be.',
    );
    expect(blocks.map((b) => [b.kind, b.depth, b.marker ?? ''])).toEqual([
      ['paragraph', 0, ''],
      ['paragraph', 1, '•'],
      ['paragraph', 1, '•'],
      ['paragraph', 2, '1.'],
      ['paragraph', 0, ''],
    ]);
    expect(blocks[0]!.spans).toEqual([
      { text: 'Le ' },
      { text: 'montant', bold: true },
      { text: ' est ' },
      { text: 'fixe', italic: true },
      { text: '.' },
    ]);
    expect(blocksText(blocks).split('\n').at(-1)).toBe(
      'Voir le site (https://www.inasti.be) ou www.rsvz.be.',
    );
  });

  it('prints raw HTML and script links as text, and tables as rows', () => {
    const blocks = markdownBlocks('<b>x</b> [clic](javascript:alert(1))\n\n| A | B |\n|---|---|\n| 1 | 2 |');
    expect(blocksText(blocks)).toBe('<b>x</b> [clic](javascript:alert(1))\nA | B\n1 | 2');
    expect(blocks[0]!.spans.some((s) => s.link)).toBe(false);
    expect(blocks[1]!.spans.every((s) => s.bold)).toBe(true);
  });

  it('spells out what the standard PDF fonts cannot print', () => {
    expect(toWinAnsi('Crédit → 1.291,69 € ≥ “oui” – œuvre')).toBe('Crédit -> 1.291,69 € >= “oui” – œuvre');
    expect(toWinAnsi('e\u0301 ✓ 日本')).toBe('é v ??');
  });
});
