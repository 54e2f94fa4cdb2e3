import { readFileSync } from 'node:fs';
import { seededRandom } from './synthetic-corpus.js';

/** A body for POST /api/v1/inquiries, as the agent console sends it. */
export type InquiryBody = {
  channel: 'phone' | 'email' | 'web';
  language: 'fr' | 'nl' | 'de';
  question: string;
  theme?: string;
  origin?: string;
  requester?: {
    name?: string;
    niss?: string;
    enterprise_number?: string;
    email?: string;
    phone?: string;
    fund?: string;
  };
};

type FaqEntry = { id: string; theme: string; fr: { question: string }; nl: { question: string } };

const root = new URL('../../', import.meta.url);

/** The demo FAQ's questions in French and Dutch, with their theme. */
export function faqQuestions(): { theme: string; fr: string; nl: string }[] {
  const raw = JSON.parse(readFileSync(new URL('demo/faq/faq-corpus.json', root), 'utf8')) as FaqEntry[];
  return raw.map((e) => ({ theme: e.theme, fr: e.fr.question, nl: e.nl.question }));
}

/**
 * The callers' languages of the answered calls of one day of demo/callcenter/calls-2020.csv, in the
 * order they came in (18 March 2020, the busiest day, by default).
 */
export function callLanguages(day = '2020-03-18'): ('fr' | 'nl' | 'de')[] {
  const lines = readFileSync(new URL('demo/callcenter/calls-2020.csv', root), 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  const language = header.indexOf('caller_language');
  const receivedAt = header.indexOf('received_at');
  const outcome = header.indexOf('outcome');
  return lines
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells[receivedAt]!.startsWith(day) && cells[outcome] === 'answered')
    .map((cells) => cells[language] as 'fr' | 'nl' | 'de');
}

// The FAQ has no German: the few German-speaking callers ask in their own words.
const GERMAN_QUESTIONS = [
  'Ich musste mein Geschäft wegen des Coronavirus schließen: habe ich Anspruch auf das Überbrückungsrecht?',
  'Kann ich die Zahlung meiner Sozialbeiträge für das erste Quartal aufschieben?',
  'Welche Unterlagen brauche ich für den Antrag bei meiner Sozialversicherungskasse?',
  'Ich bin Selbständiger im Nebenberuf: bekomme ich auch eine Unterstützung?',
];

const FIRST_NAMES = [
  'Marie',
  'Luc',
  'Sofie',
  'Jan',
  'Nathalie',
  'Pieter',
  'Isabelle',
  'Koen',
  'Ahmed',
  'Elke',
];
const LAST_NAMES = [
  'Dubois',
  'Peeters',
  'Janssens',
  'Lambert',
  'Maes',
  'Dupont',
  'Claes',
  'Mertens',
  'Willems',
];
const FUNDS = ['acerta', 'group-s', 'liantis', 'partena', 'securex', 'ucm', 'xerius', 'cna'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A valid NISS for someone born on that day (check digits: 97 - body mod 97, with a 2 before it after 1999). */
export function validNiss(year: number, month: number, day: number, serial: number): string {
  const body = `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}${pad(serial, 3)}`;
  const check = 97 - Number(BigInt(year >= 2000 ? `2${body}` : body) % 97n);
  return `${body.slice(0, 2)}.${body.slice(2, 4)}.${body.slice(4, 6)}-${body.slice(6)}.${pad(check, 2)}`;
}

/** A valid enterprise number (0 or 1, then seven digits, then 97 - first eight mod 97). */
export function validEnterpriseNumber(number: number): string {
  const body = `0${pad(number % 10_000_000, 7)}`;
  const check = 97 - Number(BigInt(body) % 97n);
  return `${body.slice(0, 4)}.${body.slice(4, 7)}.${body.slice(7)}${pad(check, 2)}`;
}

/**
 * Inquiries as the call centre logs them on a crisis day: the languages of that day's calls in turn,
 * the FAQ question that matches (most with its theme), and what the agent noted of the caller: a
 * name for most, a NISS for about half, an enterprise number or a fund now and then, seldom a
 * mail or a phone number. Seeded: the same series on every run.
 */
export function inquiryMix(seed = 18_03_2020): () => InquiryBody {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const questions = faqQuestions();
  const languages = callLanguages();
  let call = 0;
  return () => {
    const language = languages[call++ % languages.length]!;
    const faq = pick(questions);
    const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    const roll = random();
    const body: InquiryBody = {
      channel: roll < 0.8 ? 'phone' : roll < 0.95 ? 'email' : 'web',
      language,
      question: language === 'de' ? pick(GERMAN_QUESTIONS) : faq[language],
    };
    if (language !== 'de' && random() < 0.7) body.theme = faq.theme;
    if (random() < 0.05) body.origin = pick(['minister_office', 'complaints_service', 'internal_service']);
    const requester: NonNullable<InquiryBody['requester']> = {};
    if (random() < 0.8) requester.name = name;
    if (random() < 0.5)
      requester.niss = validNiss(
        1950 + Math.floor(random() * 55),
        1 + Math.floor(random() * 12),
        1 + Math.floor(random() * 28),
        1 + Math.floor(random() * 997),
      );
    if (random() < 0.15) requester.enterprise_number = validEnterpriseNumber(Math.floor(random() * 1e7));
    if (random() < 0.2) requester.fund = pick(FUNDS);
    if (body.channel === 'email' || random() < 0.05)
      requester.email = `${name.toLowerCase().replace(' ', '.')}@example.be`;
    if (random() < 0.1) requester.phone = `+32 4${pad(Math.floor(random() * 1e8), 8)}`;
    if (Object.keys(requester).length > 0) body.requester = requester;
    return body;
  };
}

/**
 * What an agent's search box sends while they type a question: its first words, cut in the middle
 * of the last one, every few characters (from 8 characters to the whole question, or to the
 * search's longest query).
 */
export function typedPrefixes(question: string, step = 7, longest = 200): string[] {
  const whole = question.slice(0, longest);
  const prefixes: string[] = [];
  for (let length = 8; length < whole.length; length += step) prefixes.push(whole.slice(0, length));
  prefixes.push(whole);
  return prefixes;
}
