import type { SearchableEntry } from '../../src/modules/knowledge/search/types.js';
import { seededRandom } from '../../src/platform/seeded-random.js';

export { seededRandom };

const REPLACE_RATE = 0.15;
const MUTATE_RATE = 0.02;
const LETTERS = 'abcdefghijklmnopqrstuvwxyzéèàç';

function shiftYears(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}

/**
 * A corpus of `size` entries grown from real ones, so that the index holds realistic text at scale
 * without being `size / base.length` copies of the same documents. Entry i starts from base entry
 * i mod n and, in every text, independently for each word:
 * - 15 % are replaced by a word drawn at random from the whole base corpus in that language (same
 *   word frequencies, different documents per word);
 * - 2 % are mutated (a letter replaced or two swapped), which grows the vocabulary the way names,
 *   typos and new terms do in a real FAQ (fuzzy search cost grows with the vocabulary);
 * then the sentence's words are rotated by a random offset, tags are drawn from other entries,
 * references are new (FAQ-0151…) and validity periods move by -2 to +3 years.
 */
export function syntheticCorpus(
  base: readonly SearchableEntry[],
  size: number,
  seed = 20_200_316,
): SearchableEntry[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const words = {
    fr: base.flatMap((e) => `${e.fr.question} ${e.fr.answer}`.split(/\s+/)),
    nl: base.flatMap((e) => `${e.nl.question} ${e.nl.answer}`.split(/\s+/)),
  };
  const allTags = base.flatMap((e) => e.tags);
  const mutate = (word: string): string => {
    const chars = [...word];
    const at = Math.floor(random() * chars.length);
    if (random() < 0.5 && at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
    else chars[at] = pick([...LETTERS]);
    return chars.join('');
  };
  const vary = (text: string, lang: 'fr' | 'nl'): string => {
    const varied = text.split(/\s+/).map((word) => {
      const roll = random();
      if (roll < REPLACE_RATE) return pick(words[lang]);
      if (roll < REPLACE_RATE + MUTATE_RATE) return mutate(word);
      return word;
    });
    const offset = Math.floor(random() * varied.length);
    return [...varied.slice(offset), ...varied.slice(0, offset)].join(' ');
  };
  const entries: SearchableEntry[] = [...base];
  for (let i = base.length; i < size; i++) {
    const from = base[i % base.length]!;
    const years = Math.floor(random() * 6) - 2;
    entries.push({
      ref: `FAQ-${String(i + 1).padStart(5, '0')}`,
      theme: from.theme,
      themeName: from.themeName,
      tags: [...from.tags.slice(0, 2), pick(allTags), pick(allTags)],
      audience: from.audience,
      validFrom: shiftYears(from.validFrom, years),
      validTo: from.validTo === null ? null : shiftYears(from.validTo, years),
      fr: { question: vary(from.fr.question, 'fr'), answer: vary(from.fr.answer, 'fr') },
      nl: { question: vary(from.nl.question, 'nl'), answer: vary(from.nl.answer, 'nl') },
    });
  }
  return entries;
}
