import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// A person about to ask a question on the public form was shown an FAQ entry and said it answered
// them: one row per entry, language and Brussels day, counted up (no person, no address kept).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('knowledge_deflection')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('knowledge_entry.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_deflection_pk', ['entry_id', 'lang', 'day'])
    .execute();
  await db.schema.createIndex('knowledge_deflection_day').on('knowledge_deflection').column('day').execute();
}
