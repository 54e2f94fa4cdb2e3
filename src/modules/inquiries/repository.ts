import type { Kysely } from 'kysely';
import { preparedInsert } from '../../platform/db/prepared-query.js';
import type { InquiryRow, InquiryTables } from './tables.js';

export type Db = Kysely<InquiryTables>;

// Written for every inquiry logged, many a second in a surge: compiled once (preparedInsert).
export const addInquiryRow = preparedInsert<InquiryRow>('inquiry');
export const addStatusChange =
  preparedInsert<InquiryTables['inquiry_status_change']>('inquiry_status_change');

export const findInquiryByRef = (db: Db, ref: string): Promise<InquiryRow | undefined> =>
  db.selectFrom('inquiry').selectAll().where('ref', '=', ref).executeTakeFirst();

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

export const findTeamByCode = (db: Db, code: string) =>
  db.selectFrom('inquiry_team').selectAll().where('code', '=', code).executeTakeFirst();

export const findTeamsByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('inquiry_team').selectAll().where('id', 'in', ids).execute();

/** The same connection or transaction, for calls into other modules (which type their own tables). */
export const forOtherModules = (db: Db): Kysely<any> => db as Kysely<any>;
