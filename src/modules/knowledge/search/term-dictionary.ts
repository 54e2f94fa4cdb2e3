import { analyzeWord } from './analyzer.js';
import type { Lang } from './types.js';

/**
 * Numbers for the terms of one index, and the words of its texts already analysed into them. The
 * index reads millions of words when it is built but only tens of thousands of distinct ones: each
 * is analysed once, and its terms are then counted by number in flat arrays rather than by string
 * in hash maps. A number, once given, always stands for the same term (an unused one costs a few
 * bytes), so nothing needs renumbering when entries go.
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  // Only the words of indexed texts come here (queries are analysed without it), so it is bounded
  // by the corpus.
  private readonly wordTerms: Record<Lang, Map<string, Int32Array | null>> = { fr: new Map(), nl: new Map() };

  /** How many terms have a number. */
  get size(): number {
    return this.terms.length;
  }

  /** The number of a term, given it now if it has none. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }

  /** The number of a term, if it ever had one. */
  find(term: string): number | undefined {
    return this.ids.get(term);
  }

  termAt(id: number): string {
    return this.terms[id]!;
  }

  /**
   * The numbers of what a lower-case word stands for in the index (its term, then the terms of its
   * compound parts, as indexTermCounts counts them), or null for a function word.
   */
  termsOfWord(word: string, lang: Lang): Int32Array | null {
    const known = this.wordTerms[lang];
    let ids = known.get(word);
    if (ids === undefined) {
      const analysis = analyzeWord(word, lang);
      ids = analysis ? Int32Array.from([analysis.term, ...analysis.parts], (term) => this.idOf(term)) : null;
      known.set(word, ids);
    }
    return ids;
  }
}
