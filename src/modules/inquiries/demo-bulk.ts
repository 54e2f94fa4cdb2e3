import type { Insertable } from 'kysely';
import type { Db } from './repository/db.js';
import type { InquiryTables } from './tables.js';

// What the demo's generated histories share (the helpdesk's 2020, the call center's 2020): a weighted
// pick, bulk inserts and a block of reference numbers. Generated from a fixed seed (the platform's
// seededRandom: the same history at every start) and written in bulk: a year must not slow `npm start`.

/** A key drawn by its weight (`random` in [0, 1)). */
export function pick<T extends string>(weights: Record<T, number>, random: number): T {
  const entries = Object.entries(weights) as [T, number][];
  let left = random * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

/** One element of a non-empty list, drawn evenly. */
export const oneOf = <T>(list: readonly T[], random: number): T => list[Math.floor(random * list.length)]!;

/** Values per statement: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const VALUES_PER_INSERT = 12_000;

/** Inserts rows in statements as large as both databases accept (rows of one table share their columns). */
export async function insertChunked<T extends keyof InquiryTables>(
  trx: Db,
  table: T,
  rows: Insertable<InquiryTables[T]>[],
): Promise<void> {
  const chunk = Math.floor(VALUES_PER_INSERT / Object.keys(rows[0] ?? { one: 1 }).length);
  for (let i = 0; i < rows.length; i += chunk)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
}

/**
 * Takes `count` reference numbers of a year at once and returns the first: the counter moves past
 * them, so inquiries logged later in that year never collide with the demo's.
 */
export async function reserveRefNumbers(trx: Db, year: number, count: number): Promise<number> {
  const counter = await trx
    .selectFrom('inquiry_ref_counter')
    .select('last_number')
    .where('year', '=', year)
    .executeTakeFirst();
  const last = counter?.last_number ?? 0;
  if (counter)
    await trx
      .updateTable('inquiry_ref_counter')
      .set({ last_number: last + count })
      .where('year', '=', year)
      .execute();
  else await trx.insertInto('inquiry_ref_counter').values({ year, last_number: count }).execute();
  return last + 1;
}
