import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// Telework allowances (issue 14, point 3): the monthly amounts the institution pays teleworkers
// (an internet connection allowance of 20-25 euros in 2014, an office-costs allowance later), each
// for a period, in integer cents, with the rule that prorates it (none, occupation, telework days).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('telework_allowance_rate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label_fr', 'text', (c) => c.notNull())
    .addColumn('label_nl', 'text', (c) => c.notNull())
    .addColumn('monthly_cents', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('proration', 'text', (c) => c.notNull())
    // For proration `days`: the telework days a month that earn the full amount.
    .addColumn('full_days', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('telework_allowance_rate_kind')
    .on('telework_allowance_rate')
    .columns(['kind', 'start_date'])
    .execute();
}
