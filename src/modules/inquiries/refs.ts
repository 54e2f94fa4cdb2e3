import { sql } from 'kysely';
import type { Db } from './repository.js';

/** `Q-2020-004512`: the year the inquiry came in, and its number in that year. */
export const formatInquiryRef = (year: number, number: number): string =>
  `Q-${year}-${String(number).padStart(6, '0')}`;

export const INQUIRY_REF_PATTERN = '^Q-[0-9]{4}-[0-9]{6}$';

/**
 * The next reference of the year, inside the caller's transaction: one counter row a year, so
 * concurrent calls queue on that row instead of racing for the same number.
 */
export async function nextInquiryRef(trx: Db, year: number): Promise<string> {
  const row = await trx
    .insertInto('inquiry_ref_counter')
    .values({ year, last_number: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ last_number: sql`inquiry_ref_counter.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return formatInquiryRef(year, row.last_number);
}
