import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// Mail in and out, through the database: a module queues a mail in its own transaction (a rollback
// drops it, a commit never loses it) and whichever instance claims it sends it; every message read
// from the crisis mailbox is noted by its Message-ID, so a crash between the commit and the \Seen
// flag never makes it count twice.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('platform_mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('in_reply_to', 'text')
    .addColumn('references_header', 'text')
    .addColumn('is_automatic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('object_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('platform_mail_outbox_due')
    .on('platform_mail_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('platform_mail_outbox_object')
    .on('platform_mail_outbox')
    .columns(['source', 'object_ref'])
    .execute();

  await db.schema
    .createTable('platform_mail_inbound')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
}
