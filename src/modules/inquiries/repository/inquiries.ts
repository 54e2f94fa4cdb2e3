import type { Updateable } from 'kysely';
import { newestFirstBatches, olderThan } from '../../../platform/db/batches.js';
import { containsLowercase } from '../../../platform/db/like.js';
import { preparedInsert } from '../../../platform/db/prepared-query.js';
import type { Channel, Origin, Status } from '../contract.js';
import type { InquiryRow, InquiryTables } from '../tables.js';
import type { Db } from './db.js';

type InquiryChanges = Updateable<InquiryTables['inquiry']>;

// Written for every inquiry logged, many a second in a surge: compiled once (preparedInsert).
export const addInquiryRow = preparedInsert<InquiryRow>('inquiry');

export const findInquiryByRef = (db: Db, ref: string): Promise<InquiryRow | undefined> =>
  db.selectFrom('inquiry').selectAll().where('ref', '=', ref).executeTakeFirst();

/** An inquiry known to exist (its id came from a row read before). */
export const getInquiryById = (db: Db, id: string): Promise<InquiryRow> =>
  db.selectFrom('inquiry').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export const findInquiryByIdempotencyKey = (
  db: Db,
  createdBy: string,
  key: string,
): Promise<InquiryRow | undefined> =>
  db
    .selectFrom('inquiry')
    .selectAll()
    .where('created_by', '=', createdBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();

export const findInquiriesByRefs = (db: Db, refs: readonly string[]): Promise<InquiryRow[]> =>
  refs.length === 0
    ? Promise.resolve([])
    : db.selectFrom('inquiry').selectAll().where('ref', 'in', refs).execute();

/** The inquiries whose threads hold these messages. */
export const findInquiriesOfMessages = (db: Db, messageIds: readonly string[]): Promise<InquiryRow[]> =>
  messageIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('inquiry')
        .selectAll()
        .where(
          'id',
          'in',
          db.selectFrom('inquiry_message').select('inquiry_id').where('id', 'in', messageIds),
        )
        .execute();

/** The references of inquiries, by id. */
export async function refsOfInquiries(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('inquiry').select(['id', 'ref']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.ref]));
}

/** The open inquiries linked to a lead inquiry (they get its answer). */
export const listOpenFollowers = (db: Db, leadId: string): Promise<InquiryRow[]> =>
  db
    .selectFrom('inquiry')
    .selectAll()
    .where('linked_to_id', '=', leadId)
    .where('status', '!=', 'closed')
    .execute();

export const hasFollowers = async (db: Db, leadId: string): Promise<boolean> =>
  (await db.selectFrom('inquiry').select('id').where('linked_to_id', '=', leadId).executeTakeFirst()) !==
  undefined;

export async function updateInquiry(db: Db, id: string, changes: InquiryChanges): Promise<void> {
  await db.updateTable('inquiry').set(changes).where('id', '=', id).execute();
}

/** Changes an inquiry only if it is still in `status`; false when someone moved it meanwhile. */
export async function updateInquiryInStatus(
  db: Db,
  id: string,
  status: string,
  changes: InquiryChanges,
): Promise<boolean> {
  const updated = await db
    .updateTable('inquiry')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** What a list of inquiries is filtered on, as the columns hold it. */
export type InquiryCriteria = {
  /** Citizens' inquiries or helpdesk tickets: never both in one list. */
  kind: string;
  partnerId?: string | null;
  /** A member of staff's own helpdesk tickets. */
  requesterPersonId?: string;
  category?: string;
  channel?: Channel;
  status?: Status;
  origin?: Origin;
  isOpen?: boolean;
  /** A person's id, or null for inquiries nobody has taken. */
  assigneeId?: string | null;
  teamId?: string;
  ref?: string;
  niss?: string;
  enterpriseNumber?: string;
  /** Each one in the question or the requester's name. */
  words?: readonly string[];
};

function matching(db: Db, criteria: InquiryCriteria) {
  let filtered = db.selectFrom('inquiry').where('kind', '=', criteria.kind);
  if (criteria.requesterPersonId)
    filtered = filtered.where('requester_person_id', '=', criteria.requesterPersonId);
  if (criteria.category) filtered = filtered.where('category', '=', criteria.category);
  if (criteria.partnerId) filtered = filtered.where('partner_id', '=', criteria.partnerId);
  if (criteria.channel) filtered = filtered.where('channel', '=', criteria.channel);
  if (criteria.status) filtered = filtered.where('status', '=', criteria.status);
  if (criteria.origin) filtered = filtered.where('origin', '=', criteria.origin);
  if (criteria.isOpen) filtered = filtered.where('status', '!=', 'closed');
  if (criteria.assigneeId === null) filtered = filtered.where('assignee_id', 'is', null);
  else if (criteria.assigneeId !== undefined)
    filtered = filtered.where('assignee_id', '=', criteria.assigneeId);
  if (criteria.teamId !== undefined) filtered = filtered.where('team_id', '=', criteria.teamId);
  if (criteria.ref !== undefined) filtered = filtered.where('ref', '=', criteria.ref);
  if (criteria.niss !== undefined) filtered = filtered.where('requester_niss', '=', criteria.niss);
  if (criteria.enterpriseNumber !== undefined)
    filtered = filtered.where('requester_enterprise_number', '=', criteria.enterpriseNumber);
  for (const word of criteria.words ?? []) {
    filtered = filtered.where((eb) =>
      eb.or([containsLowercase('question', word), containsLowercase('requester_name', word)]),
    );
  }
  return filtered;
}

/** A page of the inquiries matching, newest first, and how many match in all. */
export async function findInquiryPage(
  db: Db,
  criteria: InquiryCriteria,
  page: { limit: number; offset: number },
): Promise<{ rows: InquiryRow[]; total: number }> {
  const filtered = matching(db, criteria);
  const [rows, count] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('ref', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every inquiry matching, newest first, a batch at a time. */
export const inquiryBatches = (db: Db, criteria: InquiryCriteria, batchSize: number) => {
  const filtered = matching(db, criteria);
  return newestFirstBatches(
    (after, limit) =>
      filtered
        .selectAll()
        .$if(after !== undefined, (q) =>
          q.where((eb) => olderThan(eb, { at: 'created_at', id: 'ref' }, after!)),
        )
        .orderBy('created_at', 'desc')
        .orderBy('ref', 'desc')
        .limit(limit)
        .execute(),
    (row) => ({ at: row.created_at, id: row.ref }),
    batchSize,
  );
};

/** The most recent open inquiries, with the reference of the one each is linked to. */
export function listOpenInquiriesToCompare(
  db: Db,
  filter: { kind: string; partnerId: string | null; theme?: string; excludeRef?: string; limit: number },
) {
  let query = db
    .selectFrom('inquiry as i')
    .leftJoin('inquiry as lead', 'lead.id', 'i.linked_to_id')
    .select(['i.ref', 'i.question', 'i.status', 'lead.ref as linked_to'])
    .where('i.status', '!=', 'closed')
    .where('i.kind', '=', filter.kind);
  if (filter.partnerId) query = query.where('i.partner_id', '=', filter.partnerId);
  if (filter.theme) query = query.where('i.theme', '=', filter.theme);
  if (filter.excludeRef) query = query.where('i.ref', '!=', filter.excludeRef);
  return query.orderBy('i.created_at', 'desc').limit(filter.limit).execute();
}
