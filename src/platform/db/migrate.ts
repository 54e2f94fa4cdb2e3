import { type Kysely, Migrator, sql } from 'kysely';
import { isPostgres } from './dialect.js';
import { migrations } from './migrations/index.js';

export type MigrationReport = { applied: string[] };

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'platform_migration',
    migrationLockTableName: 'platform_migration_lock',
    ...(await migrationSchema(db)),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(
      `Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`,
    );
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

// Without a schema, Kysely looks for its bookkeeping tables in every schema of the database: on a
// PostgreSQL database holding several schemas (parallel test runs, or a stale copy in `public`) it
// finds another schema's lock table, skips creating its own and fails with "relation does not exist".
async function migrationSchema(db: Kysely<any>): Promise<{ migrationTableSchema?: string }> {
  if (!isPostgres(db)) return {};
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ? { migrationTableSchema: rows[0].schema } : {};
}
