import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// An asset's page lists the helpdesk tickets that name it: by tag, on an index, not a scan of
// every inquiry.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('inquiry_asset_tag').on('inquiry').column('asset_tag').execute();
}
