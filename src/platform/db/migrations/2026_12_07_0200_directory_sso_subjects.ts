import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// Single sign-on binds a person to the provider's (issuer, sub) at the first match: the only
// claims a provider promises never to reassign. One subject per person and issuer.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directory_person_sso')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('directory_person.id').onDelete('cascade'))
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_person_sso_pk', ['issuer', 'subject'])
    .addUniqueConstraint('directory_person_sso_person_issuer', ['person_id', 'issuer'])
    .execute();
}
