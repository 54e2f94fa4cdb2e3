import { isContentWord, partsOf, spellingVariants, termOf } from './analyzer.js';
import { allowedEdits } from './edit-distance.js';
import { tokenize } from './normalize.js';
import { type CompiledSynonyms, expandWithSynonyms } from './synonyms.js';
import type { Lang } from './types.js';

/** One term to look up in the fields of one language. */
export interface PlannedTerm {
  term: string;
  lang: Lang;
  /** 1 for what was typed, less for synonyms brought in. */
  weight: number;
  /** Edits forgiven (0: exact). */
  edits: number;
  /** Also match longer terms starting with this one (the word being typed). */
  isPrefix: boolean;
}

/**
 * Typed words an entry accounts for when it holds all of `terms`: one reading of a word, or a
 * whole synonym phrase standing for the words that brought it in.
 */
export interface CoverageUnit {
  terms: string[];
  words: number[];
}

export interface QueryPlan {
  terms: PlannedTerm[];
  units: CoverageUnit[];
  /** Content words typed. */
  wordCount: number;
}

export interface PlanOptions {
  synonyms: CompiledSynonyms;
  /** Whether the index knows a term; unknown words are the likely typos. */
  isKnown: (term: string) => boolean;
  synonymWeight: number;
  /** Weight of a part of a typed compound (see partsOf). */
  partWeight: number;
}

const LANGS: readonly Lang[] = ['fr', 'nl'];

/**
 * Content words of a query that are searched; the rest is ignored. A question read out on the phone
 * holds far fewer, and this bounds the work a pasted page could cause.
 */
export const MAX_WORDS = 32;

// The reading of a typed word: its term if the index knows it, else a known spelling variant.
function bestTerm(word: string, lang: Lang, isKnown: (term: string) => boolean): string {
  const term = termOf(word, lang);
  if (isKnown(term)) return term;
  return spellingVariants(word, lang).find(isKnown) ?? term;
}

// Typos forgiven in an unknown word: by the length typed, but never more than a quarter of its stem
// ("alocation" is stemmed to "aloc": one edit, not two).
function editsFor(word: string, term: string): number {
  return Math.min(allowedEdits(word), Math.floor(term.length / 4));
}

// Collects planned terms, one per language and term (the strongest use of a term wins), and the
// coverage units that say which typed words they stand for.
class PlanBuilder {
  readonly planned = new Map<string, PlannedTerm>();
  readonly units: CoverageUnit[] = [];

  add(candidate: PlannedTerm): void {
    const key = `${candidate.lang}:${candidate.term}`;
    const existing = this.planned.get(key);
    if (!existing) this.planned.set(key, candidate);
    else {
      existing.weight = Math.max(existing.weight, candidate.weight);
      existing.edits = Math.max(existing.edits, candidate.edits);
      existing.isPrefix ||= candidate.isPrefix;
    }
  }

  cover(terms: string[], words: number[]): void {
    this.units.push({ terms, words });
  }
}

// One typed word read in one language: its term (exact, or with typos forgiven when no reading is
// known), the other forms of it the index holds, and the parts of a Dutch compound.
function planReading(
  plan: PlanBuilder,
  word: string,
  position: number,
  lang: Lang,
  reading: { term: string; isSpelledRight: boolean; isPrefix: boolean },
  options: PlanOptions & { isKnown: (term: string) => boolean },
): void {
  const { term, isSpelledRight, isPrefix } = reading;
  plan.add({ term, lang, weight: 1, edits: isSpelledRight ? 0 : editsFor(word, term), isPrefix });
  plan.cover([term], [position]);
  // Other forms of a known word the index also holds (betaalt → betalen), as the same word.
  for (const variant of spellingVariants(word, lang)) {
    if (variant === term || !isSpelledRight || !options.isKnown(variant)) continue;
    plan.add({ term: variant, lang, weight: 1, edits: 0, isPrefix: false });
    plan.cover([variant], [position]);
  }
  const parts = partsOf(word, lang);
  for (const part of parts)
    plan.add({ term: part, lang, weight: options.partWeight, edits: 0, isPrefix: false });
  if (parts.length > 0) plan.cover(parts, [position]);
}

/**
 * Turns what was typed into the terms to look up. Every word is read in both languages, because
 * entries are searched in both and people mix them ("droit passerelle bijberoep"). A word the index
 * knows in either reading is taken as spelled; otherwise it may hold typos, more for longer words.
 * The last word is still being typed unless a space or punctuation follows it.
 */
export function planQuery(q: string, options: PlanOptions): QueryPlan {
  // Synonym matching asks about the same few words many times.
  const knownness = new Map<string, boolean>();
  const isKnown = (term: string) => {
    let known = knownness.get(term);
    if (known === undefined) {
      known = options.isKnown(term);
      knownness.set(term, known);
    }
    return known;
  };
  // Each word once: saying "cotisation" twice does not make an entry about it twice as relevant.
  const words = [
    ...new Set(
      tokenize(q)
        .map((t) => t.word)
        .filter(isContentWord),
    ),
  ].slice(0, MAX_WORDS);
  const isTyping = /[\p{L}\p{N}]$/u.test(q);
  const plan = new PlanBuilder();
  const readings: Record<Lang, string[]> = { fr: [], nl: [] };
  const isMisspelt: boolean[] = [];
  words.forEach((word, position) => {
    const terms = LANGS.map((lang) => bestTerm(word, lang, isKnown));
    const isSpelledRight = terms.some(isKnown);
    isMisspelt.push(!isSpelledRight);
    const isPrefix = isTyping && position === words.length - 1;
    LANGS.forEach((lang, k) => {
      readings[lang].push(terms[k]!);
      planReading(
        plan,
        word,
        position,
        lang,
        { term: terms[k]!, isSpelledRight, isPrefix },
        { ...options, isKnown },
      );
    });
  });
  const expansions = expandWithSynonyms(options.synonyms, readings, (position) => isMisspelt[position]!);
  for (const lang of LANGS) {
    for (const { terms, words: covered } of expansions[lang]) {
      for (const term of terms)
        plan.add({ term, lang, weight: options.synonymWeight, edits: 0, isPrefix: false });
      plan.cover(terms, covered);
    }
  }
  return { terms: [...plan.planned.values()], units: plan.units, wordCount: words.length };
}

/**
 * How many typed words an entry accounts for, given the planned terms it matched: the plain
 * statement of what compileCoverage (coverage.ts) computes fast for thousands of entries, and the
 * reference its tests check it against.
 */
export function coveredWords(plan: QueryPlan, matchedTerms: ReadonlySet<string>): number {
  const covered = new Set<number>();
  for (const unit of plan.units) {
    if (unit.terms.every((term) => matchedTerms.has(term))) for (const word of unit.words) covered.add(word);
  }
  return covered.size;
}
