import type { Kysely } from 'kysely';
import type { AuditActor } from '../../platform/audit/audit.js';
import { idsOfUsernames } from '../directory/index.js';
import { createAllowanceRate } from './allowances.js';
import { createCrisisMeasure } from './crisis-measures.js';
import type { Db } from './repository.js';

// Demo allowances and crisis measures, through the same use cases as the screens.
//
// Amounts (demo values; an institution sets its own):
// - Connection: 20 € a month, the low end of the 20-25 € teleworkers were paid for their internet
//   connection in 2014 (GLOSSARY, from the institutions' answers to the Senate's question 5-10816);
//   not prorated.
// - Office costs: 50 € a month from 2021, the order of the office-costs allowance the federal
//   civil service paid its teleworkers after the 2020 crisis telework (the 129.48 € a month SPF
//   Finances accepted tax-free for private employers in 2021 is a tax ceiling, not an amount paid).
//   Prorated by telework days: the full amount from 8 days a month
//   (two days a week), less below.
//
// Crisis measures: up to 3 flexible days a week from 1 September 2020 (GLOSSARY), then telework
// mandatory from 19 October 2020 to 8 June 2021. The demo has no mail room: the logistics service
// (facility), which kept the building and the mail going, is excepted.
export async function seedAllowanceAndCrisisDemo(db: Db, actor: AuditActor): Promise<void> {
  await createAllowanceRate(db, actor, {
    kind: 'connection',
    label: { fr: 'Indemnité de connexion internet', nl: 'Vergoeding internetverbinding' },
    monthlyCents: 2000,
    startDate: '2014-01-01',
    proration: 'none',
  });
  await createAllowanceRate(db, actor, {
    kind: 'office_costs',
    label: { fr: 'Indemnité de frais de bureau', nl: 'Vergoeding bureaukosten' },
    monthlyCents: 5000,
    startDate: '2021-01-01',
    proration: 'days',
    fullDays: 8,
  });
  await createCrisisMeasure(db, actor, {
    kind: 'relaxed',
    title: { fr: 'Trois jours de télétravail flexibles', nl: 'Drie flexibele telewerkdagen' },
    startDate: '2020-09-01',
    endDate: '2020-10-18',
    weeklyCapDays: 3,
  });
  const logistics = await idsOfUsernames(db as unknown as Kysely<any>, ['facility', 'employee2']);
  await createCrisisMeasure(db, actor, {
    kind: 'mandatory',
    title: { fr: 'Télétravail obligatoire', nl: 'Verplicht telewerk' },
    startDate: '2020-10-19',
    endDate: '2021-06-08',
    exceptions: [...logistics.values()],
  });
}
