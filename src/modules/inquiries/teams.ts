import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { invalid } from '../../platform/errors.js';
import type { TeamView } from './contract.js';
import type { Db } from './repository/db.js';
import {
  countOpenInquiriesByTeam,
  findTeamByCode,
  insertTeamMembers,
  insertTeamRow,
  listActiveTeams,
  listTeamsOfPerson,
} from './repository/teams.js';
import type { TeamRow } from './tables.js';

export type TeamInput = {
  code: string;
  nameFr: string;
  nameNl: string;
  /** Business minutes (opening hours, working days) to a first answer and to the resolution. */
  firstAnswerMinutes: number;
  resolutionMinutes: number;
};

/** The active team of a code, or a field error naming `field`. */
export async function getTeamForField(
  db: Db,
  code: string,
  field = 'team',
  kind = 'citizen',
): Promise<TeamRow> {
  const team = await findTeamByCode(db, code);
  // The helpdesk's team is not one the call center escalates to, nor the reverse.
  if (team?.is_active !== 1 || team.kind !== kind)
    throw invalid([{ field, code: 'inquiries.unknown_team', params: { code } }]);
  return team;
}

export async function insertTeam(trx: Db, actor: AuditActor, input: TeamInput): Promise<TeamRow> {
  const now = nowInstant();
  const row: TeamRow = {
    id: randomUUID(),
    code: input.code,
    name_fr: input.nameFr,
    name_nl: input.nameNl,
    first_answer_minutes: input.firstAnswerMinutes,
    resolution_minutes: input.resolutionMinutes,
    is_active: 1,
    kind: 'citizen',
    created_at: now,
    updated_at: now,
  };
  await insertTeamRow(trx, row);
  await writeAudit(trx, actor, {
    action: 'inquiries.team_created',
    objectType: 'inquiry_team',
    objectId: row.id,
    summary: { code: row.code },
  });
  return row;
}

/** Makes these people members of a team (members take its inquiries from the queue). */
export const addTeamMembers = (trx: Db, teamId: string, personIds: readonly string[]): Promise<void> =>
  insertTeamMembers(trx, teamId, personIds);

/** Every active team with its service levels, whether the person is one of its members, and its open work. */
export async function listTeamsFor(db: Db, personId: string | null): Promise<TeamView[]> {
  const [teams, mine, open] = await Promise.all([
    listActiveTeams(db),
    personId ? listTeamsOfPerson(db, personId) : [],
    countOpenInquiriesByTeam(db),
  ]);
  const myTeams = new Set(mine.map((team) => team.id));
  return teams.map((t) => ({
    code: t.code,
    name_fr: t.name_fr,
    name_nl: t.name_nl,
    first_answer_minutes: t.first_answer_minutes,
    resolution_minutes: t.resolution_minutes,
    is_member: myTeams.has(t.id),
    open_inquiries: open.get(t.id) ?? 0,
  }));
}
