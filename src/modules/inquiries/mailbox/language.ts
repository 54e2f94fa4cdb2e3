// Which language a citizen wrote in, to answer in it. The crisis mailbox receives French and
// Dutch (and sometimes both, or neither); a handful of words that are frequent in each and rare in
// the other decides, and French, the mailbox's first language, wins a tie.

const FRENCH = new Set(
  'le la les un une des du de en et est je vous nous mon ma mes pour avec dans sur pas que qui ne au aux mais ou bonjour madame monsieur merci droit passerelle indépendant indépendante cotisations question demande réponse aide mois'.split(
    ' ',
  ),
);
const DUTCH = new Set(
  'de het een en is ik u uw wij mijn voor met in op niet dat die wie maar of aan van zijn ben heb goedendag goedemorgen beste mevrouw meneer dank bedankt overbruggingsrecht zelfstandige bijdragen vraag antwoord hulp maand graag'.split(
    ' ',
  ),
);

export type MailLanguage = 'fr' | 'nl';

/** `nl` when more of the words are Dutch than French; `fr` otherwise. */
export function guessLanguage(text: string): MailLanguage {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let french = 0;
  let dutch = 0;
  for (const word of words) {
    // `de`, `en`… are both: they count for neither.
    const isFrench = FRENCH.has(word);
    const isDutch = DUTCH.has(word);
    if (isFrench && !isDutch) french += 1;
    if (isDutch && !isFrench) dutch += 1;
  }
  return dutch > french ? 'nl' : 'fr';
}
