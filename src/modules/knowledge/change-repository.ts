import type { Insertable } from 'kysely';
import type { Audience } from './contract.js';
import type { Db } from './repository.js';
import type { KnowledgeTables } from './tables.js';

/** Published changes of entries for these audiences, with the questions of the version they made. */
export function selectChanges(db: Db, audiences: readonly Audience[]) {
  return db
    .selectFrom('knowledge_change as c')
    .innerJoin('knowledge_version as v', (join) =>
      join.onRef('v.entry_id', '=', 'c.entry_id').onRef('v.version', '=', 'c.version'),
    )
    .innerJoin('knowledge_theme as t', 't.id', 'v.theme_id')
    .select([
      'c.seq',
      'c.ref',
      'c.version',
      'c.kind',
      'c.at',
      'c.summary',
      'v.question_fr',
      'v.question_nl',
      't.code as theme',
    ])
    .where('c.audience', 'in', [...audiences]);
}
export type ChangeRow = Awaited<ReturnType<ReturnType<typeof selectChanges>['execute']>>[number];

/** Newest first; `before` pages back. */
export function listChangeRows(
  db: Db,
  options: { audiences: readonly Audience[]; before?: number; limit: number },
): Promise<ChangeRow[]> {
  let query = selectChanges(db, options.audiences);
  if (options.before) query = query.where('c.seq', '<', options.before);
  return query.orderBy('c.seq', 'desc').limit(options.limit).execute();
}

/** Every change for these audiences, oldest first. */
export const listAllChangeRows = (db: Db, audiences: readonly Audience[]): Promise<ChangeRow[]> =>
  selectChanges(db, audiences).orderBy('c.seq').execute();

/** Which of a fund's pending changes: a theme, a kind, up to a position of the feed. */
export type PendingFilter = { theme?: string; kind?: string; upToSeq?: number };

/** The changes this fund has not acknowledged, narrowed by the filter. */
function unacknowledged(db: Db, partnerId: string, audiences: readonly Audience[], filter: PendingFilter) {
  return selectChanges(db, audiences)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('knowledge_ack as a')
            .select('a.change_seq')
            .whereRef('a.change_seq', '=', 'c.seq')
            .where('a.partner_id', '=', partnerId),
        ),
      ),
    )
    .$if(filter.theme !== undefined, (q) => q.where('t.code', '=', filter.theme!))
    .$if(filter.kind !== undefined, (q) => q.where('c.kind', '=', filter.kind!))
    .$if(filter.upToSeq !== undefined, (q) => q.where('c.seq', '<=', filter.upToSeq!));
}

/** The changes this fund has not acknowledged, oldest first; a page of them with `limit`/`offset`. */
export function listUnacknowledgedChangeRows(
  db: Db,
  partnerId: string,
  audiences: readonly Audience[],
  filter: PendingFilter & { limit?: number; offset?: number } = {},
): Promise<ChangeRow[]> {
  return unacknowledged(db, partnerId, audiences, filter)
    .orderBy('c.seq')
    .$if(filter.limit !== undefined, (q) => q.limit(filter.limit!).offset(filter.offset ?? 0))
    .execute();
}

/** How many changes this fund has not acknowledged, and the newest of them (0 when none). */
export async function countUnacknowledgedChanges(
  db: Db,
  partnerId: string,
  audiences: readonly Audience[],
  filter: PendingFilter = {},
): Promise<{ count: number; latestSeq: number }> {
  const row = await unacknowledged(db, partnerId, audiences, filter)
    .clearSelect()
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('c.seq').as('latest')])
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), latestSeq: Number(row?.latest ?? 0) };
}

export async function insertAcknowledgements(
  db: Db,
  acks: Insertable<KnowledgeTables['knowledge_ack']>[],
): Promise<void> {
  // Two clicks, two tabs: a change acknowledged meanwhile stays acknowledged once, at its first time.
  await db
    .insertInto('knowledge_ack')
    .values(acks)
    .onConflict((oc) => oc.columns(['partner_id', 'change_seq']).doNothing())
    .execute();
}

export const listAcknowledgements = (db: Db) =>
  db.selectFrom('knowledge_ack').select(['partner_id', 'change_seq', 'acked_at']).execute();

/** The changes after `afterSeq` for these audiences, oldest first, at most `limit`. */
export const listChangeNoticesAfter = (
  db: Db,
  options: { afterSeq: number; audiences: readonly Audience[]; limit: number },
) =>
  db
    .selectFrom('knowledge_change')
    .select(['seq', 'ref', 'version', 'kind', 'audience'])
    .where('seq', '>', options.afterSeq)
    .where('audience', 'in', [...options.audiences])
    .orderBy('seq')
    .limit(options.limit)
    .execute();

/** The change feed's last position (0 when empty). */
export async function lastChangeSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('knowledge_change')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** What was published after a position of the feed, in order (the search index catching up). */
export const listChangesAfter = (db: Db, seq: number) =>
  db
    .selectFrom('knowledge_change')
    .select(['seq', 'ref', 'version', 'kind', 'audience'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute();
