import type { AuditActor } from '../../platform/audit/audit.js';
import { idsOfUsernames } from '../directory/index.js';
import { seedHelpdeskHistory } from './helpdesk/demo-history.js';
import { type Db, forOtherModules } from './repository/db.js';
import { addTeamMembers, insertTeam, type TeamInput } from './teams.js';

const HOUR = 60;
const DAY = 9 * HOUR; // one working day of opening hours

/** The back-office teams of 2020 that researched the hard questions, with their demo members. */
const DEMO_TEAMS: (TeamInput & { members: string[] })[] = [
  {
    code: 'audit-externe',
    nameFr: 'Audit externe',
    nameNl: 'Externe audit',
    firstAnswerMinutes: DAY,
    resolutionMinutes: 5 * DAY,
    members: ['expert', 'expert3'],
  },
  {
    code: 'etudes-juridiques',
    nameFr: 'Études juridiques',
    nameNl: 'Juridische studies',
    firstAnswerMinutes: 2 * DAY,
    resolutionMinutes: 10 * DAY,
    members: ['expert2', 'expert4'],
  },
  {
    code: 'expertiz',
    nameFr: 'ExpertIZ (cellule d’experts du SPF)',
    nameNl: 'ExpertIZ (expertencel van de FOD)',
    firstAnswerMinutes: 4 * HOUR,
    resolutionMinutes: 3 * DAY,
    members: ['expert'],
  },
];

/** The demo's expert teams, and the ICT helpdesk's 2020 (its team comes with the migrations). */
export async function seedInquiriesDemo(
  trx: Db,
  actor: AuditActor,
): Promise<{ teams: number; helpdeskTickets: number }> {
  const ids = await idsOfUsernames(
    forOtherModules(trx),
    DEMO_TEAMS.flatMap((team) => team.members),
  );
  for (const { members, ...team } of DEMO_TEAMS) {
    const row = await insertTeam(trx, actor, team);
    await addTeamMembers(
      trx,
      row.id,
      members.flatMap((username) => ids.get(username) ?? []),
    );
  }
  const { tickets } = await seedHelpdeskHistory(trx);
  return { teams: DEMO_TEAMS.length, helpdeskTickets: tickets };
}
