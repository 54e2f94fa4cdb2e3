import fs from 'node:fs';
import type { AuditActor } from '../../platform/audit/audit.js';
import { projectFile } from '../../platform/project-files.js';
import { seedAgreementDemo } from './agreement-demo-seed.js';
import { seedAllowanceAndCrisisDemo } from './allowance-demo-seed.js';
import { seedPresenceDemo } from './presence-demo-seed.js';
import { type Db, updateStatOrganisation } from './repository.js';
import { importStatistics } from './statistics-import.js';

/** The organisation whose published figures the demo shows (Senate written question 5-10816). */
export const DEMO_STATISTICS_FOLDER = projectFile('demo', 'telework', 'spf-securite-sociale');

/** Loads the SPF Sécurité sociale's employees and agreements, with the 30% target of its administration contract. */
export async function seedTeleworkDemo(db: Db, actor: AuditActor): Promise<void> {
  const file = (name: string) => ({
    name,
    text: fs.readFileSync(`${DEMO_STATISTICS_FOLDER}/${name}`, 'utf8'),
  });
  const report = await importStatistics(db, actor, {
    organisation: 'SPF Sécurité sociale',
    employees: file('employees.csv'),
    agreements: file('telework_agreements.csv'),
  });
  // The 2013-2015 administration contracts promised telework to 30% of staff able to do it.
  await updateStatOrganisation(db, report.organisation.id, { target_pct: 30 });
  await seedAllowanceAndCrisisDemo(db, actor);
  await seedAgreementDemo(db, actor);
  await seedPresenceDemo(db, actor);
}
