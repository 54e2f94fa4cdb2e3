import type { Place, PresencePlan, PresenceWeek } from '../../../../src/modules/telework/contract.js';

// The week form's state and what it sends: pure, so the page stays a view.

/** A day as the form holds it; `desk` is the desk to book ('' for none). */
export type DayForm = { date: string; am: Place; pm: Place; desk: string };

export const formOf = (week: PresenceWeek): DayForm[] =>
  week.days.map((d) => ({ date: d.date, am: d.am.place, pm: d.pm.place, desk: '' }));

/** The slot a desk is booked for: the halves at the office; null when none is. */
export function officeSlotOf(day: Pick<DayForm, 'am' | 'pm'>): 'am' | 'pm' | 'day' | null {
  if (day.am === 'office' && day.pm === 'office') return 'day';
  if (day.am === 'office') return 'am';
  return day.pm === 'office' ? 'pm' : null;
}

/** The body of PUT /telework/presence/week: a desk only on a day with a half at the office. */
export const planOf = (week: string, days: readonly DayForm[]): PresencePlan => ({
  week,
  days: days.map((d) => ({
    date: d.date,
    am: d.am,
    pm: d.pm,
    ...(d.desk && officeSlotOf(d) && { desk: d.desk }),
  })),
});

/** The Monday `weeks` weeks away. */
export const shiftWeek = (monday: string, weeks: number): string =>
  new Date(Date.parse(`${monday}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

/** Whether the form differs from the week as loaded (a save is worth offering). */
export const isChanged = (week: PresenceWeek, days: readonly DayForm[]): boolean =>
  days.some((d, i) => d.desk !== '' || d.am !== week.days[i]?.am.place || d.pm !== week.days[i]?.pm.place);

export const presenceKeys = {
  week: (week: string) => ['telework', 'presence', 'week', week] as const,
  team: (week: string, unit: string) => ['telework', 'presence', 'team', week, unit] as const,
};

/** "lundi 7 décembre" in the interface's language. */
export const dayName = (date: string, language: string) =>
  new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
