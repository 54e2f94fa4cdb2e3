import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// A phone inquiry may say on which telephony line the agent took the call (1–99, as the call
// records do), so that a call record links to the inquiry logged on its line while it lasted
// (issue 16, point 3). Two indexes for that match, both ways: the phone inquiries of a line by the
// time they were logged, and the call records of a line by the time they ended.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inquiry').addColumn('line', 'integer').execute();
  await db.schema.createIndex('inquiry_line_created').on('inquiry').columns(['line', 'created_at']).execute();
  await db.schema
    .createIndex('inquiry_call_record_line_ended')
    .on('inquiry_call_record')
    .columns(['line', 'ended_at'])
    .execute();
}
