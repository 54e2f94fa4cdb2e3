import { foldAccents } from './normalize.js';

// Function words that say nothing about the case. Callers' questions are full sentences ("est-ce que
// je peux…", "heb ik nu nog recht op…"), so without this list their grammar would weigh on the
// ranking. The Snowball stop lists of French and Dutch, with a few additions so that both drop the
// same kinds of word: the Dutch list holds the modal verbs (kan, moet, wil) and the infinitives
// (zijn, hebben), so French gets theirs (peux, dois, veux, faut, être, avoir); "niks" is spoken
// Dutch for "niets". French keeps "été", which is also the summer, a period that matters here.
// One set for both languages: queries mix them.
const FRENCH = `a à ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions
  aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayante ayantes ayants ayez ayons
  c ce ces d dans de des du elle en es est et étaient étais était étant étante étantes étants étiez étions
  eu eue eues eûmes eurent eus eusse eussent eusses eussiez eussions eut eût eûtes eux fûmes furent fus
  fusse fussent fusses fussiez fussions fut fût fûtes il ils j je l la le les leur lui m ma mais me même
  mes moi mon n ne nos notre nous on ont ou par pas pour qu que qui s sa se sera serai seraient serais
  serait seras serez seriez serions serons seront ses soient sois soit sommes son sont soyez soyons suis
  sur t ta te tes toi ton tu un une vos votre vous y êtes
  être avoir peux peut peuvent pouvons pouvez pouvoir puis pourrai pourrais pourrait pourra dois doit
  doivent devons devez devoir dû faut falloir veux veut voulons voulez veulent vouloir voudrais voudrait`;

const DUTCH = `aan al alles als altijd ander andere ben bij daar dan dat de der deze die dit doch doen door dus
  een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is
  ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons
  ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil
  worden wordt zal ze zelf zich zij zijn zo zonder zou niks`;

const STOP_WORDS = new Set(
  `${FRENCH} ${DUTCH}`
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => foldAccents(word)),
);

/** Whether a lower-case word carries no meaning for search (French or Dutch). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(foldAccents(word));
}
