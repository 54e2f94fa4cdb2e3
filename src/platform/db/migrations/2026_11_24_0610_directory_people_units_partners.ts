import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directory_org_unit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('directory_org_unit.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('directory_partner')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('enterprise_number', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('directory_person')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'text', (c) => c.references('directory_org_unit.id'))
    .addColumn('manager_id', 'text', (c) => c.references('directory_person.id'))
    .addColumn('partner_id', 'text', (c) => c.references('directory_partner.id'))
    .addColumn('employed_from', 'text')
    .addColumn('employed_to', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directory_person_email').on('directory_person').column('email').execute();
  await db.schema
    .createIndex('directory_person_partner')
    .on('directory_person')
    .column('partner_id')
    .execute();

  await db.schema
    .createTable('directory_person_role')
    .addColumn('person_id', 'text', (c) => c.notNull().references('directory_person.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_person_role_pk', ['person_id', 'role'])
    .execute();
  await db.schema
    .createIndex('directory_person_role_role')
    .on('directory_person_role')
    .column('role')
    .execute();
}
