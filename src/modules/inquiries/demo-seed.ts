import fs from 'node:fs';
import type { AuditActor } from '../../platform/audit/audit.js';
import { projectFile } from '../../platform/project-files.js';
import { idsOfUsernames } from '../directory/index.js';
import { importCallFile } from './calls/store-calls.js';
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

/** The telephony's records of 2020 (43,385 calls, 5,634 of them on 18 March), for the call figures. */
export const DEMO_CALLS_FILE = projectFile('demo', 'callcenter', 'calls-2020.csv');

/**
 * The demo's expert teams, the ICT helpdesk's 2020 (its team comes with the migrations), the call
 * center's 2020 as the telephony recorded it (loaded as `relais calls import` would), and its
 * inquiries of 2020 (after the helpdesk: their references follow the tickets').
 */
export async function seedInquiriesDemo(
  trx: Db,
  actor: AuditActor,
): Promise<{ teams: number; helpdeskTickets: number; calls: number; inquiries2020: number }> {
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
  const calls = await importCallFile(trx, actor, fs.readFileSync(DEMO_CALLS_FILE, 'utf8'));
  const { inquiries } = await seedCallCenter2020(trx, teamIds);
  return {
    teams: DEMO_TEAMS.length,
    helpdeskTickets: tickets,
    calls: calls.inserted,
    inquiries2020: inquiries,
  };
}
