import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// The thread tells the whole story: a status change keeps the reason given with it (why it was
// closed), and what happened to an inquiry outside its status and messages (answered from an FAQ
// entry, proposed as one) is an event with its actor and time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inquiry_status_change').addColumn('note', 'text').execute();
  await db.schema
    .createTable('inquiry_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiry.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('entry_ref', 'text')
    .addColumn('entry_version', 'integer')
    .addColumn('theme', 'text')
    .execute();
  await db.schema
    .createIndex('inquiry_event_inquiry')
    .on('inquiry_event')
    .columns(['inquiry_id', 'at'])
    .execute();
}
