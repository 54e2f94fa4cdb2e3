import { brusselsDay, type IsoDate } from '../../../platform/db/time.js';
import { HELPDESK_CATEGORIES, type HelpdeskCategory, type HelpdeskFigures } from '../contract.js';
import { checkPeriod } from '../figures.js';
import { minutesBetween, summariseDurations } from '../figures-timing.js';
import type { Db } from '../repository/db.js';
import { countOpenTickets, listTicketTimes } from '../repository/helpdesk.js';
import { instantAtWallClock } from '../service-level/time-zone.js';

const zeroes = () =>
  Object.fromEntries(HELPDESK_CATEGORIES.map((c) => [c, 0])) as Record<HelpdeskCategory, number>;
const isCategory = (value: string | null): value is HelpdeskCategory =>
  (HELPDESK_CATEGORIES as readonly (string | null)[]).includes(value);

/** The months (`YYYY-MM`) from one day's month to another's, both included. */
export function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/**
 * The helpdesk's load over a period of Brussels days: tickets per month and per category, how long
 * they took to be solved (median and 90th percentile, from creation to closure), and what is open now.
 */
export async function helpdeskFigures(db: Db, from: IsoDate, to: IsoDate): Promise<HelpdeskFigures> {
  checkPeriod(from, to);
  const start = instantAtWallClock(from, 0, 'Europe/Brussels').toISOString();
  const dayAfterTo = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const end = instantAtWallClock(dayAfterTo, 0, 'Europe/Brussels').toISOString();
  const [rows, open] = await Promise.all([listTicketTimes(db, start, end), countOpenTickets(db)]);

  const months = new Map(
    monthsBetween(from, to).map((month) => [
      month,
      { month, total: 0, by_category: zeroes(), durations: [] as number[] },
    ]),
  );
  const categories = new Map(
    HELPDESK_CATEGORIES.map((category) => [category, { total: 0, closed: 0, durations: [] as number[] }]),
  );
  const all: number[] = [];
  for (const row of rows) {
    const month = months.get(brusselsDay(row.created_at).slice(0, 7));
    const minutes = minutesBetween(row.created_at, row.closed_at);
    if (month) {
      month.total += 1;
      if (isCategory(row.category)) month.by_category[row.category] += 1;
      if (minutes !== null) month.durations.push(minutes);
    }
    if (isCategory(row.category)) {
      const category = categories.get(row.category)!;
      category.total += 1;
      if (minutes !== null) {
        category.closed += 1;
        category.durations.push(minutes);
      }
    }
    if (minutes !== null) all.push(minutes);
  }
  const backlog = zeroes();
  for (const { category, count } of open) if (isCategory(category)) backlog[category] += count;
  return {
    from,
    to,
    total: rows.length,
    months: [...months.values()].map(({ durations, ...month }) => ({
      ...month,
      resolution: summariseDurations(durations),
    })),
    categories: [...categories].map(([category, { durations, ...counts }]) => ({
      category,
      ...counts,
      resolution: summariseDurations(durations),
    })),
    resolution: summariseDurations(all),
    backlog: { total: open.reduce((sum, { count }) => sum + count, 0), by_category: backlog },
  };
}
