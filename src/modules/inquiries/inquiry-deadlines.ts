import type { DeadlinesView, Status } from './contract.js';
import type { Db } from './repository/db.js';
import { listStatusChanges } from './repository/status-history.js';
import { BRUSSELS_OFFICE_CALENDAR, type DeadlineTimer, inquiryDeadlines } from './service-level/index.js';
import type { InquiryRow, TeamRow } from './tables.js';

const toView = (timer: DeadlineTimer) => ({
  state: timer.state,
  due_at: timer.dueAt,
  remaining_minutes: timer.remainingMinutes,
  paused_since: timer.pausedSince,
  breached: timer.breached,
});

/**
 * The service-level deadlines of inquiries sent to a team, from their status history: the team's
 * clock starts when the inquiry reaches it and counts business hours of the Brussels office
 * calendar. Inquiries no team holds have none (the call center answers them on the call).
 */
export async function deadlinesOf(
  db: Db,
  rows: readonly InquiryRow[],
  teams: Map<string, TeamRow>,
  now = new Date(),
): Promise<Map<string, DeadlinesView>> {
  const held = rows.filter((row) => row.team_id !== null);
  if (held.length === 0) return new Map();
  const changes = await listStatusChanges(
    db,
    held.map((row) => row.id),
  );
  const historyOf = new Map<string, { status: Status; at: string }[]>();
  for (const change of changes) {
    const history = historyOf.get(change.inquiry_id) ?? [];
    history.push({ status: change.to_status as Status, at: change.at });
    historyOf.set(change.inquiry_id, history);
  }
  const result = new Map<string, DeadlinesView>();
  for (const row of held) {
    const team = teams.get(row.team_id!);
    const history = historyOf.get(row.id) ?? [];
    const reached = history.findIndex((change) => change.status === 'escalated');
    if (!team || reached < 0) continue;
    const timers = inquiryDeadlines({
      serviceLevel: {
        firstAnswerMinutes: team.first_answer_minutes,
        resolutionMinutes: team.resolution_minutes,
      },
      createdAt: history[reached]!.at,
      history: history.slice(reached),
      now,
      calendar: BRUSSELS_OFFICE_CALENDAR,
    });
    result.set(row.id, { first_answer: toView(timers.firstAnswer), resolution: toView(timers.resolution) });
  }
  return result;
}
