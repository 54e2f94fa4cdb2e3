import { sql } from 'kysely';
import { preparedQuery } from '../../platform/db/prepared-query.js';
import type { Db } from './repository.js';

/** `Q-2020-004512`: the year the inquiry came in, and its number in that year. */
export const formatInquiryRef = (year: number, number: number): string =>
  `Q-${year}-${String(number).padStart(6, '0')}`;

export const INQUIRY_REF_PATTERN = '^Q-[0-9]{4}-[0-9]{6}$';

// Every inquiry logged takes one: compiled once (preparedQuery).
const takeNumber = preparedQuery((trx: Db, year: number) =>
  trx
    .insertInto('inquiry_ref_counter')
    .values({ year, last_number: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ last_number: sql`inquiry_ref_counter.last_number + 1` }),
    )
    .returning('last_number'),
);

/**
 * The next reference of the year, inside the caller's transaction: one counter row a year, so
 * concurrent calls queue on that row instead of racing for the same number.
 */
export async function nextInquiryRef(trx: Db, year: number): Promise<string> {
  const [row] = await takeNumber(trx, year);
  if (!row) throw new Error('the inquiry reference counter returned no row');
  return formatInquiryRef(year, row.last_number);
}
