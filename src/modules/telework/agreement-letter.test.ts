import { describe, expect, it } from 'vitest';
import { type LetterInput, letterSections } from './agreement-letter.js';

const letter: LetterInput = {
  id: 'TW-1',
  person: { id: 'p', name: 'Emma Peeters' },
  employer: { id: 'm', name: 'Bruno Lambert' },
  regime: 'mixed',
  daysPerWeek: 1.5,
  weekdays: [
    { day: 'tue', part: 'day' },
    { day: 'fri', part: 'pm' },
  ],
  monthlyDays: 1,
  startDate: '2020-09-01',
  endDate: null,
  clauses: { place: 'Thuis', reachableFrom: '09:00', reachableTo: '16:00', ending: 'Opzeg van een maand.' },
  employeeLanguage: 'nl',
  employeeSignature: { name: 'Emma Peeters', at: '2020-08-20T08:15:00.000Z' },
  employerSignature: null,
  digest: null,
};

describe('the written agreement', () => {
  it('puts the employee’s language first, then the other', () => {
    expect(letterSections(letter).map((s) => s.language)).toEqual(['nl', 'fr']);
    expect(letterSections({ ...letter, employeeLanguage: 'fr' }).map((s) => s.language)).toEqual([
      'fr',
      'nl',
    ]);
  });
  // French counts 1.5 in the singular ("1,5 jour"), as CLDR's plural rules and French grammar have it.
  it('writes the days, half days and the occasional cap in words', () => {
    const [nl, fr] = letterSections(letter);
    expect(nl!.title).toBe('Overeenkomst structureel en occasioneel telewerk');
    expect(nl!.articles[0]).toEqual({
      heading: 'Artikel 1. Telewerkdagen',
      text: '1,5 dagen per week: dinsdag, vrijdag (namiddag). Ten hoogste 1 dag per maand occasioneel telewerk, geval per geval aangevraagd.',
    });
    expect(fr!.articles[0]!.text).toBe(
      '1,5 jour par semaine : mardi, vendredi (après-midi). Au plus 1 jour par mois de télétravail occasionnel, demandé au cas par cas.',
    );
  });
  it('numbers only the clauses present, ending with the duration and how it ends', () => {
    const [nl] = letterSections(letter);
    expect(nl!.articles.map((a) => a.heading)).toEqual([
      'Artikel 1. Telewerkdagen',
      'Artikel 2. Plaats van het telewerk',
      'Artikel 3. Bereikbaarheid',
      'Artikel 4. Duur en einde',
    ]);
    expect(nl!.articles[3]!.text).toBe('Vanaf 1 september 2020, voor onbepaalde duur. Opzeg van een maand.');
  });
  it('says who signed and when, and who has not yet', () => {
    const [, fr] = letterSections(letter);
    expect(fr!.signatures).toEqual([
      {
        party: 'Le télétravailleur, Emma Peeters',
        line: 'Signé dans Relais par Emma Peeters le 20 août 2020 à 08:15 (UTC).',
      },
      { party: "Pour l'employeur, Bruno Lambert", line: 'Pas encore signé.' },
    ]);
  });
});
