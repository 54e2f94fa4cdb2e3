import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// Rows the request tests need from other areas' and modules' tables, written directly: a
// function and a person's telework staff profile, a manager, a start date, units in stock.

type Db = Kysely<any>;
const NOW = '2026-01-01T00:00:00.000Z';

/** Gives a person a telework function (created when missing). */
export async function giveFunction(db: Db, personId: string, code: string): Promise<void> {
  await db
    .insertInto('telework_function')
    .values({
      code,
      name_fr: `Fonction ${code}`,
      name_nl: `Functie ${code}`,
      is_teleworkable: 1,
      created_at: NOW,
      updated_at: NOW,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('telework_staff_profile')
    .values({ person_id: personId, function_code: code, occupation_pct: 100, updated_at: NOW })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ function_code: code }))
    .execute();
}

export async function setManager(db: Db, personId: string, managerId: string | null): Promise<void> {
  await db
    .updateTable('directory_person')
    .set({ manager_id: managerId })
    .where('id', '=', personId)
    .execute();
}

export async function setFirstDay(db: Db, personId: string, day: string | null): Promise<void> {
  await db.updateTable('directory_person').set({ employed_from: day }).where('id', '=', personId).execute();
}

/** `count` units of a type in stock, tagged `<prefix>-0001`…; their ids. */
export async function insertUnits(db: Db, type: string, count: number, prefix: string): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    asset_tag: `${prefix}-${String(i + 1).padStart(4, '0')}`,
    type,
    model: `Model ${type}`,
    serial: `${prefix}-SN-${i + 1}`,
    status: 'in_stock',
    location: 'stock',
    site: 'HQ',
    desk: null,
    holder_id: null,
    request_id: null,
    created_at: NOW,
    updated_at: NOW,
    version: 1,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('equipment_asset')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.map((r) => r.id);
}

/** An open item request row for a person (the reservation tests make many at once). */
export async function insertOpenRequests(
  db: Db,
  personId: string,
  type: string,
  count: number,
): Promise<string[]> {
  const rows = Array.from({ length: count }, () => ({
    id: `EQ-T${randomUUID().slice(0, 10)}`,
    person_id: personId,
    type,
    kind: 'item',
    status: 'open',
    delivery: 'site',
    created_at: NOW,
    updated_at: NOW,
    version: 1,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('equipment_request')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.map((r) => r.id);
}
