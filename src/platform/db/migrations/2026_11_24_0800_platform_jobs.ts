import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit once merged.
// Background jobs of every module (FAQ exports, retention, scheduled callbacks), claimed through the
// database so that no extra server is needed and two instances never run the same job.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('platform_job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_message', 'text')
    .addColumn('result', 'text')
    .addColumn('error_code', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('keep_minutes', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('platform_job_due')
    .on('platform_job')
    .columns(['status', 'run_after'])
    .execute();
  await db.schema
    .createIndex('platform_job_owner')
    .on('platform_job')
    .columns(['kind', 'created_by', 'created_at'])
    .execute();
  await db.schema.createIndex('platform_job_expires').on('platform_job').column('expires_at').execute();

  // A finished job's file (an exported PDF): in the database, so whichever instance answers the
  // download has it, and it goes when its job expires.
  await db.schema
    .createTable('platform_job_file')
    .addColumn('job_id', 'text', (c) => c.primaryKey().references('platform_job.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('content', isPostgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
