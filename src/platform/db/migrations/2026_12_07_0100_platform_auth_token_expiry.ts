import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// An API token may carry the Brussels day from which it no longer answers (issue 10, point 9);
// null keeps today's tokens as they are, without an end.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('auth_token').addColumn('expires_on', 'text').execute();
}
