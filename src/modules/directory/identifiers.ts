// Belgian identifiers read out on the phone: the national number of a person (NISS/INSZ, or a BIS
// number) and the enterprise number (BCE/KBO). People write them with dots, dashes and spaces;
// Relais stores the digits only, and never an invalid one.

const digitsOf = (written: string): string => written.replace(/[\s.\-/]/g, '');

const mod97Check = (body: string, check: string): boolean =>
  97 - Number(BigInt(body) % 97n) === Number(check);

/**
 * The digits of a valid NISS/INSZ (11 digits `YYMMDDSSSCC`), or null. The check digits are
 * `97 - (YYMMDDSSS mod 97)` for people born before 2000 and the same over `2YYMMDDSSS` after; the
 * century is not otherwise known, so either form passes. BIS numbers add 20 or 40 to the month, and
 * the month and day may be 00 when unknown.
 */
export function normalizeNiss(written: string): string | null {
  const digits = digitsOf(written);
  if (!/^\d{11}$/.test(digits)) return null;
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  if (month > 12 || day > 31) return null;
  const body = digits.slice(0, 9);
  const check = digits.slice(9);
  return mod97Check(body, check) || mod97Check(`2${body}`, check) ? digits : null;
}

/** The 10 digits of a valid enterprise number (last two = 97 - first eight mod 97), or null. */
export function normalizeEnterpriseNumber(written: string): string | null {
  const digits = digitsOf(written);
  if (!/^[01]\d{9}$/.test(digits)) return null;
  return mod97Check(digits.slice(0, 8), digits.slice(8)) ? digits : null;
}

export const isValidNiss = (written: string): boolean => normalizeNiss(written) !== null;
export const isValidEnterpriseNumber = (written: string): boolean =>
  normalizeEnterpriseNumber(written) !== null;

/** `85.07.30-033.28`, as people write it. */
export const formatNiss = (digits: string): string =>
  `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;

/** `85.07.30-***.**`: the birth date stays (it helps to tell callers apart), the rest is hidden. */
export const maskNiss = (digits: string): string => `${formatNiss(digits).slice(0, 9)}***.**`;

/** `0403.170.701`. */
export const formatEnterpriseNumber = (digits: string): string =>
  `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
