import { stemmer as stemDutch } from '@orama/stemmers/dutch';
import { foldAccents } from './normalize.js';

// Dutch writes compounds as one word (verzekeringsfonds, omzetdaling, kledingwinkel): someone asking
// about "fonds", "omzet" or "winkel" must still find them. These are the common last parts of the
// compounds of this domain (general nouns of social security and of small business), longest first
// so that "ouderschapsoverbruggingsrecht" splits as ouderschap + overbruggingsrecht. Left out on
// purpose: "recht" ("recht op", entitled to, is everywhere and would blur every split) and "beroep"
// (bijberoep and hoofdberoep are statuses of their own, and "beroep" is also an appeal).
const HEADS = `overbruggingsrecht uitkering bijdrage premie pensioen fonds kas winkel zaak salon praktijk atelier
  maatregel regel regeling plan daling verlies verzekering sector attest aanvraag betaling bedrag termijn
  last plafond inkomen inkomsten onderwijs opvang ondersteuning maaltijd procedure mailbox callcenter
  vergoeding nummer formulier periode duur leeftijd dienst verlof statuut lijn zorg activiteit
  sluiting drempel loket kosten uren dagen maanden kwartaal jaar chauffeur kramer organisator feest
  ongeschiktheid werkloosheid`;

const stem = (word: string) => foldAccents(stemDutch(word));
const HEAD_WORDS = [...new Set(HEADS.split(/\s+/).filter(Boolean))].sort((a, b) => b.length - a.length);
// Plural and inflected endings a head may carry inside a compound (kledingwinkels, afhaalmaaltijden).
const ENDINGS = ['', 's', 'n', 'en', 'e', 'es'];

// The first part must be a word of its own, not a prefix (be-, ver-, ont-...): three letters at least.
const MIN_FIRST_PART = 3;

/**
 * The parts of a Dutch compound (a lower-case word), as terms: `verzekeringsfonds` → [`verzeker`,
 * `fond`], each stemmed on its own as if typed alone. Empty when the word ends with no known head.
 * Split on the word, not its stem: the stemmer cuts a long word differently (omzetdaling → omzetdal).
 */
export function dutchCompoundParts(word: string): string[] {
  for (const head of HEAD_WORDS) {
    for (const ending of ENDINGS) {
      const tail = head + ending;
      if (word.length < tail.length + MIN_FIRST_PART || !word.endsWith(tail)) continue;
      const first = stem(word.slice(0, -tail.length));
      if (first.length >= MIN_FIRST_PART) return [first, stem(tail)];
    }
  }
  return [];
}
