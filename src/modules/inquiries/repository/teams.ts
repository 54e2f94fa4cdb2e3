import type { TeamRow } from '../tables.js';
import type { Db } from './db.js';

export const findTeamByCode = (db: Db, code: string): Promise<TeamRow | undefined> =>
  db.selectFrom('inquiry_team').selectAll().where('code', '=', code).executeTakeFirst();

export const findTeamsByIds = (db: Db, ids: readonly string[]): Promise<TeamRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('inquiry_team').selectAll().where('id', 'in', ids).execute();

/** The active teams of one kind (the call center's expert teams, or the ICT helpdesk). */
export const listActiveTeams = (db: Db, kind = 'citizen'): Promise<TeamRow[]> =>
  db
    .selectFrom('inquiry_team')
    .selectAll()
    .where('is_active', '=', 1)
    .where('kind', '=', kind)
    .orderBy('code')
    .execute();

export async function insertTeamRow(trx: Db, row: TeamRow): Promise<void> {
  await trx.insertInto('inquiry_team').values(row).execute();
}

export async function insertTeamMembers(
  trx: Db,
  teamId: string,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await trx
    .insertInto('inquiry_team_member')
    .values(personIds.map((person_id) => ({ team_id: teamId, person_id })))
    .execute();
}

export const listTeamsOfPerson = (db: Db, personId: string): Promise<TeamRow[]> =>
  db
    .selectFrom('inquiry_team as t')
    .innerJoin('inquiry_team_member as m', 'm.team_id', 't.id')
    .selectAll('t')
    .where('m.person_id', '=', personId)
    .execute();

/** How many open inquiries each team holds, by team id (teams holding none are absent). */
export async function countOpenInquiriesByTeam(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('inquiry')
    .select((eb) => ['team_id', eb.fn.countAll<string | number>().as('open')])
    .where('team_id', 'is not', null)
    .where('status', '!=', 'closed')
    .groupBy('team_id')
    .execute();
  return new Map(rows.map((row) => [row.team_id as string, Number(row.open)]));
}
