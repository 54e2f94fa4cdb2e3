import { writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, invalid } from '../../platform/errors.js';
import { namesOfPeople } from '../directory/index.js';
import type { InquiryCaller } from './caller.js';
import type { Reassignment } from './contract.js';
import { changeVisibleInquiry } from './inquiry-access.js';
import { type Db, forOtherModules } from './repository/db.js';
import { findInquiryByRef, updateInquiry } from './repository/inquiries.js';
import { listTeamsOfPerson } from './repository/teams.js';
import { moveInquiry } from './status-change.js';
import { getTeamForField } from './teams.js';

/**
 * An expert takes an inquiry from their team's queue: it becomes theirs, and research starts.
 * Only the team's members take its inquiries; a manager assigns across teams instead.
 */
export async function claimInquiry(db: Db, caller: InquiryCaller, ref: string): Promise<void> {
  const personId = caller.actor.id;
  if (!personId) throw new AppError('http.forbidden', 403);
  const myTeams = new Set((await listTeamsOfPerson(db, personId)).map((team) => team.id));
  await changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    if (!row.team_id || !myTeams.has(row.team_id)) throw new AppError('inquiries.not_team_member', 403);
    if (row.status === 'escalated') {
      await moveInquiry(
        trx,
        caller.actor,
        row,
        'in_research',
        { assignee_id: personId },
        'inquiries.claimed',
      );
      return;
    }
    await updateInquiry(trx, row.id, { assignee_id: personId, updated_at: nowInstant() });
    await writeAudit(trx, caller.actor, {
      action: 'inquiries.claimed',
      objectType: 'inquiry',
      objectId: row.id,
      summary: { ref },
    });
  });
}

/**
 * Hands several inquiries at once to a person and/or a team (someone falls ill, a queue overflows):
 * all or none, and every reference that cannot be moved is named.
 */
export async function reassignInquiries(
  db: Db,
  caller: InquiryCaller,
  input: Reassignment,
): Promise<{ reassigned: number }> {
  return withTransaction(db, async (trx) => {
    const team = input.team ? await getTeamForField(trx, input.team) : undefined;
    if (input.assignee) {
      const known = await namesOfPeople(forOtherModules(trx), [input.assignee]);
      if (!known.has(input.assignee))
        throw invalid([{ field: 'assignee', code: 'inquiries.unknown_person' }]);
    }
    const rows = await Promise.all(input.refs.map((ref) => findInquiryByRef(trx, ref)));
    const problems = rows.flatMap((row, index) =>
      !row || row.kind !== caller.kind
        ? [{ field: `refs.${index}`, code: 'inquiries.not_found', params: { ref: input.refs[index] } }]
        : row.status === 'closed'
          ? [{ field: `refs.${index}`, code: 'inquiries.closed' }]
          : [],
    );
    if (problems.length > 0) throw invalid(problems);
    for (const row of rows) {
      await updateInquiry(trx, row!.id, {
        ...(input.assignee !== undefined && { assignee_id: input.assignee }),
        ...(team && { team_id: team.id }),
        updated_at: nowInstant(),
      });
      await writeAudit(trx, caller.actor, {
        action: 'inquiries.reassigned',
        objectType: 'inquiry',
        objectId: row!.id,
        summary: { ref: row!.ref, assignee: input.assignee ?? null, team: input.team ?? null },
      });
    }
    return { reassigned: rows.length };
  });
}
