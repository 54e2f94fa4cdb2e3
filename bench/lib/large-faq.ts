import { readFileSync } from 'node:fs';
import type { ExportEntry, ExportThemeInfo } from '../../src/modules/knowledge/export/content.js';
import { loadCorpus } from './faq-data.js';
import { syntheticCorpus } from './synthetic-corpus.js';

/** A record of the corpus file format (`relais kb import`, demo/faq/faq-corpus.json). */
export type CorpusRecord = {
  id: string;
  theme: string;
  audience: 'public' | 'partners' | 'internal';
  valid_from: string;
  valid_to: string | null;
  supersedes: string | null;
  tags: string[];
  legal_basis: string | null;
  sources: string[];
  fr: { question: string; answer: string };
  nl: { question: string; answer: string };
};

const root = new URL('../../', import.meta.url);

export const demoCorpus = (): CorpusRecord[] =>
  JSON.parse(readFileSync(new URL('demo/faq/faq-corpus.json', root), 'utf8')) as CorpusRecord[];

/**
 * The demo corpus plus `extra` generated entries (text grown from the real ones, see
 * synthetic-corpus.ts), every generated one valid from 2020-01-01 with no end: an export as of any
 * later day holds them all. Legal basis and sources are the base entry's.
 */
export function largeCorpus(extra: number): CorpusRecord[] {
  const demo = demoCorpus();
  const grown = syntheticCorpus(loadCorpus(), demo.length + extra).slice(demo.length);
  return [
    ...demo,
    ...grown.map((entry, i) => {
      const base = demo[i % demo.length]!;
      return {
        ...base,
        id: entry.ref,
        tags: [...new Set(entry.tags)].slice(0, 30),
        valid_from: '2020-01-01',
        valid_to: null,
        supersedes: null,
        fr: entry.fr,
        nl: entry.nl,
      };
    }),
  ];
}

/** The demo themes with their names (as the server's demo seed creates them). */
export const DEMO_THEMES: ExportThemeInfo[] = [
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

/** Corpus records as the export reads them from the database (version 1, published on `day`). */
export const asExportEntries = (records: CorpusRecord[], day: string): ExportEntry[] =>
  records.map((record) => ({
    ref: record.id,
    number: Number(record.id.slice(4)),
    theme: record.theme,
    audience: record.audience,
    validFrom: record.valid_from,
    validTo: record.valid_to,
    version: 1,
    versionDate: day,
    supersedes: record.supersedes,
    fr: { ...record.fr, legalBasis: record.legal_basis ?? '', sources: record.sources },
    nl: { ...record.nl, legalBasis: record.legal_basis ?? '', sources: record.sources },
  }));
