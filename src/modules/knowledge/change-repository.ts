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
    .select(['c.seq', 'c.ref', 'c.version', 'c.kind', 'c.at', 'c.summary', 'v.question_fr', 'v.question_nl'])
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

/** The changes this fund has not acknowledged, oldest first. */
export function listUnacknowledgedChangeRows(
  db: Db,
  partnerId: string,
  audiences: readonly Audience[],
): Promise<ChangeRow[]> {
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
    .orderBy('c.seq')
    .execute();
}

export async function insertAcknowledgements(
  db: Db,
  acks: Insertable<KnowledgeTables['knowledge_ack']>[],
): Promise<void> {
  await db.insertInto('knowledge_ack').values(acks).execute();
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
