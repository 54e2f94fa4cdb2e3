import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// Telework statistics (issue 14, point 4): an organisation's imported staff and telework agreements,
// a data set of its own (not the directory's people), from which the yearly report is counted.
// Keys follow the files, so importing the same files again changes nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('telework_stat_organisation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('target_pct', 'double precision')
    .addColumn('imported_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('telework_stat_employee')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('telework_stat_organisation.id'))
    .addColumn('employee_id', 'text', (c) => c.notNull())
    .addColumn('org_unit', 'text', (c) => c.notNull())
    .addColumn('hired_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('occupation_pct', 'integer', (c) => c.notNull())
    .addColumn('is_teleworkable', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('telework_stat_employee_pk', ['organisation_id', 'employee_id'])
    .execute();
  await db.schema
    .createIndex('telework_stat_employee_hired')
    .on('telework_stat_employee')
    .columns(['organisation_id', 'hired_on'])
    .execute();

  await db.schema
    .createTable('telework_stat_agreement')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('employee_id', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('regime', 'text', (c) => c.notNull())
    /** Structural only: 1, 1.5, 2, 2.5 or 3; null for occasional. */
    .addColumn('days_per_week', 'double precision')
    // An employee's agreements may overlap (a new one replacing the old), but never start on the same day.
    .addPrimaryKeyConstraint('telework_stat_agreement_pk', ['organisation_id', 'employee_id', 'start_date'])
    .addForeignKeyConstraint(
      'telework_stat_agreement_employee',
      ['organisation_id', 'employee_id'],
      'telework_stat_employee',
      ['organisation_id', 'employee_id'],
    )
    .execute();
  await db.schema
    .createIndex('telework_stat_agreement_start')
    .on('telework_stat_agreement')
    .columns(['organisation_id', 'start_date'])
    .execute();
}
