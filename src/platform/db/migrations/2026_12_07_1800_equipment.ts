import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit once merged.
// The equipment module (issue 15): assets and every move they make, the equipment profiles of the
// functions, the requests (an item or a contribution to buy one), the delivery batches that carry
// reserved units to a site or a home, and the person's signed acceptance. Amounts in integer cents.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('equipment_asset')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_tag', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    // Where it is: `stock` (a stock room of a site), `desk` (a desk of a site), `home` (a person's), `carrier`.
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('site', 'text')
    .addColumn('desk', 'text')
    .addColumn('holder_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Reservation picks the first free unit of a type; the screens filter by type and status, a
  // person's equipment by holder, recovery by desk.
  await db.schema
    .createIndex('equipment_asset_type_status')
    .on('equipment_asset')
    .columns(['type', 'status'])
    .execute();
  await db.schema
    .createIndex('equipment_asset_holder')
    .on('equipment_asset')
    .columns(['holder_id'])
    .execute();
  await db.schema.createIndex('equipment_asset_desk').on('equipment_asset').columns(['desk']).execute();
  await db.schema
    .createIndex('equipment_asset_request')
    .on('equipment_asset')
    .columns(['request_id'])
    .execute();

  await db.schema
    .createTable('equipment_asset_move')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('equipment_asset.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    // What happened: registered, imported, reserved, released, shipped, delivered, handed_over,
    // received, returned, recovered, repaired, retired, edited…
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('site', 'text')
    .addColumn('desk', 'text')
    .addColumn('holder_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('delivery_id', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('equipment_asset_move_asset')
    .on('equipment_asset_move')
    .columns(['asset_id', 'at'])
    .execute();

  await db.schema
    .createTable('equipment_profile')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The telework module's function codes; a function has at most one profile.
  await db.schema
    .createTable('equipment_profile_function')
    .addColumn('function_code', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('equipment_profile.id'))
    .execute();
  await db.schema
    .createTable('equipment_profile_item')
    .addColumn('profile_id', 'text', (c) => c.notNull().references('equipment_profile.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    // `default`: in the kit; `on_request`: may be asked for.
    .addColumn('mode', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('equipment_profile_item_pk', ['profile_id', 'type'])
    .execute();
  // Per item type: whether a manager approves, the contribution's cap and period, the low-stock alert.
  await db.schema
    .createTable('equipment_type_policy')
    .addColumn('type', 'text', (c) => c.primaryKey())
    .addColumn('manager_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contribution_cap_cents', 'integer')
    .addColumn('contribution_period_months', 'integer')
    .addColumn('low_stock_threshold', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('equipment_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    // `item`: a unit from stock; `contribution`: money towards buying one.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text')
    .addColumn('site', 'text')
    .addColumn('address', 'text')
    .addColumn('reason', 'text')
    // A new colleague's kit: the requests prepared together, due before the first day.
    .addColumn('kit_id', 'text')
    .addColumn('due_on', 'text')
    .addColumn('amount_cents', 'integer')
    .addColumn('receipt_name', 'text')
    .addColumn('receipt_type', 'text')
    .addColumn('receipt', isPostgres ? 'bytea' : 'blob')
    .addColumn('asset_id', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('equipment_request_person')
    .on('equipment_request')
    .columns(['person_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('equipment_request_status')
    .on('equipment_request')
    .columns(['status', 'created_at'])
    .execute();
  // Two requests never hold the same unit (the reservation's last guard, on both databases).
  await db.schema
    .createIndex('equipment_request_asset')
    .on('equipment_request')
    .column('asset_id')
    .unique()
    .execute();

  await db.schema
    .createTable('equipment_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    // `home` (a carrier to an address) or `site` (handed over at a site).
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('site', 'text')
    .addColumn('carrier', 'text')
    .addColumn('carrier_ref', 'text')
    // prepared, shipped, delivered, returned
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('shipped_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('signed_for_on', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('equipment_delivery_person')
    .on('equipment_delivery')
    .columns(['person_id'])
    .execute();
  await db.schema
    .createIndex('equipment_delivery_shipped')
    .on('equipment_delivery')
    .columns(['shipped_at'])
    .execute();
  await db.schema
    .createTable('equipment_delivery_item')
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('equipment_delivery.id'))
    .addColumn('request_id', 'text', (c) => c.notNull().references('equipment_request.id'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('equipment_asset.id'))
    .addPrimaryKeyConstraint('equipment_delivery_item_pk', ['delivery_id', 'request_id'])
    .execute();

  // The person's confirmation that they received these units (one acceptance may cover a kit).
  await db.schema
    .createTable('equipment_acceptance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text')
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    // JSON: `[{ "asset_tag", "type", "model", "serial" }, …]` as received, frozen.
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('equipment_acceptance_person')
    .on('equipment_acceptance')
    .columns(['person_id'])
    .execute();
}
