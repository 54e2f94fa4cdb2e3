import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../../bench/lib/faq-data.js';
import { indexTermCounts } from './analyzer.js';
import { topInOrder } from './bm25-postings.js';
import { DEFAULT_TUNING } from './search-index.js';
import { createTermIndex } from './term-index.js';
import type { Lang, SearchableEntry } from './types.js';

// The demo corpus as the index sees it, loaded as the benchmarks load it.
const corpus: SearchableEntry[] = loadCorpus();

/** A field's terms as a list, each repeated as often as it comes (MiniSearch counts them itself). */
const indexTermsOf = (text: string, lang: Lang) =>
  [...indexTermCounts(text, lang)].flatMap(([term, count]) => Array<string>(count).fill(term));

const KINDS = ['question', 'tags', 'answer'] as const;
const FIELDS = (['fr', 'nl'] as const).flatMap((lang) => KINDS.map((kind) => `${kind}_${lang}`));
const langOf = (field: string): Lang => (field.endsWith('_nl') ? 'nl' : 'fr');
const textOf = (entry: SearchableEntry, field: string) => {
  const lang = langOf(field);
  if (field.startsWith('question')) return entry[lang].question;
  if (field.startsWith('answer')) return entry[lang].answer;
  return entry.tags.join(' \n ');
};

/** The index as Relais built it before it kept its own postings: MiniSearch over the same terms. */
function miniSearchOf(entries: SearchableEntry[]) {
  const mini = new MiniSearch<SearchableEntry>({
    idField: 'ref',
    fields: FIELDS,
    extractField: (entry, field) => (field === 'ref' ? entry.ref : textOf(entry, field)),
    tokenize: (text, field) => indexTermsOf(text, langOf(field ?? '')),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term, bm25: DEFAULT_TUNING.bm25 },
  });
  mini.addAll(entries);
  return mini;
}

function miniSearchHits(mini: MiniSearch<SearchableEntry>, term: string, lang: Lang, isOwnLanguage: boolean) {
  const factor = isOwnLanguage ? 1 : DEFAULT_TUNING.otherLanguage;
  return mini
    .search(term, {
      fields: KINDS.map((kind) => `${kind}_${lang}`),
      boost: Object.fromEntries(KINDS.map((kind) => [`${kind}_${lang}`, DEFAULT_TUNING[kind] * factor])),
    })
    .slice(0, DEFAULT_TUNING.termDepth)
    .map((result) => ({ ref: result.id as string, score: result.score }));
}

function termIndexHits(index: ReturnType<typeof createTermIndex>, term: string, lang: Lang, own: boolean) {
  const hits = index.hitsOf(term, lang, own);
  return [...hits.slots].map((slot, i) => ({ ref: index.entryAt(slot).ref, score: hits.scores[i]! }));
}

const termsOfCorpus = (entries: SearchableEntry[], lang: Lang) => [
  ...new Set(
    entries.flatMap((e) => indexTermsOf(`${e[lang].question} ${e[lang].answer} ${e.tags.join(' ')}`, lang)),
  ),
];

describe('term index', () => {
  it('scores every term as MiniSearch’s BM25+ did, in the same order, ties included', () => {
    const index = createTermIndex(DEFAULT_TUNING);
    for (const entry of corpus) index.upsert(entry);
    const mini = miniSearchOf(corpus);
    for (const lang of ['fr', 'nl'] as const) {
      const terms = termsOfCorpus(corpus, lang);
      expect(terms.length).toBeGreaterThan(500);
      for (const term of terms) {
        for (const own of [true, false]) {
          const ours = termIndexHits(index, term, lang, own);
          const theirs = miniSearchHits(mini, term, lang, own);
          expect(
            ours.map((h) => h.ref),
            term,
          ).toEqual(theirs.map((h) => h.ref));
          for (const [i, hit] of ours.entries()) expect(hit.score).toBeCloseTo(theirs[i]!.score, 9);
        }
      }
    }
  });

  it('keeps scoring as MiniSearch did after entries are replaced and removed', () => {
    const index = createTermIndex(DEFAULT_TUNING);
    for (const entry of corpus) index.upsert(entry);
    const changed = corpus
      .slice(0, 20)
      .map((e) => ({ ...e, fr: { ...e.fr, answer: `${e.fr.answer} Mise à jour.` } }));
    for (const entry of changed) index.upsert(entry);
    for (const entry of corpus.slice(20, 30)) index.remove(entry.ref);
    const expected = [...corpus.slice(30), ...changed];
    const mini = miniSearchOf(expected);
    for (const term of termsOfCorpus(expected, 'fr').slice(0, 300)) {
      const ours = termIndexHits(index, term, 'fr', true);
      const theirs = miniSearchHits(mini, term, 'fr', true);
      expect(
        ours.map((h) => h.ref),
        term,
      ).toEqual(theirs.map((h) => h.ref));
      for (const [i, hit] of ours.entries()) expect(hit.score).toBeCloseTo(theirs[i]!.score, 9);
    }
    expect(index.size).toBe(expected.length);
    expect(index.isKnown('jour')).toBe(true);
    for (const entry of corpus.slice(30)) index.remove(entry.ref);
    for (const entry of changed) index.remove(entry.ref);
    expect(index.size).toBe(0);
    expect(index.countOf('cotis')).toBe(0);
    expect([...index.vocabulary.atPrefix('')]).toHaveLength(0);
  });
  it('builds the same index from many entries at once as entry by entry, replacements included', () => {
    const replaced = corpus
      .slice(40, 60)
      .map((e) => ({ ...e, nl: { ...e.nl, answer: `${e.nl.answer} Bijgewerkt.` } }));
    const oneByOne = createTermIndex(DEFAULT_TUNING);
    for (const entry of [...corpus, ...replaced]) oneByOne.upsert(entry);
    // Some entries first, then the rest with replacements in one go: postings appended to lists
    // that already exist as well as new ones.
    const atOnce = createTermIndex(DEFAULT_TUNING);
    for (const entry of corpus.slice(0, 30)) atOnce.upsert(entry);
    atOnce.upsertAll([...corpus.slice(30), ...replaced]);
    expect(atOnce.size).toBe(oneByOne.size);
    for (const lang of ['fr', 'nl'] as const) {
      for (const term of termsOfCorpus([...corpus, ...replaced], lang)) {
        for (const own of [true, false]) {
          expect(termIndexHits(atOnce, term, lang, own), term).toEqual(
            termIndexHits(oneByOne, term, lang, own),
          );
        }
        expect(atOnce.countOf(term)).toBe(oneByOne.countOf(term));
      }
    }
    expect([...atOnce.vocabulary.atPrefix('')].map(([term]) => term)).toEqual(
      [...oneByOne.vocabulary.atPrefix('')].map(([term]) => term),
    );
  });
});

describe('topInOrder', () => {
  it('gives what a stable sort then a cut gives, equal scores in their first order', () => {
    const scores = new Float64Array([5, 1, 5, 3, 3, 3, 9, 0.5, 3, 5]);
    const slots = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    for (let limit = 1; limit <= slots.length + 1; limit++) {
      const expected = [...slots].sort((a, b) => scores[b]! - scores[a]!).slice(0, limit);
      expect(topInOrder(slots, scores, limit)).toEqual(expected);
    }
  });
});
