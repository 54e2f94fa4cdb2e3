import { sql } from 'kysely';
import { isPostgres } from '../../platform/db/dialect.js';
import { preparedQuery } from '../../platform/db/prepared-query.js';
import type { Db } from './repository.js';

/** `Q-2020-004512`: the year the inquiry came in, and its number in that year. */
export const formatInquiryRef = (year: number, number: number): string =>
  `Q-${year}-${String(number).padStart(6, '0')}`;

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

/** Takes the year's next number and gives it to the inquiry, in one statement (PostgreSQL). */
export async function numberInquiry(trx: Db, inquiryId: string, year: number): Promise<string> {
  const number = sql`taken.last_number::text`;
  const { rows } = await sql<{ ref: string }>`
    with taken as (
      insert into inquiry_ref_counter (year, last_number) values (${year}, 1)
      on conflict (year) do update set last_number = inquiry_ref_counter.last_number + 1
      returning last_number
    )
    update inquiry
    set ref = ${`Q-${year}-`} || lpad(${number}, greatest(6, length(${number})), '0')
    from taken
    where inquiry.id = ${inquiryId}
    returning inquiry.ref`.execute(trx);
  const ref = rows[0]?.ref;
  if (!ref) throw new Error('numbering an inquiry updated no row');
  return ref;
}
