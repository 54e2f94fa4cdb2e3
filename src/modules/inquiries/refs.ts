import { isPostgres } from '../../platform/db/dialect.js';
import type { Db } from './repository/db.js';
import { takeRefNumber } from './repository/ref-counter.js';

/** `Q-2020-004512`: the year the inquiry came in, and its number in that year. */
export const formatInquiryRef = (year: number, number: number): string =>
  `Q-${year}-${String(number).padStart(6, '0')}`;

/**
 * The next reference of the year, inside the caller's transaction: one counter row a year, so
 * concurrent calls queue on that row instead of racing for the same number.
 */
export async function nextInquiryRef(trx: Db, year: number): Promise<string> {
  return formatInquiryRef(year, await takeRefNumber(trx, year));
}

/**
 * Whether the inquiry is inserted first and numbered afterwards (numberInquiry). The year's counter
 * row stays locked from the statement that takes a number until the commit, and every call logged
 * waits for it: on PostgreSQL, where calls are written side by side, the number is taken by the
 * last statement but one (the audit row needs it), so the lock lasts two statements instead of
 * four. SQLite writes one transaction at a time anyway and numbers first.
 */
export const numbersLast = (trx: Db): boolean => isPostgres(trx);

/** A placeholder reference no real one looks like, replaced before the transaction commits. */
export const provisionalRef = (inquiryId: string): string => `~${inquiryId}`;
