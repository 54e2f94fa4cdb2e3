import { termsOf } from './analyzer.js';
import type { QuestionTerms } from './question-coverage.js';
import type { SearchableEntry } from './types.js';

/**
 * Whether a query asks about the topic of an entry's theme: the general before the particular, when
 * no entry's question is the general one.
 *
 * Editors file each entry under a theme named after its topic ("Droit passerelle" /
 * "Overbruggingsrecht"), and file an entry that combines the topic with another one (a pension, a
 * parental leave, a second activity) under that other theme ("Statut", "Cumul"). So when the words
 * typed are mostly the name of a theme, the entries of that theme are about what was asked, and the
 * others only mention it. Questions alone cannot tell: every question of a crisis FAQ is a case
 * ("Mon restaurant est fermé… : ai-je droit au droit passerelle ?"), and those that name the topic
 * most often, in their tags too ("double droit passerelle"), are the ones about a particular kind.
 *
 * The bonus grows with the share of the typed words the theme's name accounts for: all of
 * "overbruggingsrecht" (the theme's entries score 2.5 times as much), two words of three of
 * "montant droit passerelle" (1.44), half of "conjoint aidant droit passerelle" (1.19), where the
 * other words decide. Only entries that account for every typed word are weighed, as for questions.
 */

// Computed on first need and kept with the entry object (a changed entry comes as a new object).
const termsByEntry = new WeakMap<SearchableEntry, QuestionTerms>();

/** The terms of the content words of an entry's theme name in both languages (none if unknown). */
export function themeTermsOfEntry(entry: SearchableEntry): QuestionTerms {
  let terms = termsByEntry.get(entry);
  if (!terms) {
    const name = entry.themeName;
    terms = name
      ? { fr: [...new Set(termsOf(name.fr, 'fr'))], nl: [...new Set(termsOf(name.nl, 'nl'))] }
      : { fr: [], nl: [] };
    termsByEntry.set(entry, terms);
  }
  return terms;
}

/**
 * The factor on the score of an entry whose theme the query names: 1 + weight × share³, the share
 * being that of the typed words the theme's name accounts for. Cubed (steeper than for questions),
 * so that a query that is the theme's name stands out and one that adds a particular case barely
 * moves: on the development queries a square lifted the theme's entries above the particular case
 * asked for ("conjoint aidant overbruggingsrecht").
 */
export function themeFactor(share: number, weight: number): number {
  return 1 + weight * share ** 3;
}
