import type { Insertable } from 'kysely';
import type { InquiryTables } from '../tables.js';
import type { Db } from './db.js';

export async function insertInquiryNotice(
  trx: Db,
  row: Insertable<InquiryTables['inquiry_notice']>,
): Promise<void> {
  await trx.insertInto('inquiry_notice').values(row).execute();
}

/** The notices after `afterSeq`, oldest first, with their inquiry's reference; `limit` at most. */
export const listNoticesAfter = (db: Db, afterSeq: number, limit: number) =>
  db
    .selectFrom('inquiry_notice as n')
    .innerJoin('inquiry as i', 'i.id', 'n.inquiry_id')
    .select(['n.seq', 'n.kind', 'n.assignee_id', 'n.team_id', 'n.at', 'i.ref'])
    .where('n.seq', '>', afterSeq)
    .orderBy('n.seq')
    .limit(limit)
    .execute();

/** The place of the last notice in the feed (0 when there is none yet). */
export async function lastNoticeSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('inquiry_notice')
    .select((eb) => eb.fn.max('seq').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}
