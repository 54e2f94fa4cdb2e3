import { type RawBuilder, sql } from 'kysely';
import { isPostgres } from '../../../platform/db/dialect.js';
import type { CallGrouping } from '../contract.js';
import type { Db } from '../repository/db.js';
import type { CallCounts } from './call-figures.js';
import type { CallMatch, MatchableCall, MatchableInquiry } from './call-link.js';
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

/** What the database counts of a group of calls; the 90th percentile comes from waitCounts. */
export type GroupCounts = Omit<CallCounts, 'p90'>;

/** The calls of a period counted per group: one GROUP BY over the covering index, no call read. */
export async function countCalls(
  db: Db,
  filter: CallFilter,
  by: CallGrouping,
  withinSeconds: number,
): Promise<GroupCounts[]> {
  const key = sql.ref(KEY_COLUMN[by]);
  const counts = await sql<CountRow>`
    select ${key} as key,
      count(*) as received,
      sum(case when outcome = 'answered' then 1 else 0 end) as answered,
      sum(case when outcome = 'abandoned' then 1 else 0 end) as abandoned,
      sum(wait_s) as wait_sum,
      sum(case when wait_s <= ${withinSeconds} then 1 else 0 end) as answered_within
    from inquiry_call_record
    where ${whereFilter(filter)}
    group by ${key}`.execute(db);
  return counts.rows.map((row) => ({
    key: String(row.key),
    received: Number(row.received),
    answered: Number(row.answered ?? 0),
    abandoned: Number(row.abandoned ?? 0),
    waitSum: Number(row.wait_sum ?? 0),
    answeredWithin: Number(row.answered_within ?? 0),
  }));
}

/**
 * How many answered calls of each group waited each whole number of seconds: the percentiles are
 * read from these counts (a few thousand rows at most per group, waits being whole seconds), which
 * both databases count from an index, where a window function sorting every call took several
 * times longer on SQLite.
 */
export async function waitCounts(
  db: Db,
  filter: CallFilter,
  by: CallGrouping,
): Promise<{ key: string; wait: number; count: number }[]> {
  const key = sql.ref(KEY_COLUMN[by]);
  const rows = await sql<{ key: string | number; wait_s: number | string; n: number | string }>`
    select ${key} as key, wait_s, count(*) as n
    from inquiry_call_record
    where outcome = 'answered' and ${whereFilter(filter)}
    group by ${key}, wait_s`.execute(db);
  return rows.rows.map((row) => ({ key: String(row.key), wait: Number(row.wait_s), count: Number(row.n) }));
}

/** Where the calls and inquiries to match are looked for: lines and a span of instants. */
export type MatchSpan = { lines: number[]; from: string; to: string };

/** The phone inquiries logged on these lines within the span, each saying whether a call names it. */
export async function phoneInquiriesLogged(db: Db, span: MatchSpan): Promise<MatchableInquiry[]> {
  if (span.lines.length === 0) return [];
  const rows = await db
    .selectFrom('inquiry')
    .select((eb) => [
      'inquiry.id',
      'inquiry.channel',
      'inquiry.line',
      'inquiry.created_at',
      eb
        .exists(
          eb
            .selectFrom('inquiry_call_record')
            .select('inquiry_call_record.call_id')
            .whereRef('inquiry_call_record.inquiry_id', '=', 'inquiry.id'),
        )
        .as('has_call'),
    ])
    .where('inquiry.line', 'in', span.lines)
    .where('inquiry.created_at', '>=', span.from)
    .where('inquiry.created_at', '<=', span.to)
    .where('inquiry.channel', '=', 'phone')
    .execute();
  // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
  return rows.map((row) => ({ ...row, has_call: Boolean(row.has_call) }));
}

/** The answered calls of these lines no inquiry names yet, whose time overlaps the span. */
export const unlinkedCallsDuring = (db: Db, span: MatchSpan): Promise<MatchableCall[]> =>
  span.lines.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('inquiry_call_record')
        .select(['call_id', 'line', 'outcome', 'answered_at', 'ended_at', 'inquiry_id'])
        .where('line', 'in', span.lines)
        .where('ended_at', '>=', span.from)
        .where('answered_at', '<=', span.to)
        .where('outcome', '=', 'answered')
        .where('inquiry_id', 'is', null)
        .execute();

/** Sets the inquiry of each call matched, a statement per few thousand; says how many it set. */
export async function linkMatchedCalls(db: Db, matches: readonly CallMatch[]): Promise<number> {
  let linked = 0;
  // Three parameters a match: well under SQLite's 32,766.
  for (let i = 0; i < matches.length; i += 2000) {
    const part = matches.slice(i, i + 2000);
    const inquiryOf = sql.join(
      part.map((m) => sql`when ${m.call_id} then ${m.inquiry_id}`),
      sql` `,
    );
    const result = await db
      .updateTable('inquiry_call_record')
      .set({ inquiry_id: sql<string>`case call_id ${inquiryOf} end` })
      .where(
        'call_id',
        'in',
        part.map((m) => m.call_id),
      )
      .where('inquiry_id', 'is', null)
      .executeTakeFirst();
    linked += Number(result.numUpdatedRows ?? 0);
  }
  return linked;
}

/** The call a phone inquiry was linked to (the first received, should several name it). */
export const callOfInquiry = (db: Db, inquiryId: string) =>
  db
    .selectFrom('inquiry_call_record')
    .select(['call_id', 'line', 'received_at', 'answered_at', 'ended_at', 'wait_s'])
    .where('inquiry_id', '=', inquiryId)
    .orderBy('received_at')
    .limit(1)
    .executeTakeFirst();
