import { type Language, translate } from '../../platform/i18n/i18n.js';
import { longDay } from '../../shared/brussels-day.js';
import type { SignedText } from './agreement-workflow.js';
import type { AgreementDay } from './contract.js';

// The written agreement as text: the same articles in French and Dutch, the employee's language
// first (Brussels institutions write to staff in their language and file both). Pure, so a test
// reads what the PDF prints without opening it.

export type LetterSignature = { name: string; at: string } | null;

export type LetterInput = SignedText & {
  employeeLanguage: 'fr' | 'nl';
  employeeSignature: LetterSignature;
  employerSignature: LetterSignature;
  /** The SHA-256 of the signed text, once both signed. */
  digest: string | null;
};

export type LetterSection = {
  language: 'fr' | 'nl';
  title: string;
  preamble: string;
  articles: { heading: string; text: string }[];
  signatures: { party: string; line: string }[];
};

const t = (language: Language, key: string, params: Record<string, unknown> = {}) =>
  translate(language, `telework.letter.${key}`, params);

const number = (n: number, language: 'fr' | 'nl') => new Intl.NumberFormat(`${language}-BE`).format(n);

function weekdaysText(days: readonly AgreementDay[], language: 'fr' | 'nl'): string {
  return days
    .map((d) =>
      d.part === 'day'
        ? t(language, `weekday.${d.day}`)
        : `${t(language, `weekday.${d.day}`)} (${t(language, `part.${d.part}`)})`,
    )
    .join(', ');
}

function daysArticle(letter: LetterInput, language: 'fr' | 'nl'): string {
  const parts: string[] = [];
  if (letter.daysPerWeek !== null)
    parts.push(
      t(language, 'structural_days', {
        count: letter.daysPerWeek,
        days: number(letter.daysPerWeek, language),
        weekdays: weekdaysText(letter.weekdays, language),
      }),
    );
  if (letter.monthlyDays !== null)
    parts.push(
      t(language, 'occasional_days', {
        count: letter.monthlyDays,
        days: number(letter.monthlyDays, language),
      }),
    );
  return parts.join(' ');
}

function signatureLine(signature: LetterSignature, language: 'fr' | 'nl'): string {
  return signature
    ? t(language, 'signed_by', {
        name: signature.name,
        day: longDay(signature.at.slice(0, 10), language),
        time: signature.at.slice(11, 16),
      })
    : t(language, 'not_signed');
}

export function letterSection(letter: LetterInput, language: 'fr' | 'nl'): LetterSection {
  const c = letter.clauses;
  const duration = letter.endDate
    ? t(language, 'period', {
        start: longDay(letter.startDate, language),
        end: longDay(letter.endDate, language),
      })
    : t(language, 'period_open', { start: longDay(letter.startDate, language) });
  const articles = [
    { heading: t(language, 'article.days'), text: daysArticle(letter, language) },
    { heading: t(language, 'article.place'), text: c.place },
    {
      heading: t(language, 'article.reachable'),
      text: t(language, 'reachable', { from: c.reachableFrom, to: c.reachableTo }),
    },
    ...(['equipment', 'costs', 'followUp'] as const).flatMap((key) =>
      c[key] ? [{ heading: t(language, `article.${key}`), text: c[key] }] : [],
    ),
    { heading: t(language, 'article.duration'), text: [duration, c.ending].filter(Boolean).join(' ') },
  ];
  return {
    language,
    title: t(language, `title.${letter.regime}`),
    preamble: t(language, 'preamble', { employer: letter.employer.name, person: letter.person.name }),
    articles: articles.map((a, i) => ({
      heading: `${t(language, 'article_number', { n: i + 1 })} ${a.heading}`,
      text: a.text,
    })),
    signatures: [
      {
        party: t(language, 'party.employee', { name: letter.person.name }),
        line: signatureLine(letter.employeeSignature, language),
      },
      {
        party: t(language, 'party.employer', { name: letter.employer.name }),
        line: signatureLine(letter.employerSignature, language),
      },
    ],
  };
}

/** Both languages, the employee's first. */
export const letterSections = (letter: LetterInput): LetterSection[] =>
  (letter.employeeLanguage === 'nl' ? (['nl', 'fr'] as const) : (['fr', 'nl'] as const)).map((language) =>
    letterSection(letter, language),
  );
