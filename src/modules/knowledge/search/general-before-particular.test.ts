import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNONYMS } from '../synonyms-default.js';
import { createSearchIndex } from './search-index.js';
import type { Lang, SearchableEntry } from './types.js';

// The demo FAQ: 150 entries, dozens of which combine the bridging right with a particular case (a
// second kind of the right, a pension, take-away, temporary unemployment), often naming it twice.
type DemoEntry = Omit<SearchableEntry, 'ref' | 'validFrom' | 'validTo'> & {
  id: string;
  valid_from: string;
  valid_to: string | null;
};
const demo: SearchableEntry[] = (
  JSON.parse(
    fs.readFileSync(new URL('../../../../demo/faq/faq-corpus.json', import.meta.url), 'utf8'),
  ) as DemoEntry[]
).map((e) => ({
  ref: e.id,
  theme: e.theme,
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
