/**
 * References as people say them. A caller reads "Q 2026 000 002" back from a confirmation, an
 * agent types what was heard: these turn any reasonable spelling into the canonical reference
 * (`Q-2026-000002`, `FAQ-0012`), or undefined when the text is something else (a phone number,
 * a NISS, an enterprise number, a date, words). Pure, so that the server and the web app read a
 * search box the same way.
 */

/** Separators people type between the parts of a reference. */
const SEPARATORS = /[\s\-_./]+/;

/** Inquiry references start in 2000 and the number fills six digits (refs.ts, formatInquiryRef). */
const INQUIRY_YEAR = /^20\d\d$/;
const INQUIRY_DIGITS = 6;

/** FAQ references carry four to seven digits (knowledge/refs.ts, formatRef). */
const FAQ_MIN_DIGITS = 4;
const FAQ_MAX_DIGITS = 7;

/**
 * The inquiry reference in any spelling: `Q-2026-000002`, `q 2026 000 002`, `Q2026000002`,
 * `2026-000002`, `2026 2`, `2026-2`, `q-2026-2`. The year must be given (a number alone belongs to
 * no year); without the `Q`, a date (`2026-01-15`) and anything not starting with a year of this
 * century (phone numbers start with 0, a NISS has eleven digits) is not read as a reference.
 */
export function parseInquiryRef(raw: string): string | undefined {
  const text = raw.trim().toUpperCase();
  const hasQ = /^Q(?:[\s\-_./]*)\d/.test(text);
  const rest = hasQ ? text.slice(1) : text;
  const groups = rest.split(SEPARATORS).filter((group) => group !== '');
  if (groups.length === 0 || !groups.every((group) => /^\d+$/.test(group))) return undefined;
  let year: string;
  let number: string;
  if (groups.length === 1) {
    // Run together: the year's four digits, then all six of the number (`2026000002`).
    const [digits] = groups as [string];
    if (digits.length !== 4 + INQUIRY_DIGITS) return undefined;
    year = digits.slice(0, 4);
    number = digits.slice(4);
  } else {
    const [first, ...others] = groups as [string, ...string[]];
    // Without the Q, `2026-01-15` is a day, not the 115th inquiry of the year.
    if (!hasQ && others.length === 2 && others.every((group) => group.length === 2)) return undefined;
    year = first;
    number = others.join('');
  }
  if (!INQUIRY_YEAR.test(year) || number.length > INQUIRY_DIGITS) return undefined;
  if (Number(number) === 0) return undefined;
  return `Q-${year}-${number.padStart(INQUIRY_DIGITS, '0')}`;
}

/**
 * The FAQ reference in any spelling: `FAQ-0012`, `faq 12`, `FAQ12`, `faq-0012`, and the number alone
 * as printed, zero-padded (`0012`). A bare number without leading zero (`12`, `2020`) is a word of
 * the search, not a reference. The exact form is left alone (imported references may carry more
 * leading zeros than the ones Relais makes).
 */
export function parseFaqRef(raw: string): string | undefined {
  const text = raw.trim();
  if (new RegExp(`^FAQ-\\d{${FAQ_MIN_DIGITS},${FAQ_MAX_DIGITS}}$`).test(text)) return text;
  const spelled = /^faq[\s\-_./]*(\d{1,7})$/i.exec(text);
  const bare = /^(0\d{3,6})$/.exec(text);
  const digits = spelled?.[1] ?? bare?.[1];
  if (digits === undefined) return undefined;
  const number = digits.replace(/^0+(?=\d)/, '');
  if (Number(number) === 0 || number.length > FAQ_MAX_DIGITS) return undefined;
  return `FAQ-${number.padStart(FAQ_MIN_DIGITS, '0')}`;
}
