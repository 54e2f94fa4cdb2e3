import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './search-index.js';
import type { SearchableEntry, SearchRequest, SynonymGroup } from './types.js';

let counter = 0;
function makeEntry(overrides: Partial<SearchableEntry> = {}): SearchableEntry {
  counter++;
  return {
    ref: `FAQ-${String(counter).padStart(4, '0')}`,
    theme: 'general',
    tags: [],
    audience: 'public',
    validFrom: '2020-03-01',
    validTo: null,
    fr: { question: 'Question sans rapport', answer: 'Réponse sans rapport.' },
    nl: { question: 'Vraag zonder verband', answer: 'Antwoord zonder verband.' },
    ...overrides,
  };
}

const SYNONYMS: SynonymGroup[] = [
  { fr: ['droit passerelle'], nl: ['overbruggingsrecht'] },
  { fr: ['à titre complémentaire'], nl: ['in bijberoep'] },
];

const bridging = makeEntry({
  theme: 'droit-passerelle',
  tags: ['droit passerelle de crise'],
  fr: {
    question: "Le travailleur indépendant peut-il obtenir le droit passerelle s'il doit fermer ?",
    answer: 'Oui, le **droit passerelle** est une prestation mensuelle pour le travailleur indépendant.',
  },
  nl: {
    question: 'Kan de zelfstandige het overbruggingsrecht krijgen als hij moet sluiten?',
    answer: 'Ja, het **overbruggingsrecht** is een maandelijkse uitkering voor de zelfstandige.',
  },
});
const contributions = makeEntry({
  theme: 'cotisations',
  fr: {
    question: 'Puis-je reporter mes cotisations sociales ?',
    answer: 'Le report des cotisations sociales est possible pendant un an.',
  },
  nl: {
    question: 'Kan ik mijn sociale bijdragen uitstellen?',
    answer: 'Uitstel van de sociale bijdragen is een jaar mogelijk.',
  },
});
const sideActivity = makeEntry({
  audience: 'partners',
  fr: {
    question: 'Un affilié à titre complémentaire a-t-il droit à une aide ?',
    answer: 'La caisse vérifie ses revenus.',
  },
  nl: {
    question: 'Heeft een aangeslotene in bijberoep recht op steun?',
    answer: 'Het fonds kijkt zijn inkomsten na.',
  },
});

const request = (q: string, overrides: Partial<SearchRequest> = {}): SearchRequest => ({
  q,
  lang: 'fr',
  asOf: 'any',
  limit: 10,
  ...overrides,
});

describe('createSearchIndex: matching what agents type', () => {
  const index = createSearchIndex([bridging, contributions, sideActivity], SYNONYMS);
  const refs = (q: string, overrides: Partial<SearchRequest> = {}) =>
    index.search(request(q, overrides)).results.map((r) => r.ref);

  it('ignores accents: "independant" finds "indépendant"', () => {
    expect(refs('travailleur independant')[0]).toBe(bridging.ref);
  });

  it('matches singular and plural through stemming: "cotisation" finds "cotisations"', () => {
    expect(refs('cotisation')[0]).toBe(contributions.ref);
    expect(refs('bijdrage', { lang: 'nl' })[0]).toBe(contributions.ref);
  });

  it('forgives a typo in a long word: "droit passerele"', () => {
    expect(refs('droit passerele')[0]).toBe(bridging.ref);
    expect(refs('overbrugingsrecht', { lang: 'nl' })[0]).toBe(bridging.ref);
  });

  it('completes the word being typed: "overbrugg"', () => {
    expect(refs('overbrugg', { lang: 'nl' })[0]).toBe(bridging.ref);
  });

  it('does not complete a word followed by a space: it is finished', () => {
    expect(refs('overbrugg ', { lang: 'nl' })).toEqual([]);
  });

  it('brings in synonyms across languages: "droit passerelle" typed in a Dutch search', () => {
    const index2 = createSearchIndex(
      [
        makeEntry({
          ref: 'NL-ONLY',
          nl: { question: 'Wat is het overbruggingsrecht?', answer: 'Een uitkering.' },
        }),
      ],
      SYNONYMS,
    );
    expect(index2.search(request('droit passerelle', { lang: 'nl' })).results.map((r) => r.ref)).toEqual([
      'NL-ONLY',
    ]);
  });

  it('finds the other language of an entry too, a Dutch word in a French search', () => {
    expect(refs('bijberoep')[0]).toBe(sideActivity.ref);
  });

  it('ranks an entry whose question says it above one that only mentions it in the answer', () => {
    const inQuestion = makeEntry({ fr: { question: 'Le report de paiement ?', answer: 'Voir la caisse.' } });
    const inAnswer = makeEntry({
      fr: { question: 'Une autre question ?', answer: 'Le report de paiement est possible.' },
    });
    const index2 = createSearchIndex([inAnswer, inQuestion], []);
    expect(index2.search(request('report de paiement')).results.map((r) => r.ref)).toEqual([
      inQuestion.ref,
      inAnswer.ref,
    ]);
  });

  it('searches the first words of an overlong query and ignores the rest', () => {
    const quarantine = makeEntry({ fr: { question: 'Quarantaine ?', answer: 'Oui.' } });
    const index2 = createSearchIndex([contributions, quarantine], []);
    const found = (q: string) => index2.search(request(q)).results.map((r) => r.ref);
    const words = Array.from({ length: 40 }, (_, i) => `mot${i}`).join(' ');
    expect(found(`cotisation ${words.split(' ').slice(0, 10).join(' ')} quarantaine`)).toContain(
      quarantine.ref,
    );
    expect(found(`cotisation ${words} quarantaine`)).toEqual([contributions.ref]);
  });

  it('returns the counts but no result for a limit of 0', () => {
    expect(index.search(request('cotisation', { limit: 0 }))).toEqual({
      results: [],
      validMatches: 1,
      fallback: false,
    });
  });

  it('finds nothing for function words alone', () => {
    expect(index.search(request('est-ce que je peux'))).toEqual({
      results: [],
      validMatches: 0,
      fallback: false,
    });
  });
});

describe('createSearchIndex: filters', () => {
  const index = createSearchIndex([bridging, contributions, sideActivity], SYNONYMS);

  it('keeps only the audiences asked for', () => {
    const all = index.search(request('titre complémentaire aide')).results.map((r) => r.ref);
    expect(all).toContain(sideActivity.ref);
    const publicOnly = index.search(request('titre complémentaire aide', { audiences: ['public'] }));
    expect(publicOnly.results.map((r) => r.ref)).not.toContain(sideActivity.ref);
  });

  it('keeps only the theme asked for', () => {
    const results = index.search(request('droit passerelle cotisations', { theme: 'cotisations' })).results;
    expect(results.map((r) => r.ref)).toEqual([contributions.ref]);
  });
});

describe('createSearchIndex: the day a question is about', () => {
  const spring = makeEntry({
    validFrom: '2020-03-01',
    validTo: '2020-06-30',
    fr: { question: 'Quel est le montant du droit passerelle au printemps ?', answer: '1.291,69 euros.' },
  });
  const autumn = makeEntry({
    validFrom: '2020-10-01',
    validTo: '2021-06-30',
    fr: { question: 'Montant du droit passerelle ?', answer: 'Le double droit passerelle.' },
  });
  const index = createSearchIndex([spring, autumn], SYNONYMS);

  it('puts first the entry valid on that day, even when another matches better', () => {
    const response = index.search(request('montant droit passerelle', { asOf: '2020-04-15' }));
    expect(response.results.map((r) => [r.ref, r.isValidOnDate])).toEqual([
      [spring.ref, true],
      [autumn.ref, false],
    ]);
    expect(response).toMatchObject({ validMatches: 1, fallback: false });
  });

  it('searches every period with "any"', () => {
    const response = index.search(request('montant droit passerelle', { asOf: 'any' }));
    expect(response.results).toHaveLength(2);
    expect(response.results.every((r) => r.isValidOnDate)).toBe(true);
    expect(response).toMatchObject({ validMatches: 2, fallback: false });
  });

  it('says so when nothing valid that day matches, and gives the nearest period first, marked', () => {
    const response = index.search(request('montant droit passerelle', { asOf: '2020-08-15' }));
    expect(response.fallback).toBe(true);
    expect(response.validMatches).toBe(0);
    expect(response.results.map((r) => [r.ref, r.isValidOnDate, r.validFrom, r.validTo])).toEqual([
      [autumn.ref, false, '2020-10-01', '2021-06-30'],
      [spring.ref, false, '2020-03-01', '2020-06-30'],
    ]);
  });
});

describe('createSearchIndex: highlights', () => {
  it('marks the matched words of the question and of an answer excerpt, in the request language', () => {
    const index = createSearchIndex([bridging], SYNONYMS);
    const [hit] = index.search(request('droit passerelle', { lang: 'nl' })).results;
    expect(hit!.highlights.question).toContain('<mark>overbruggingsrecht</mark>');
    expect(hit!.highlights.answer).toContain('<mark>overbruggingsrecht</mark>');
    expect(hit!.highlights.answer).not.toContain('**');
  });

  it('escapes the text so that the marks are the only markup', () => {
    const risky = makeEntry({
      fr: { question: 'Le <script>alert(1)</script> du report ?', answer: 'Un & deux "report".' },
    });
    const [hit] = createSearchIndex([risky], []).search(request('report')).results;
    expect(hit!.highlights.question).toBe(
      'Le &lt;script&gt;alert(1)&lt;/script&gt; du <mark>report</mark> ?',
    );
    expect(hit!.highlights.answer).toBe('Un &amp; deux &quot;<mark>report</mark>&quot;.');
  });
});

describe('createSearchIndex: upsert and remove', () => {
  it('finds an entry once added, its new text once replaced, nothing once removed', () => {
    const index = createSearchIndex([], SYNONYMS);
    const entry = makeEntry({ fr: { question: 'Quarantaine et droit passerelle ?', answer: 'Oui.' } });
    index.upsert(entry);
    expect(index.search(request('quarantaine')).results.map((r) => r.ref)).toEqual([entry.ref]);

    index.upsert({ ...entry, fr: { question: 'Garde d’enfant et droit passerelle ?', answer: 'Oui.' } });
    expect(index.search(request('quarantaine')).results).toEqual([]);
    expect(index.search(request('enfant')).results.map((r) => r.ref)).toEqual([entry.ref]);
    expect(index.size).toBe(1);

    index.remove(entry.ref);
    expect(index.search(request('enfant')).results).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('forgets a removed word: a typo no longer lands on it', () => {
    const index = createSearchIndex([], []);
    const entry = makeEntry({ fr: { question: 'Quarantaine ?', answer: 'Oui.' } });
    index.upsert(entry);
    expect(index.search(request('quarantane')).results).toHaveLength(1);
    index.remove(entry.ref);
    index.upsert(makeEntry({ fr: { question: 'Autre chose ?', answer: 'Non.' } }));
    expect(index.search(request('quarantane')).results).toEqual([]);
  });

  it('keeps results right for words searched before a change (their scores are kept between searches)', () => {
    const first = makeEntry({ fr: { question: 'Report des cotisations ?', answer: 'Oui.' } });
    const index = createSearchIndex([first, bridging], []);
    expect(index.search(request('report cotisations')).results.map((r) => r.ref)).toEqual([first.ref]);
    const second = makeEntry({
      fr: { question: 'Report des cotisations sociales de 2021 ?', answer: 'Oui.' },
    });
    index.upsert(second);
    expect(index.search(request('report cotisations')).results.map((r) => r.ref)).toContain(second.ref);
    expect(index.search(request('report cotisations 2021')).results.map((r) => r.ref)).toEqual([
      second.ref,
      first.ref,
    ]);
    index.remove(first.ref);
    expect(index.search(request('report cotisations')).results.map((r) => r.ref)).toEqual([second.ref]);
  });

  it('ignores the removal of an unknown reference', () => {
    const index = createSearchIndex([bridging], SYNONYMS);
    index.remove('FAQ-9999');
    expect(index.size).toBe(1);
  });
});
