// Euros typed in a form and cents on the wire: parsed digit by digit, never through a float, so
// "20,10" is 2010 cents and not 2009.9999.

/** "20", "20,5", "20.50", "1 234,56" → cents; null when it is not an amount with at most 2 decimals. */
export function centsFromEuros(text: string): number | null {
  const clean = text.replace(/[\s\u00a0€]/g, '');
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(clean);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const LOCALES: Record<string, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

/** Cents shown as euros in the reader's language: "20,00 €" (display only). */
export const formatEuros = (cents: number, language: string): string =>
  new Intl.NumberFormat(LOCALES[language] ?? 'fr-BE', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );

/** A bilingual label in the reader's language: Dutch for Dutch readers, French otherwise. */
export const labelIn = (label: { fr: string; nl: string }, language: string): string =>
  language === 'nl' ? label.nl : label.fr;
