import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit once merged.
// An inquiry is one question from one channel; its thread, the requests to partner funds, the
// callbacks and their attempts hang off it. Status changes are kept in order because the service
// level clock pauses while an inquiry waits, and that can only be computed from its history.

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('inquiry_team')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('first_answer_minutes', 'integer', (c) => c.notNull())
    .addColumn('resolution_minutes', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inquiry_team_member')
    .addColumn('team_id', 'text', (c) => c.notNull().references('inquiry_team.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inquiry_team_member_pk', ['team_id', 'person_id'])
    .execute();

  // One row a year: `Q-2020-004512` is read out on the phone, so numbers have no gaps to explain.
  await db.schema
    .createTable('inquiry_ref_counter')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inquiry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('theme', 'text')
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text')
    .addColumn('requester_niss', 'text')
    .addColumn('requester_enterprise_number', 'text')
    .addColumn('requester_email', 'text')
    .addColumn('requester_phone', 'text')
    .addColumn('requester_fund_id', 'text')
    // The fund that asked, for inquiries of channel `partner`: what its users may see.
    .addColumn('partner_id', 'text')
    .addColumn('team_id', 'text', (c) => c.references('inquiry_team.id'))
    .addColumn('assignee_id', 'text')
    .addColumn('linked_to_id', 'text', (c) => c.references('inquiry.id'))
    .addColumn('answer_entry_ref', 'text')
    .addColumn('answer_entry_version', 'integer')
    .addColumn('faq_draft_ref', 'text')
    .addColumn('created_by', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('first_answered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('anonymised_at', 'text')
    .addUniqueConstraint('inquiry_idempotency', ['created_by', 'idempotency_key'])
    .execute();
  for (const column of [
    'status',
    'team_id',
    'assignee_id',
    'partner_id',
    'requester_niss',
    'requester_enterprise_number',
    'created_at',
    'linked_to_id',
  ]) {
    await db.schema.createIndex(`inquiry_${column}`).on('inquiry').column(column).execute();
  }

  await db.schema
    .createTable('inquiry_status_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiry.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .execute();
  await db.schema
    .createIndex('inquiry_status_change_inquiry')
    .on('inquiry_status_change')
    .columns(['inquiry_id', 'at'])
    .execute();

  await db.schema
    .createTable('inquiry_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiry.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('via', 'text')
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inquiry_message_inquiry').on('inquiry_message').column('inquiry_id').execute();

  await db.schema
    .createTable('inquiry_attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiry.id'))
    .addColumn('message_id', 'text', (c) => c.references('inquiry_message.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isPostgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inquiry_attachment_inquiry')
    .on('inquiry_attachment')
    .column('inquiry_id')
    .execute();

  await db.schema
    .createTable('inquiry_flag')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiry.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inquiry_flag_inquiry').on('inquiry_flag').column('inquiry_id').execute();

  await db.schema
    .createTable('inquiry_partner_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiry.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'text')
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('inquiry_partner_request_partner')
    .on('inquiry_partner_request')
    .columns(['partner_id', 'status'])
    .execute();

  await db.schema
    .createTable('inquiry_callback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inquiry_id', 'text', (c) => c.notNull().references('inquiry.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('fallback', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('inquiry_callback_due')
    .on('inquiry_callback')
    .columns(['status', 'due_at'])
    .execute();

  await db.schema
    .createTable('inquiry_callback_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('callback_id', 'text', (c) => c.notNull().references('inquiry_callback.id'))
    .addColumn('agent_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inquiry_retention_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cutoff', 'text', (c) => c.notNull())
    .addColumn('anonymised', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .execute();
}
