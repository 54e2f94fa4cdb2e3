import { describe, expect, it } from 'vitest';
import { contentToValues, emptyEntryValues, toDraftPatch, toNewEntryBody } from './editor-values.js';
import {
  brusselsToday,
  contentLanguageOf,
  formatDay,
  groupHasTerm,
  isWebAddress,
  moveActive,
  periodText,
  questionIn,
} from './knowledge-format.js';

const published = {
  theme: 'droit-passerelle',
  audience: 'public' as const,
  validFrom: '2020-03-01',
  validTo: '2020-09-30',
  supersedes: null,
  tags: ['montant'],
  legalBasis: { fr: 'Loi du 23 mars 2020', nl: 'Wet van 23 maart 2020' },
  sources: { fr: ['https://www.inasti.be', 'INASTI, mars 2020'], nl: ['https://www.rsvz.be'] },
  fr: { question: 'Combien ?', answer: '1.291,69 € par mois.' },
  nl: { question: 'Hoeveel?', answer: '1.291,69 euro per maand.' },
};

describe('web: FAQ search rules', () => {
  it('takes today as a Brussels day: 23:30 UTC on 31 March is already 1 April in Brussels', () => {
    expect(brusselsToday(new Date('2020-03-31T23:30:00Z'))).toBe('2020-04-01');
    expect(brusselsToday(new Date('2020-12-31T22:59:00Z'))).toBe('2020-12-31');
  });

  it('searches in the interface language when it is French or Dutch, else in French', () => {
    expect(contentLanguageOf('nl')).toBe('nl');
    expect(contentLanguageOf('fr')).toBe('fr');
    expect(contentLanguageOf('en')).toBe('fr');
  });

  it('moves the highlighted result with the arrows, from none to the first or last, without wrapping', () => {
    expect(moveActive(-1, 1, 5)).toBe(0);
    expect(moveActive(-1, -1, 5)).toBe(4);
    expect(moveActive(4, 1, 5)).toBe(4);
    expect(moveActive(0, -1, 5)).toBe(0);
    expect(moveActive(2, 1, 5)).toBe(3);
    expect(moveActive(3, 1, 0)).toBe(-1);
  });

  it('links only sources that are web addresses', () => {
    expect(isWebAddress('https://www.inasti.be/fr/droit-passerelle')).toBe(true);
    expect(isWebAddress('INASTI, circulaire du 20 mars 2020')).toBe(false);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
  });

  it('shows a question in the wanted language, or the other one while that is not written yet', () => {
    expect(questionIn({ questionFr: 'Combien ?', questionNl: 'Hoeveel?' }, 'nl')).toBe('Hoeveel?');
    expect(questionIn({ questionFr: 'Combien ?', questionNl: '' }, 'nl')).toBe('Combien ?');
    expect(questionIn({ questionFr: 'Combien ?', questionNl: 'Hoeveel?' }, 'en')).toBe('Combien ?');
  });

  it('writes a period with both ends, or open-ended, in the reader language', () => {
    const t = (key: string, options?: Record<string, unknown>) => `${key}:${JSON.stringify(options)}`;
    expect(periodText('2020-03-01', null, 'en', t)).toBe('web.knowledge.period.since:{"from":"1 Mar 2020"}');
    expect(formatDay('2020-03-01', 'nl')).toBe('1 mrt 2020');
    expect(formatDay('not a day', 'fr')).toBe('not a day');
  });

  it('filters synonym groups on a part of a term in either language', () => {
    const group = { fr: ['droit passerelle'], nl: ['overbruggingsrecht'] };
    expect(groupHasTerm(group, 'BRUGGING')).toBe(true);
    expect(groupHasTerm(group, 'chômage')).toBe(false);
    expect(groupHasTerm(group, '  ')).toBe(true);
  });
});

describe('web: FAQ entry editor values', () => {
  it('sends a new entry with trimmed texts, one source per line and the reference in capitals', () => {
    const values = {
      ...emptyEntryValues('2024-01-01'),
      theme: 'secteurs',
      supersedes: ' faq-0012 ',
      sources: { fr: 'https://www.inasti.be\n\n  INASTI, mars 2020  \n', nl: ' https://www.rsvz.be ' },
      fr: { question: '  Puis-je rouvrir ? ', answer: 'Oui.\n\n' },
    };
    expect(toNewEntryBody(values)).toEqual({
      theme: 'secteurs',
      audience: 'public',
      validFrom: '2024-01-01',
      validTo: null,
      supersedes: 'FAQ-0012',
      tags: [],
      legalBasis: { fr: '', nl: '' },
      sources: { fr: ['https://www.inasti.be', 'INASTI, mars 2020'], nl: ['https://www.rsvz.be'] },
      fr: { question: 'Puis-je rouvrir ?', answer: 'Oui.' },
      nl: { question: '', answer: '' },
    });
  });

  it('patches only what changed, and a language only when its own text changed (else it would ask a translation)', () => {
    const initial = contentToValues(published);
    const edited = {
      ...initial,
      nl: { ...initial.nl, answer: '1.291,69 euro per maand (bruto).' },
      validTo: '',
    };
    expect(toDraftPatch(initial, edited)).toEqual({
      validTo: null,
      nl: { question: 'Hoeveel?', answer: '1.291,69 euro per maand (bruto).' },
    });
    const trailingSpaces = { ...initial, fr: { ...initial.fr, answer: `${initial.fr.answer}\n  ` } };
    expect(toDraftPatch(initial, trailingSpaces)).toEqual({});
  });
});
