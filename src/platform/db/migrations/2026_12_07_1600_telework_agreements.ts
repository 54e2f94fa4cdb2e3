import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// Telework agreements (issue 14, point 1): the institution's policy (caps, HR approval), the
// functions and whether each is teleworkable, each member of staff's function and occupation,
// the agreements with their history and signatures, and the crisis measures that override the caps.
// Lists (weekdays, clauses, units, exceptions) are JSON text, read and written whole.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('telework_policy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('weekly_cap_days', 'double precision', (c) => c.notNull())
    .addColumn('monthly_cap_days', 'double precision')
    .addColumn('hr_approval', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('telework_function')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('is_teleworkable', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('telework_staff_profile')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('function_code', 'text', (c) => c.notNull().references('telework_function.code'))
    .addColumn('occupation_pct', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('telework_agreement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('days_per_week', 'double precision')
    .addColumn('weekdays', 'text', (c) => c.notNull())
    .addColumn('monthly_days', 'double precision')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('clauses', 'text', (c) => c.notNull())
    .addColumn('motivation', 'text')
    .addColumn('manager_id', 'text')
    .addColumn('employee_signed_by', 'text')
    .addColumn('employee_signed_at', 'text')
    .addColumn('employer_signed_by', 'text')
    .addColumn('employer_signed_at', 'text')
    .addColumn('signed_text', 'text')
    .addColumn('signed_digest', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('telework_agreement_person')
    .on('telework_agreement')
    .columns(['person_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('telework_agreement_manager')
    .on('telework_agreement')
    .columns(['manager_id', 'status'])
    .execute();
  await db.schema
    .createIndex('telework_agreement_status')
    .on('telework_agreement')
    .columns(['status', 'start_date'])
    .execute();

  await db.schema
    .createTable('telework_agreement_event')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('telework_agreement.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('telework_agreement_event_pk', ['agreement_id', 'seq'])
    .execute();

  await db.schema
    .createTable('telework_crisis_measure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('title_nl', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('org_units', 'text', (c) => c.notNull())
    .addColumn('exceptions', 'text', (c) => c.notNull())
    .addColumn('weekly_cap_days', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('telework_crisis_measure_start')
    .on('telework_crisis_measure')
    .column('start_date')
    .execute();
}
