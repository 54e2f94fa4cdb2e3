import type { Kysely } from 'kysely';
import { countPeople, DEMO_PASSWORD, seedDirectoryDemo } from '../modules/directory/index.js';
import { seedEquipmentDemo } from '../modules/equipment/index.js';
import { seedInquiriesDemo } from '../modules/inquiries/index.js';
import { seedKnowledgeDemo } from '../modules/knowledge/index.js';
import { seedTeleworkDemo } from '../modules/telework/index.js';
import { seedWorkplaceDemo } from '../modules/workplace/index.js';
import { CLI_ACTOR } from '../platform/audit/audit.js';
import { withTransaction } from '../platform/db/transaction.js';

export type SeedReport = { seeded: boolean; people: number; faqEntries: number; password: string };

/** Seeds every module's demo data in one transaction, only into an empty database. */
export async function seedDemo(db: Kysely<any>): Promise<SeedReport> {
  if ((await countPeople(db)) > 0)
    return { seeded: false, people: 0, faqEntries: 0, password: DEMO_PASSWORD };
  const actor = { ...CLI_ACTOR, username: 'demo-seed' };
  return withTransaction(db, async (trx) => {
    const { people } = await seedDirectoryDemo(trx, actor);
    const { entries } = await seedKnowledgeDemo(trx, actor);
    await seedInquiriesDemo(trx, actor);
    await seedWorkplaceDemo(trx, actor);
    await seedTeleworkDemo(trx, actor);
    // After the people, the desks and the functions it equips.
    await seedEquipmentDemo(trx, actor);
    return { seeded: true, people, faqEntries: entries, password: DEMO_PASSWORD };
  });
}

export const DEMO_LOGINS = [
  'admin',
  'agent',
  'expert',
  'editor',
  'reviewer',
  'manager',
  'hr',
  'facility',
  'ict',
  'employee',
  'partner.acerta',
];
