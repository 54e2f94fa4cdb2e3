import { readFileSync } from 'node:fs';
import { DEMO_THEMES } from '../../src/modules/knowledge/demo-themes.js';
import type { Audience, Lang, SearchableEntry } from '../../src/modules/knowledge/search/types.js';

/** An entry of demo/faq/faq-corpus.json as shipped. */
interface CorpusEntry {
  id: string;
  theme: string;
  tags: string[];
  audience: Audience;
  fr: { question: string; answer: string };
  nl: { question: string; answer: string };
  valid_from: string;
  valid_to: string | null;
}

/** A development query of bench/data/queries-dev.json: expected entries best first. */
export interface DevQuery {
  q: string;
  lang: Lang;
  kind: string;
  expected: string[];
  as_of?: string;
}

const root = new URL('../../', import.meta.url);

const themeNames = new Map(DEMO_THEMES.map((t) => [t.code, { fr: t.nameFr, nl: t.nameNl }]));

/** The demo FAQ corpus, as the search index sees entries once the demo is seeded (theme names too). */
export function loadCorpus(): SearchableEntry[] {
  const raw = JSON.parse(readFileSync(new URL('demo/faq/faq-corpus.json', root), 'utf8')) as CorpusEntry[];
  return raw.map((e) => ({
    ref: e.id,
    theme: e.theme,
    themeName: themeNames.get(e.theme),
    tags: e.tags,
    audience: e.audience,
    validFrom: e.valid_from,
    validTo: e.valid_to,
    fr: e.fr,
    nl: e.nl,
  }));
}

/** The development queries (benchmarks only: the product never reads them). */
export function loadDevQueries(): DevQuery[] {
  return JSON.parse(readFileSync(new URL('bench/data/queries-dev.json', root), 'utf8')) as DevQuery[];
}
