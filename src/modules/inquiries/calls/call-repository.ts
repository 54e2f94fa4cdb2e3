import { type RawBuilder, sql } from 'kysely';
import { isPostgres } from '../../../platform/db/dialect.js';
import type { CallGrouping } from '../contract.js';
import type { Db } from '../repository/db.js';
import type { CallCounts } from './call-figures.js';
import type { CallRow } from './call-row.js';

// The SQL of the call records, the same on SQLite and PostgreSQL.

/** Stores the calls not known yet (by call_id) and says how many it stored: a call sent twice is kept once. */
export async function insertNewCalls(db: Db, rows: CallRow[], importedAt: string): Promise<number> {
  if (rows.length === 0) return 0;
  if (isPostgres(db)) return insertNewCallsByArrays(db, rows, importedAt);
  const result = await db
    .insertInto('inquiry_call_record')
    .values(rows.map((row) => ({ ...row, inquiry_id: null, imported_at: importedAt })))
    .onConflict((oc) => oc.column('call_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * PostgreSQL takes a column per array and unnests them: ten parameters instead of ten per row,
 * which its driver binds and the server plans several times faster than 20,000 placeholders.
 */
async function insertNewCallsByArrays(db: Db, rows: CallRow[], importedAt: string): Promise<number> {
  const column = <K extends keyof CallRow>(key: K) => rows.map((row) => row[key]);
  const result = await sql`
    insert into inquiry_call_record
      (call_id, line, caller_language, received_at, answered_at, ended_at, outcome, wait_s,
       received_day, received_hour, imported_at)
    select *, ${importedAt} from unnest(
      ${column('call_id')}::text[], ${column('line')}::integer[], ${column('caller_language')}::text[],
      ${column('received_at')}::text[], ${column('answered_at')}::text[], ${column('ended_at')}::text[],
      ${column('outcome')}::text[], ${column('wait_s')}::integer[], ${column('received_day')}::text[],
      ${column('received_hour')}::integer[])
    on conflict (call_id) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export const findCall = (db: Db, callId: string) =>
  db.selectFrom('inquiry_call_record').selectAll().where('call_id', '=', callId).executeTakeFirst();

export const setCallInquiry = (db: Db, callId: string, inquiryId: string) =>
  db
    .updateTable('inquiry_call_record')
    .set({ inquiry_id: inquiryId })
    .where('call_id', '=', callId)
    .execute();

/** The Brussels day of the latest call received, or undefined when there is none. */
export async function latestCallDay(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('inquiry_call_record')
    .select((eb) => eb.fn.max('received_day').as('day'))
    .executeTakeFirst();
  return row?.day ?? undefined;
}

export type CallFilter = { from: string; to: string; line?: number | undefined };

const KEY_COLUMN: Record<CallGrouping, string> = {
  day: 'received_day',
  hour: 'received_hour',
  line: 'line',
  language: 'caller_language',
};

const whereFilter = (filter: CallFilter): RawBuilder<unknown> =>
  sql`received_day >= ${filter.from} and received_day <= ${filter.to}${
    filter.line === undefined ? sql`` : sql` and line = ${filter.line}`
  }`;

type CountRow = {
  key: string | number;
  received: number | string;
  answered: number | string | null;
  abandoned: number | string | null;
  wait_sum: number | string | null;
  answered_within: number | string | null;
};

/**
 * The calls of a period counted per group in one GROUP BY over the covering index, and the 90th
 * percentile of each group's waits (nearest rank: the ⌈0.9·n⌉-th wait, (9n + 9) div 10 in
 * integers) by a window function, which both databases run; no call is read into JavaScript.
 */
export async function countCalls(
  db: Db,
  filter: CallFilter,
  by: CallGrouping | null,
  withinSeconds: number,
): Promise<CallCounts[]> {
  const key = by ? sql.ref(KEY_COLUMN[by]) : sql`'all'`;
  const groupBy = by ? sql`group by ${key}` : sql``;
  const partition = by ? sql`partition by ${key}` : sql``;
  const counts = await sql<CountRow>`
    select ${key} as key,
      count(*) as received,
      sum(case when outcome = 'answered' then 1 else 0 end) as answered,
      sum(case when outcome = 'abandoned' then 1 else 0 end) as abandoned,
      sum(wait_s) as wait_sum,
      sum(case when wait_s <= ${withinSeconds} then 1 else 0 end) as answered_within
    from inquiry_call_record
    where ${whereFilter(filter)}
    ${groupBy}`.execute(db);
  const p90s = await sql<{ key: string | number; wait_s: number | string }>`
    select key, wait_s from (
      select ${key} as key, wait_s,
        row_number() over (${partition} order by wait_s) as wait_rank,
        count(*) over (${partition}) as n
      from inquiry_call_record
      where ${whereFilter(filter)} and outcome = 'answered'
    ) ranked
    where wait_rank = (9 * n + 9) / 10`.execute(db);
  const p90Of = new Map(p90s.rows.map((row) => [String(row.key), Number(row.wait_s)]));
  return counts.rows
    .filter((row) => Number(row.received) > 0)
    .map((row) => ({
      key: String(row.key),
      received: Number(row.received),
      answered: Number(row.answered ?? 0),
      abandoned: Number(row.abandoned ?? 0),
      waitSum: Number(row.wait_sum ?? 0),
      answeredWithin: Number(row.answered_within ?? 0),
      p90: p90Of.get(String(row.key)) ?? null,
    }));
}
