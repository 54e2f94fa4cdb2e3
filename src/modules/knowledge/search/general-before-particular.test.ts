import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_THEMES } from '../demo-themes.js';
import { DEFAULT_SYNONYMS } from '../synonyms-default.js';
import { createSearchIndex } from './search-index.js';
import type { Lang, SearchableEntry } from './types.js';

// The demo FAQ as seeded: 150 entries, dozens of which combine the bridging right with a particular
// case (a second kind of the right, a pension, take-away, temporary unemployment), often naming it
// twice; each filed under a theme with its French and Dutch names.
type DemoEntry = Omit<SearchableEntry, 'ref' | 'validFrom' | 'validTo'> & {
  id: string;
  valid_from: string;
  valid_to: string | null;
};
const themeNames = new Map(DEMO_THEMES.map((t) => [t.code, { fr: t.nameFr, nl: t.nameNl }]));
const demo: SearchableEntry[] = (
  JSON.parse(
    fs.readFileSync(new URL('../../../../demo/faq/faq-corpus.json', import.meta.url), 'utf8'),
  ) as DemoEntry[]
).map((e) => ({
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

// What an editor adds as the FAQ grows: an entry about the right itself, one about its amount. Their
// tags, as in the demo, say what sets them apart within the theme, not the theme's name.
let counter = 900;
function entry(
  fr: [question: string, answer: string],
  nl: [question: string, answer: string],
  tags: string[] = [],
): SearchableEntry {
  counter++;
  return {
    ref: `FAQ-${String(counter).padStart(4, '0')}`,
    theme: 'droit-passerelle',
    themeName: themeNames.get('droit-passerelle'),
    tags,
    audience: 'public',
    validFrom: '2020-03-01',
    validTo: null,
    fr: { question: fr[0], answer: fr[1] },
    nl: { question: nl[0], answer: nl[1] },
  };
}

const about = entry(
  [
    "Qu'est-ce que le droit passerelle ?",
    "Le droit passerelle est un revenu de remplacement pour le travailleur indépendant qui doit interrompre son activité, avec le maintien de ses droits en matière de soins de santé. Il se demande auprès de la caisse d'assurances sociales.",
  ],
  [
    'Wat is het overbruggingsrecht?',
    'Het overbruggingsrecht is een vervangingsinkomen voor de zelfstandige die zijn activiteit moet onderbreken, met behoud van zijn rechten op geneeskundige verzorging. Het wordt aangevraagd bij het sociaal verzekeringsfonds.',
  ],
  ['revenu de remplacement', 'vervangingsinkomen', 'conditions', 'voorwaarden'],
);
const amount = entry(
  [
    'Quel est le montant du droit passerelle ?',
    "Le montant mensuel est fixé par la loi et indexé ; il est plus élevé pour l'indépendant avec charge de famille.",
  ],
  [
    'Wat is het bedrag van het overbruggingsrecht?',
    'Het maandbedrag ligt wettelijk vast en wordt geïndexeerd; het is hoger voor de zelfstandige met gezinslast.',
  ],
  ['montant', 'bedrag', 'charge de famille', 'gezinslast'],
);
const index = createSearchIndex([...demo, about, amount], DEFAULT_SYNONYMS);
const first = (q: string, lang: Lang) => index.search({ q, lang, asOf: 'any', limit: 10 }).results[0]?.ref;

describe('createSearchIndex: the general before the particular', () => {
  it.each([
    ['droit passerelle', 'fr'],
    ['droit passerelle', 'nl'],
    ['overbruggingsrecht', 'nl'],
    ['overbruggingsrecht', 'fr'],
  ] as const)('puts the entry about the right itself first for "%s" (%s)', (q, lang) => {
    expect(first(q, lang)).toBe(about.ref);
  });

  it.each([
    ['montant droit passerelle', 'fr'],
    ['montant droit passerelle', 'nl'],
    ['bedrag overbruggingsrecht', 'nl'],
    ['bedrag overbruggingsrecht', 'fr'],
  ] as const)('puts the entry about the amount itself first for "%s" (%s)', (q, lang) => {
    expect(first(q, lang)).toBe(amount.ref);
  });

  it('still puts the particular case first when the query names it', () => {
    expect(first('pensionné actif double droit passerelle', 'fr')).toBe('FAQ-0079');
    expect(first('droit passerelle de crise et de soutien à la reprise', 'fr')).toBe('FAQ-0032');
    expect(first('dubbel overbruggingsrecht restaurant afhaal', 'nl')).toBe('FAQ-0098');
  });
});

// The demo as shipped holds no entry about the right itself: every entry is a case. The entries
// about the topic are those filed under the theme named like the query; the others combine it with
// what their own theme is about (a pension, a parental leave, a procedure).
const shipped = createSearchIndex(demo, DEFAULT_SYNONYMS);
const themeOf = new Map(demo.map((e) => [e.ref, e.theme]));
const top = (q: string, lang: Lang, limit = 5) =>
  shipped.search({ q, lang, asOf: 'any', limit }).results.map((r) => r.ref);

describe('createSearchIndex on the demo FAQ: a query naming a theme asks about its topic', () => {
  it.each([
    ['droit passerelle', 'fr', 'droit-passerelle'],
    ['droit passerelle', 'nl', 'droit-passerelle'],
    ['overbruggingsrecht', 'nl', 'droit-passerelle'],
    ['overbruggingsrecht', 'fr', 'droit-passerelle'],
  ] as const)('ranks the entries filed under the theme first for "%s" (%s)', (q, lang, theme) => {
    expect(top(q, lang).map((ref) => themeOf.get(ref))).toEqual(Array(5).fill(theme));
  });

  // Not only the bridging right: the same holds for any theme (the taxes on the right, FAQ-0034, and
  // the right against the contributions, FAQ-0099, came first).
  it.each([
    ['cotisations sociales', 'fr'],
    ['sociale bijdragen', 'nl'],
  ] as const)('puts an entry of the theme "Cotisations sociales" first for "%s" (%s)', (q, lang) => {
    expect(themeOf.get(top(q, lang)[0]!)).toBe('cotisations');
  });

  it.each([
    ['montant droit passerelle', 'fr'],
    ['montant du droit passerelle', 'fr'],
    ['bedrag overbruggingsrecht', 'nl'],
    ['bedrag van het overbruggingsrecht', 'nl'],
  ] as const)('ranks the entries about the amount of the right first for "%s" (%s)', (q, lang) => {
    expect(top(q, lang, 3).sort()).toEqual(['FAQ-0001', 'FAQ-0002', 'FAQ-0003']);
  });

  it('still puts the particular case of another theme first when the query names it', () => {
    expect(top('conjoint aidant overbruggingsrecht', 'nl')[0]).toBe('FAQ-0081');
    expect(top('droit passerelle parental', 'fr')[0]).toBe('FAQ-0095');
    expect(top('pensionné actif double droit passerelle', 'fr')[0]).toBe('FAQ-0079');
    expect(top('overlevingspensioen overbruggingsrecht', 'nl')[0]).toBe('FAQ-0094');
  });
});
