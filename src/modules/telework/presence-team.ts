import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { can } from '../../platform/auth/permissions.js';
import type { Role } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/errors.js';
import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { peopleOfUnit, reportsOf } from '../directory/index.js';
import { activeBookingsOf } from '../workplace/index.js';
import type { Place, PresenceTeamQuery, PresenceTeamWeek, PresenceWeek } from './contract.js';
import { dayInWords, loadPlanContexts, personWeek, plannedWeek, weekMonday } from './presence.js';
import type { Db } from './presence-repository.js';
import { isoWeekName, monthOf, workingDaysOf } from './presence-week.js';

// What a manager sees of their people's weeks (HR and admins: any unit's), and someone else's
// week read by their manager. Reading another person's plan is audited: where they are is theirs.

export type Viewer = { id: string; roles: readonly Role[] };

/** Whether the viewer may read this person's plan: HR and admins anyone's, a manager their reports'. */
async function mayRead(db: Db, viewer: Viewer, personId: string): Promise<boolean> {
  if (personId === viewer.id || can(viewer.roles, 'telework.manage')) return true;
  return (await reportsOf(db as Kysely<any>, viewer.id)).some((p) => p.id === personId);
}

/** A report's week, for their manager (or HR): the same view they have, audited. */
export async function reportWeek(
  db: Db,
  actor: AuditActor,
  viewer: Viewer,
  personId: string,
  weekParam: string | undefined,
  today: string,
  language: Language,
): Promise<PresenceWeek> {
  if (!(await mayRead(db, viewer, personId)))
    // Not found rather than forbidden: whether someone outside one's team exists is not told.
    throw new AppError('telework.presence.not_your_report', 404, {}, [
      { field: 'person', code: 'telework.presence.not_your_report' },
    ]);
  const week = await personWeek(db, personId, weekParam, today, language);
  if (!week.person.name) throw new AppError('telework.presence.person_not_found', 404);
  if (personId !== viewer.id)
    await writeAudit(db, actor, {
      action: 'telework.presence_read',
      objectType: 'telework_presence',
      objectId: personId,
      summary: { week: week.week },
    });
  return week;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The team's week: who is where each half day, and the share at the office per day. */
export async function teamWeek(
  db: Db,
  actor: AuditActor,
  viewer: Viewer,
  query: PresenceTeamQuery,
  today: string,
): Promise<PresenceTeamWeek> {
  const monday = weekMonday(query.week, today);
  if (query.unit !== undefined && !can(viewer.roles, 'telework.manage'))
    throw new AppError('telework.presence.unit_forbidden', 403, {}, [
      { field: 'unit', code: 'telework.presence.unit_forbidden' },
    ]);
  const people =
    query.unit !== undefined
      ? await peopleOfUnit(db as Kysely<any>, query.unit)
      : await reportsOf(db as Kysely<any>, viewer.id);
  const ids = people.map((p) => p.id);
  const dates = workingDaysOf(monday);
  const loaded = await loadPlanContexts(db, ids, monthOf(dates[0]!).first, monthOf(dates[4]!).last);
  const bookings = await Promise.all(ids.map((id) => activeBookingsOf(db, id, dates[0]!, dates[4]!)));
  const members = people.map((p, i) => {
    const { week, warnings } = plannedWeek(loaded, p.id, monday);
    const savedDays = new Set((loaded.rows.get(p.id) ?? []).map((r) => r.day));
    return {
      person: p,
      days: week.map((d) => ({
        date: d.date,
        am: d.am.place,
        pm: d.pm.place,
        hasDesk: bookings[i]!.some((b) => b.date === d.date),
        isSaved: savedDays.has(d.date),
      })),
      warnings: warnings.length,
    };
  });
  const days = dates.map((date, d) => {
    const halves = members.flatMap((m) => [m.days[d]!.am, m.days[d]!.pm]);
    const office = halves.filter((place) => place === 'office').length;
    return {
      date,
      officePeople: members.filter((m) => m.days[d]!.am === 'office' || m.days[d]!.pm === 'office').length,
      officeShare: halves.length ? round2((office * 100) / halves.length) : 0,
    };
  });
  if (ids.some((id) => id !== viewer.id))
    await writeAudit(db, actor, {
      action: 'telework.presence_team_read',
      objectType: 'telework_presence',
      summary: { week: isoWeekName(monday), unit: query.unit ?? null, people: ids.length },
    });
  return { week: isoWeekName(monday), monday, unit: query.unit ?? null, members, days };
}

type TeamLine = { name: string; cells: string[] };

/** The team's week as a spreadsheet: a line a person, a column a day, the office's share last. */
export function teamWeekExport(team: PresenceTeamWeek, language: Language): TableExport<TeamLine> {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(language, `telework.presence.${key}`, params);
  const place = (p: Place) => t(`place.${p}`);
  const cell = (d: PresenceTeamWeek['members'][number]['days'][number]) =>
    (d.am === d.pm ? place(d.am) : `${place(d.am)} / ${place(d.pm)}`) +
    (d.hasDesk ? ` (${t('export.desk')})` : '');
  const lines: TeamLine[] = [
    ...team.members.map((m) => ({ name: m.person.name, cells: m.days.map(cell) })),
    { name: t('export.office_share'), cells: team.days.map((d) => `${d.officeShare} %`) },
  ];
  return {
    name: `relais-presence-${team.week}${team.unit ? `-${team.unit}` : ''}`,
    sheet: t('export.sheet'),
    columns: [
      { header: t('export.person'), width: 32, value: (l) => l.name },
      ...team.days.map((d, i) => ({
        header: dayInWords(d.date, language),
        width: 24,
        value: (l: TeamLine) => l.cells[i],
      })),
    ],
    rows: lines,
  };
}
