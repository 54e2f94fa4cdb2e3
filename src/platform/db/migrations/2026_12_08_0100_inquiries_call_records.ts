import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// The telephony's call-detail records (issue 16, point 3): one row per call that reached a line,
// as the telephony gave it, with what the call center's figures group by computed once at import
// (the Brussels day and hour of arrival, the wait before an answer), so the figures are a GROUP BY
// over an index, never a walk over every call in JavaScript. A record may name the inquiry an
// agent logged for it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inquiry_call_record')
    .addColumn('call_id', 'text', (c) => c.primaryKey())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('caller_language', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('ended_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    // Seconds from arrival to answer; null for a call abandoned before an answer.
    .addColumn('wait_s', 'integer')
    .addColumn('received_day', 'text', (c) => c.notNull())
    .addColumn('received_hour', 'integer', (c) => c.notNull())
    .addColumn('inquiry_id', 'text', (c) => c.references('inquiry.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  // Covering the figures: a period of days read in order, every grouped column at hand.
  await db.schema
    .createIndex('inquiry_call_record_day')
    .on('inquiry_call_record')
    .columns(['received_day', 'received_hour', 'line', 'caller_language', 'outcome', 'wait_s'])
    .execute();
  // The answered calls' waits of a period, counted per wait for the percentiles, in index order.
  await db.schema
    .createIndex('inquiry_call_record_answered_wait')
    .on('inquiry_call_record')
    .columns(['outcome', 'received_day', 'wait_s', 'received_hour', 'line', 'caller_language'])
    .execute();
  await db.schema
    .createIndex('inquiry_call_record_line_day')
    .on('inquiry_call_record')
    .columns(['line', 'received_day'])
    .execute();
  await db.schema
    .createIndex('inquiry_call_record_inquiry')
    .on('inquiry_call_record')
    .column('inquiry_id')
    .execute();
}
