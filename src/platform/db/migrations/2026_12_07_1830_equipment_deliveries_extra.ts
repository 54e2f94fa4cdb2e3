import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// Equipment returns (issue 15, point 3): when units come back from a person (leaving, a swap), ICT
// registers them together and the person gets a receipt. The receipt must read the same every time
// it is downloaded, so what came back is frozen here as JSON with its SHA-256, as an acceptance is.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('equipment_return')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    // The site whose stock room took the units back.
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('returned_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    // JSON: `[{ "asset_tag", "type", "model", "serial" }, …]`, frozen.
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('equipment_return_person')
    .on('equipment_return')
    .columns(['person_id', 'created_at'])
    .execute();
}
