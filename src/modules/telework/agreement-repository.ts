import type { Kysely } from 'kysely';
import type { AgreementStatus } from './contract.js';
import type { AgreementEventRow, AgreementRow, TeleworkTables } from './tables.js';

// The SQL of agreements and their history. The service decides; this reads and writes rows.

export type Db = Kysely<TeleworkTables>;

/** Statuses of an agreement that still counts: it blocks an overlapping request. */
export const ALIVE: readonly AgreementStatus[] = [
  'requested',
  'awaiting_hr',
  'awaiting_signatures',
  'approved',
];

export const findAgreement = (db: Db, id: string): Promise<AgreementRow | undefined> =>
  db.selectFrom('telework_agreement').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertAgreement(db: Db, row: AgreementRow): Promise<void> {
  await db.insertInto('telework_agreement').values(row).execute();
}

/**
 * Writes a step if nobody wrote one since `version` was read; false when someone did (two
 * managers approving at once, a double click): the caller answers 409 instead of deciding twice.
 */
export async function updateAgreement(
  db: Db,
  id: string,
  version: number,
  changes: Partial<Omit<AgreementRow, 'id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('telework_agreement')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The person's agreements that still count, but one (the one being changed). */
export const aliveAgreementsOf = (db: Db, personId: string): Promise<AgreementRow[]> =>
  db
    .selectFrom('telework_agreement')
    .selectAll()
    .where('person_id', '=', personId)
    .where('status', 'in', [...ALIVE])
    .orderBy('start_date')
    .execute();

export type AgreementScope =
  | { kind: 'mine'; personId: string }
  | { kind: 'team'; managerId: string }
  | { kind: 'all' };

export async function listAgreements(
  db: Db,
  scope: AgreementScope,
  filter: { status?: AgreementStatus },
  page: { limit: number; offset: number },
): Promise<{ rows: AgreementRow[]; total: number }> {
  let query = db.selectFrom('telework_agreement');
  if (scope.kind === 'mine') query = query.where('person_id', '=', scope.personId);
  if (scope.kind === 'team') query = query.where('manager_id', '=', scope.managerId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      // What waits for a decision or a signature first, then the newest.
      .orderBy((eb) =>
        eb
          .case()
          .when('status', 'in', ['requested', 'awaiting_hr', 'awaiting_signatures'])
          .then(0)
          .else(1)
          .end(),
      )
      .orderBy('requested_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const historyOf = (db: Db, agreementId: string): Promise<AgreementEventRow[]> =>
  db
    .selectFrom('telework_agreement_event')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('seq')
    .execute();

export async function appendEvent(db: Db, event: Omit<AgreementEventRow, 'seq'>): Promise<void> {
  const last = await db
    .selectFrom('telework_agreement_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('agreement_id', '=', event.agreement_id)
    .executeTakeFirst();
  await db
    .insertInto('telework_agreement_event')
    .values({ ...event, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

/**
 * Agreements approved and in force on at least one day from `from` to `to`, by person then oldest
 * first; only these people's when given (the presence plan, allowances, live figures).
 */
export const agreementsInForce = (
  db: Db,
  from: string,
  to: string,
  personIds?: readonly string[],
): Promise<AgreementRow[]> => {
  let query = db
    .selectFrom('telework_agreement')
    .selectAll()
    .where('status', '=', 'approved')
    .where('start_date', '<=', to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]));
  if (personIds) query = query.where('person_id', 'in', personIds.length ? [...personIds] : ['']);
  return query.orderBy('person_id').orderBy('start_date').execute();
};

/** The handle another module's exported functions take (they type it with their own tables). */
export const forOtherModules = (db: Db): Kysely<any> => db as Kysely<any>;
