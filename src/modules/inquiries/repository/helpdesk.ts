import type { Db } from './db.js';

/** The helpdesk tickets created from `start` (included) to `end` (excluded), for the figures. */
export const listTicketTimes = (db: Db, start: string, end: string) =>
  db
    .selectFrom('inquiry')
    .select(['category', 'created_at', 'closed_at'])
    .where('kind', '=', 'helpdesk')
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .execute();

/** How many helpdesk tickets are not closed now, by category. */
export async function countOpenTickets(db: Db): Promise<{ category: string | null; count: number }[]> {
  const rows = await db
    .selectFrom('inquiry')
    .select((eb) => ['category', eb.fn.countAll<string | number>().as('count')])
    .where('kind', '=', 'helpdesk')
    .where('status', '!=', 'closed')
    .groupBy('category')
    .execute();
  return rows.map((row) => ({ category: row.category, count: Number(row.count) }));
}

/** The helpdesk tickets that name an asset by its tag, newest first (on index inquiry_asset_tag). */
export const findTicketsOfAsset = (db: Db, tag: string) =>
  db
    .selectFrom('inquiry')
    .select(['ref', 'status', 'category', 'created_at', 'closed_at', 'requester_person_id', 'requester_name'])
    .where('asset_tag', '=', tag)
    .where('kind', '=', 'helpdesk')
    .orderBy('created_at', 'desc')
    .orderBy('ref', 'desc')
    .execute();
