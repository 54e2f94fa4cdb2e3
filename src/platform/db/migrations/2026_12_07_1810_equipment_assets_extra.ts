import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit once merged.
// Asset search on a hundred thousand units: ICT types the start of a tag, a serial or a model,
// case aside. A LIKE 'abc%' uses an index only where the index compares as the LIKE does: on
// SQLite an index with NOCASE collation (its LIKE ignores ASCII case), on PostgreSQL an index on
// lower(column) with text_pattern_ops (byte order, whatever the database's collation). The list's
// own order (by tag) under a type and status filter is read from an index instead of sorted.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const column of ['asset_tag', 'serial', 'model'] as const) {
    const name = sql.id(`equipment_asset_${column}_search`);
    const searched = isPostgres
      ? sql`lower(${sql.ref(column)}) text_pattern_ops`
      : sql`${sql.ref(column)} collate nocase`;
    // With the tag beside it, a prefix matching thousands of units (a common model) is put in tag
    // order from the index alone, and only the page's rows are read.
    const tag = column === 'asset_tag' ? sql`` : sql`, asset_tag`;
    await sql`create index ${name} on equipment_asset (${searched}${tag})`.execute(db);
  }
  await db.schema
    .createIndex('equipment_asset_holder_tag')
    .on('equipment_asset')
    .columns(['holder_id', 'asset_tag'])
    .execute();
  await db.schema.dropIndex('equipment_asset_holder').execute();
  await db.schema
    .createIndex('equipment_asset_type_status_tag')
    .on('equipment_asset')
    .columns(['type', 'status', 'asset_tag'])
    .execute();
  await db.schema.dropIndex('equipment_asset_type_status').execute();
  await db.schema
    .createIndex('equipment_asset_status_tag')
    .on('equipment_asset')
    .columns(['status', 'asset_tag'])
    .execute();
  // Stock per type and site, the home report per person: both read by location.
  await db.schema
    .createIndex('equipment_asset_location')
    .on('equipment_asset')
    .columns(['location', 'type', 'site'])
    .execute();
}
