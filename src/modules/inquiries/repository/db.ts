import type { Kysely } from 'kysely';
import type { InquiryTables } from '../tables.js';

/** A connection or a transaction that reaches the inquiries module's tables. */
export type Db = Kysely<InquiryTables>;

/** The same connection or transaction, for calls into other modules (which type their own tables). */
export const forOtherModules = (db: Db): Kysely<any> => db as Kysely<any>;
