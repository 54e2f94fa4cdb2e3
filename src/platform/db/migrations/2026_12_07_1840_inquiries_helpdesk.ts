import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// The ICT helpdesk runs on the inquiries engine: a ticket is an inquiry of kind `helpdesk`, asked by a
// member of staff (a person id, not a citizen's identifiers), with a category and the asset concerned.
// Citizens' lists, queues and figures keep to kind `citizen`, so neither side reads the other's.
// Teams get a kind too: the helpdesk team is not a place the call center escalates to. The team is
// seeded here, not in the demo seed: an institution needs it without demo data.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('inquiry')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('citizen'))
    .execute();
  await db.schema.alterTable('inquiry').addColumn('category', 'text').execute();
  await db.schema.alterTable('inquiry').addColumn('asset_tag', 'text').execute();
  await db.schema.alterTable('inquiry').addColumn('requester_person_id', 'text').execute();
  await db.schema.createIndex('inquiry_kind_created').on('inquiry').columns(['kind', 'created_at']).execute();
  await db.schema
    .createIndex('inquiry_requester_person')
    .on('inquiry')
    .column('requester_person_id')
    .execute();

  await db.schema
    .alterTable('inquiry_team')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('citizen'))
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('inquiry_team')
    .values({
      id: randomUUID(),
      code: 'ict-helpdesk',
      name_fr: 'Helpdesk ICT',
      name_nl: 'ICT-helpdesk',
      // Business minutes: a first answer within half a working day, solved within two days.
      first_answer_minutes: 4 * 60,
      resolution_minutes: 2 * 9 * 60,
      is_active: 1,
      kind: 'helpdesk',
      created_at: now,
      updated_at: now,
    })
    .execute();
}
