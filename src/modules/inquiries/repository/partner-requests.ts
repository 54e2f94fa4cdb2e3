import type { InquiryTables } from '../tables.js';
import type { Db } from './db.js';

type PartnerRequestRow = InquiryTables['inquiry_partner_request'];

export async function insertPartnerRequest(trx: Db, row: PartnerRequestRow): Promise<void> {
  await trx.insertInto('inquiry_partner_request').values(row).execute();
}

/**
 * A page of requests to funds, the latest first, with who the inquiry is about; only one fund's
 * when `partnerId` is given.
 */
export async function findPartnerRequestPage(
  db: Db,
  filter: { partnerId: string | null; status?: string; limit: number; offset: number },
) {
  let query = db.selectFrom('inquiry_partner_request as r').innerJoin('inquiry as i', 'i.id', 'r.inquiry_id');
  if (filter.partnerId) query = query.where('r.partner_id', '=', filter.partnerId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  const [rows, count] = await Promise.all([
    query
      .select([
        'r.id',
        'r.question',
        'r.status',
        'r.asked_at',
        'r.answer',
        'r.answered_at',
        'r.partner_id',
        'i.ref',
        'i.requester_name',
        'i.requester_niss',
        'i.requester_enterprise_number',
      ])
      .orderBy('r.asked_at', 'desc')
      .orderBy('r.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const findPartnerRequest = (db: Db, id: string): Promise<PartnerRequestRow | undefined> =>
  db.selectFrom('inquiry_partner_request').selectAll().where('id', '=', id).executeTakeFirst();

/** Records a fund's answer to a request still open; false when it was answered meanwhile. */
export async function answerOpenPartnerRequest(
  trx: Db,
  id: string,
  answer: { answer: string; answeredBy: string | null; answeredAt: string },
): Promise<boolean> {
  const answered = await trx
    .updateTable('inquiry_partner_request')
    .set({
      status: 'answered',
      answer: answer.answer,
      answered_by: answer.answeredBy,
      answered_at: answer.answeredAt,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(answered.numUpdatedRows) === 1;
}

export const hasOpenPartnerRequest = async (db: Db, inquiryId: string): Promise<boolean> =>
  (await db
    .selectFrom('inquiry_partner_request')
    .select('id')
    .where('inquiry_id', '=', inquiryId)
    .where('status', '=', 'open')
    .executeTakeFirst()) !== undefined;
