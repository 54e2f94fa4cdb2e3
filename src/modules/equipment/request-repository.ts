import type { Db } from './profile-repository.js';
import type { RequestRow } from './tables.js';

// The SQL of the requests (items and contributions). The receipt's bytes are read only when asked.

export type { Db };

/** Every column but the receipt's bytes. */
export type RequestListRow = Omit<RequestRow, 'receipt'>;

const COLUMNS = [
  'id',
  'person_id',
  'type',
  'kind',
  'status',
  'delivery',
  'site',
  'address',
  'reason',
  'kit_id',
  'due_on',
  'amount_cents',
  'receipt_name',
  'receipt_type',
  'asset_id',
  'decided_by',
  'decided_at',
  'refusal_reason',
  'created_by',
  'created_at',
  'updated_at',
  'version',
] as const;

export async function insertRequest(db: Db, row: RequestRow): Promise<void> {
  await db.insertInto('equipment_request').values(row).execute();
}

export async function insertRequests(db: Db, rows: readonly RequestRow[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('equipment_request')
      .values([...rows])
      .execute();
}

export const findRequest = (db: Db, id: string): Promise<RequestListRow | undefined> =>
  db.selectFrom('equipment_request').select(COLUMNS).where('id', '=', id).executeTakeFirst();

export const findReceipt = (db: Db, id: string) =>
  db
    .selectFrom('equipment_request')
    .select(['person_id', 'receipt', 'receipt_name', 'receipt_type'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Changes a request if it is still at `version` (someone else moved it otherwise): rows changed. */
export async function updateRequest(
  db: Db,
  id: string,
  version: number,
  changes: Partial<Omit<RequestRow, 'id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('equipment_request')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type RequestFilter = {
  personIds?: readonly string[];
  status?: string;
  type?: string;
  kind?: string;
  kitsOnly?: boolean;
};

export async function listRequests(
  db: Db,
  filter: RequestFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: RequestListRow[]; total: number }> {
  let query = db.selectFrom('equipment_request');
  if (filter.personIds)
    query = query.where('person_id', 'in', filter.personIds.length ? [...filter.personIds] : ['']);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.kitsOnly) query = query.where('kit_id', 'is not', null);
  const [rows, count] = await Promise.all([
    (filter.kitsOnly
      ? query.select(COLUMNS).orderBy('due_on').orderBy('kit_id').orderBy('type')
      : query.select(COLUMNS).orderBy('created_at', 'desc').orderBy('id')
    )
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The cents of a person's contributions for a type asked for since `since` (refused and cancelled ones aside). */
export async function contributedSince(
  db: Db,
  personId: string,
  type: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('equipment_request')
    .select((eb) => eb.fn.sum<number>('amount_cents').as('cents'))
    .where('person_id', '=', personId)
    .where('type', '=', type)
    .where('kind', '=', 'contribution')
    .where('status', 'not in', ['refused', 'cancelled'])
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.cents ?? 0);
}

/** The people who already have a kit (prepared once, never again). */
export async function peopleWithKit(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows = await db
    .selectFrom('equipment_request')
    .select('person_id')
    .distinct()
    .where('kit_id', 'is not', null)
    .where('person_id', 'in', [...personIds])
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** Requests not finished yet (waiting for approval, for a unit, or reserved), oldest first. */
export const pendingRequests = (db: Db) =>
  db
    .selectFrom('equipment_request')
    .select(['id', 'person_id', 'type', 'kind', 'status', 'created_at', 'due_on'])
    .where('status', 'in', ['awaiting_approval', 'open', 'reserved'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** The tags of assets by id (a request shows its unit's tag). */
export async function assetTagsOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('equipment_asset')
    .select(['id', 'asset_tag'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.asset_tag]));
}

/** The units a person holds, by type and tag (their "my equipment"). */
export const assetsHeldBy = (db: Db, personId: string) =>
  db
    .selectFrom('equipment_asset')
    .select(['asset_tag', 'type', 'model', 'serial', 'status', 'location'])
    .where('holder_id', '=', personId)
    .where('status', '!=', 'retired')
    .orderBy('type')
    .orderBy('asset_tag')
    .execute();
