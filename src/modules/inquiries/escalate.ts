import type { InquiryCaller } from './caller.js';
import { changeVisibleInquiry } from './inquiry-access.js';
import type { Db } from './repository/db.js';
import { addMessage, moveInquiry } from './status-change.js';
import { getTeamForField } from './teams.js';

/**
 * Sends an inquiry to an expert team's queue with a note for the expert (what was asked, what the
 * agent already checked). Nobody is assigned yet: a team member claims it from the queue.
 */
export async function escalateInquiry(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  input: { team: string; note: string },
): Promise<void> {
  await changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    const team = await getTeamForField(trx, input.team);
    const moved = await moveInquiry(trx, caller.actor, row, 'escalated', {
      team_id: team.id,
      assignee_id: null,
    });
    await addMessage(trx, caller.actor, moved, { kind: 'note', body: input.note });
  });
}
