import type { AuditActor } from '../../platform/audit/audit.js';
import { idsOfUsernames } from '../directory/index.js';
import { seedCallCenter2020 } from './demo-2020.js';
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

/**
 * The demo's expert teams, the ICT helpdesk's 2020 (its team comes with the migrations) and the
 * call center's 2020 (after the helpdesk: its references follow the tickets').
 */
export async function seedInquiriesDemo(
  trx: Db,
  actor: AuditActor,
): Promise<{ teams: number; helpdeskTickets: number; inquiries2020: number }> {
  const ids = await idsOfUsernames(
    forOtherModules(trx),
    DEMO_TEAMS.flatMap((team) => team.members),
  );
  const teamIds = new Map<string, string>();
  for (const { members, ...team } of DEMO_TEAMS) {
    const row = await insertTeam(trx, actor, team);
    teamIds.set(row.code, row.id);
    await addTeamMembers(
      trx,
      row.id,
      members.flatMap((username) => ids.get(username) ?? []),
    );
  }
  const { tickets } = await seedHelpdeskHistory(trx);
  const { inquiries } = await seedCallCenter2020(trx, teamIds);
  return { teams: DEMO_TEAMS.length, helpdeskTickets: tickets, inquiries2020: inquiries };
}
