import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit once merged.
// The thread tells the whole story: a status change keeps the reason given with it (why it was
// closed), and what happened to an inquiry outside its status and messages (answered from an FAQ
// entry, proposed as one) is an event with its actor and time. When a fund answers, the inquiry
// says so until the expert moves it on, and a notice goes to the screens of its expert and team
// (server-sent events; `seq` is the notice's place in the feed, for Last-Event-ID replay).
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('inquiry').addColumn('partner_answered_at', 'text').execute();
  const notices = db.schema.createTable('inquiry_notice');
  await (isPostgres
    ? notices.addColumn('seq', 'serial', (c) => c.primaryKey())
    : notices.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiry.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
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
