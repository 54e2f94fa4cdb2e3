import { sql } from 'kysely';
import { preparedQuery } from '../../../platform/db/prepared-query.js';
import type { Db } from './db.js';

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

/** The year's next number, from its counter row (locked until the caller's transaction ends). */
export async function takeRefNumber(trx: Db, year: number): Promise<number> {
  const [row] = await takeNumber(trx, year);
  if (!row) throw new Error('the inquiry reference counter returned no row');
  return row.last_number;
}

/** Takes the year's next number and gives it to the inquiry, in one statement (PostgreSQL only). */
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
