import { brusselsDay, type IsoDate } from '../../platform/db/time.js';
import { invalid } from '../../platform/errors.js';
import { listThemeChoices } from '../knowledge/index.js';
import {
  CALLBACK_STATUSES,
  type CallbackStatus,
  CHANNELS,
  type Channel,
  INQUIRY_LANGUAGES,
  type InquiryFigures,
  type InquiryLanguage,
  MAX_FIGURES_DAYS,
  ORIGINS,
  type Origin,
  STATUSES,
  type Status,
} from './contract.js';
import { responseTimes, serviceLevelsByTeam } from './figures-timing.js';
import { type Db, forOtherModules } from './repository/db.js';
import {
  countCallbacks,
  countInquiriesByHour,
  listHeldStatusChanges,
  listInquiryTimes,
} from './repository/figures.js';
import { findTeamsByIds } from './repository/teams.js';
import { instantAtWallClock } from './service-level/time-zone.js';
import type { TeamRow } from './tables.js';

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

const DAY_MS = 86_400_000;
const dayAfter = (day: IsoDate): IsoDate =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The day `count` days before `day`. */
export const daysBefore = (day: IsoDate, count: number): IsoDate =>
  new Date(Date.parse(`${day}T00:00:00Z`) - count * DAY_MS).toISOString().slice(0, 10);

/** The calendar days from `from` to `to`, both included. */
export function daysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; day <= to; day = dayAfter(day)) days.push(day);
  return days;
}

/** A period management can ask for: in order, at most MAX_FIGURES_DAYS days. */
export function checkPeriod(from: IsoDate, to: IsoDate): void {
  if (to < from) throw invalid([{ field: 'to', code: 'inquiries.figures_period_order' }]);
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_FIGURES_DAYS)
    throw invalid([
      { field: 'to', code: 'inquiries.figures_period_too_long', params: { max: MAX_FIGURES_DAYS } },
    ]);
}

/**
 * How many inquiries came in over a period of Brussels days, by origin (management's first
 * question), channel, status now, language and team, and day by day. Inquiries anonymised by the
 * retention job still count: they lose the person, not their place in the figures. Counted by UTC
 * hour in the database (the same on SQLite and PostgreSQL), then put on their Brussels day here.
 */
export async function inquiryFigures(
  db: Db,
  from: IsoDate,
  to: IsoDate,
  now = new Date(),
): Promise<InquiryFigures> {
  checkPeriod(from, to);
  const start = instantAtWallClock(from, 0, 'Europe/Brussels').toISOString();
  const end = instantAtWallClock(dayAfter(to), 0, 'Europe/Brussels').toISOString();
  const rows = await countInquiriesByHour(db, start, end);

  const days = new Map(
    daysBetween(from, to).map((day) => [day, { day, total: 0, by_origin: zeroes(ORIGINS) }]),
  );
  const figures: InquiryFigures = {
    from,
    to,
    total: 0,
    by_origin: zeroes(ORIGINS),
    by_channel: zeroes(CHANNELS),
    by_status: zeroes(STATUSES),
    by_language: zeroes(INQUIRY_LANGUAGES),
    by_team: [],
    by_theme: [],
    callbacks: await callbackFigures(db, start, end, now),
    times: responseTimes([]),
    service_levels: [],
    days: [],
  };
  const byTeamId = new Map<string | null, { count: number; open: number }>();
  const byTheme = new Map<string | null, number>();
  const dayOfHour = new Map<string, IsoDate>();
  for (const row of rows) {
    const count = Number(row.count);
    let day = dayOfHour.get(row.hour);
    if (!day) {
      day = brusselsDay(`${row.hour}:00:00.000Z`);
      dayOfHour.set(row.hour, day);
    }
    const ofDay = days.get(day);
    if (ofDay) {
      ofDay.total += count;
      ofDay.by_origin[row.origin as Origin] += count;
    }
    figures.total += count;
    figures.by_origin[row.origin as Origin] += count;
    figures.by_channel[row.channel as Channel] += count;
    figures.by_status[row.status as Status] += count;
    figures.by_language[row.language as InquiryLanguage] += count;
    const ofTeam = byTeamId.get(row.team_id) ?? { count: 0, open: 0 };
    ofTeam.count += count;
    if (row.status !== 'closed') ofTeam.open += count;
    byTeamId.set(row.team_id, ofTeam);
    byTheme.set(row.theme, (byTheme.get(row.theme) ?? 0) + count);
  }
  const teams = new Map(
    (
      await findTeamsByIds(
        db,
        [...byTeamId.keys()].filter((id): id is string => id !== null),
      )
    ).map((t) => [t.id, t]),
  );
  figures.by_team = [...byTeamId]
    .map(([id, { count, open }]) => {
      const team = id ? teams.get(id) : undefined;
      return {
        code: team?.code ?? null,
        name_fr: team?.name_fr ?? null,
        name_nl: team?.name_nl ?? null,
        count,
        open,
      };
    })
    .sort((a, b) => b.count - a.count);
  const themes = byTheme.size > 0 ? await listThemeChoices(forOtherModules(db)) : [];
  figures.by_theme = [...byTheme]
    .map(([code, count]) => {
      const theme = code ? themes.find((choice) => choice.code === code) : undefined;
      return { code, name_fr: theme?.nameFr ?? null, name_nl: theme?.nameNl ?? null, count };
    })
    .sort((a, b) => b.count - a.count || (a.code ?? '~').localeCompare(b.code ?? '~'));
  figures.days = [...days.values()];
  Object.assign(figures, await timingFigures(db, start, end, teams, now));
  return figures;
}

/**
 * What a manager looks at first beside the counts: how long answers and closures took, and how
 * often each team kept its service level, over the inquiries that came in during the period.
 */
async function timingFigures(
  db: Db,
  start: string,
  end: string,
  teams: Map<string, TeamRow>,
  now: Date,
): Promise<Pick<InquiryFigures, 'times' | 'service_levels'>> {
  const [inquiries, changes] = await Promise.all([
    listInquiryTimes(db, start, end),
    listHeldStatusChanges(db, start, end),
  ]);
  const histories = new Map<string, { status: Status; at: string }[]>();
  for (const change of changes) {
    const history = histories.get(change.inquiry_id);
    const entry = { status: change.to_status as Status, at: change.at };
    if (history) history.push(entry);
    else histories.set(change.inquiry_id, [entry]);
  }
  const levels = new Map(
    [...teams.values()].map((team) => [
      team.id,
      { firstAnswerMinutes: team.first_answer_minutes, resolutionMinutes: team.resolution_minutes },
    ]),
  );
  const service_levels = serviceLevelsByTeam(inquiries, histories, levels, now)
    .map(({ team_id, ...figures }) => {
      const team = teams.get(team_id)!;
      return { code: team.code, name_fr: team.name_fr, name_nl: team.name_nl, ...figures };
    })
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { times: responseTimes(inquiries), service_levels };
}

/** The callbacks the period's inquiries asked for: done, pending (and of those, overdue), given up. */
async function callbackFigures(
  db: Db,
  start: string,
  end: string,
  now: Date,
): Promise<InquiryFigures['callbacks']> {
  const callbacks = { ...zeroes(CALLBACK_STATUSES), overdue: 0 };
  for (const row of await countCallbacks(db, start, end, now.toISOString())) {
    callbacks[row.status as CallbackStatus] += Number(row.count);
    callbacks.overdue += Number(row.overdue ?? 0);
  }
  return callbacks;
}
