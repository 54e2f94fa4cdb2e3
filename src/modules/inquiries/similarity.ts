// Whether two questions are about the same thing, as a team lead would judge at a glance: the
// words they share, once the small words and endings are set aside. Crude on purpose: it only
// suggests links, and a person decides.

const STOP_WORDS = new Set(
  (
    'le la les un une des du de d l et ou à a au aux en dans pour par sur avec sans mon ma mes ton ta tes son sa ses ' +
    'notre nos votre vos leur leurs je tu il elle on nous vous ils elles est suis sont ai as avez ont être avoir ' +
    'que qui quoi quel quelle quels quelles ce cet cette ces se ne pas plus peut puis dois doit-il est-ce y ' +
    'de het een en of in op voor met zonder mijn mijn jouw zijn haar ons onze jullie hun ik jij hij zij wij ze ' +
    'is ben zijn heb hebt heeft hebben dat die wat welke dit deze kan kun mag moet niet geen ook er van aan bij tot'
  ).split(' '),
);

/** The words that carry the meaning, without accents, plurals and common endings. */
export function meaningfulWords(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
    .map((word) => word.replace(/(ements|ement|ations|ation|ingen|ing|en|es|s|e)$/, ''))
    .filter((word) => word.length > 2);
  return new Set(words);
}

/** Shared words over all words (Jaccard): 1 for the same question, 0 for nothing in common. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

export const SIMILAR_ENOUGH = 0.3;
