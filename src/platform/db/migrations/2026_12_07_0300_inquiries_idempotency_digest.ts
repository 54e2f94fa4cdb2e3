import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// An idempotency key answered the first inquiry to any later request with the same key, whatever its
// body. Each key now keeps the SHA-256 digest of the request that used it, so a replay can be told
// from another request; rows written before have none, and their keys are not replayed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inquiry').addColumn('idempotency_digest', 'text').execute();
}
