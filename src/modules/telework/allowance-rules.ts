import type { AllowanceKind, AllowanceProration, Regime } from './contract.js';

// Who is paid which telework allowance for a month, and how much: pure rules, in integer cents
// (never floats for money), shared by the payroll list and its export.
//
// The rules the institution sets, as Relais applies them:
// - A person is entitled for a month when an approved agreement is in force on at least one day of
//   it and a rate is in force on such a day.
// - Each rate's monthly amount is prorated by its rule: `none` (as is), `occupation` (× the
//   occupation %), `days` (× the agreement's telework days a month ÷ the rate's full-amount days, at
//   most the full amount; the days a month are structural days × 4 + occasional days).
// - A month partly covered (an agreement or a rate starting or ending in it) is prorated by calendar
//   days: each covered day earns 1/(days in the month) of the amount, as payroll prorates monthly pay
//   for an entry or a departure mid-month. A day counts once, under the agreement in force that day.
// - Each rate's amount is rounded once, to the cent, half up.

export type RateForRules = {
  id: string;
  kind: AllowanceKind;
  monthlyCents: number;
  startDate: string;
  endDate: string | null;
  proration: AllowanceProration;
  fullDays: number | null;
};

export type AgreementForRules = {
  status: string;
  regime: Regime;
  daysPerWeek: number | null;
  monthlyDays: number | null;
  startDate: string;
  endDate: string | null;
};

export type Period = { startDate: string; endDate: string | null };

/** The first and last day of a month `YYYY-MM`, and its number of days. */
export function monthPeriod(month: string): { first: string; last: string; days: number } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}`, days };
}

/** Whether two periods (inclusive; an end null runs on) share at least one day. */
export const periodsOverlap = (a: Period, b: Period): boolean =>
  (b.endDate === null || a.startDate <= b.endDate) && (a.endDate === null || b.startDate <= a.endDate);

const inForce = (period: Period, day: string): boolean =>
  period.startDate <= day && (period.endDate === null || day <= period.endDate);

/** The rate of the same kind a new or changed rate would overlap (two rates of a kind never overlap). */
export const overlappingRate = <R extends Pick<RateForRules, 'id' | 'kind'> & Period>(
  rates: readonly R[],
  candidate: Pick<RateForRules, 'kind'> & Period & { id?: string },
): R | undefined =>
  rates.find((r) => r.kind === candidate.kind && r.id !== candidate.id && periodsOverlap(r, candidate));

/** Telework days a month of an agreement: structural days a week × 4, plus occasional days a month. */
export const monthlyTeleworkDays = (a: Pick<AgreementForRules, 'daysPerWeek' | 'monthlyDays'>): number =>
  (a.daysPerWeek ?? 0) * 4 + (a.monthlyDays ?? 0);

/** `numerator / denominator` rounded half up, for non-negative integers: exact, no float for money. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0)
    throw new RangeError(`cannot divide ${numerator} by ${denominator} exactly`);
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export type PersonAllowance = {
  /** Calendar days of the month an approved agreement covers. */
  coveredDays: number;
  /** The agreement in force on the last covered day: its regime and telework days a month. */
  regime: Regime;
  monthlyDays: number;
  amounts: { rateId: string; amountCents: number }[];
  amountCents: number;
};

/** A rate's amount for one covered day, over a denominator that is the same for every day. */
function dayShare(
  rate: RateForRules,
  agreement: AgreementForRules,
  occupationPct: number,
  daysInMonth: number,
): { numerator: number; denominator: number } {
  if (rate.proration === 'occupation')
    return { numerator: rate.monthlyCents * occupationPct, denominator: 100 * daysInMonth };
  if (rate.proration === 'days' && rate.fullDays) {
    // In half days, so the ratio stays a ratio of integers.
    const full = Math.round(rate.fullDays * 2);
    const days = Math.min(Math.round(monthlyTeleworkDays(agreement) * 2), full);
    return { numerator: rate.monthlyCents * days, denominator: full * daysInMonth };
  }
  return { numerator: rate.monthlyCents, denominator: daysInMonth };
}

/**
 * A person's allowances for a month, or null when they are entitled to none (no approved agreement
 * in force that month, or no rate in force on a day one is).
 */
export function allowanceFor(
  month: string,
  person: { occupationPct: number; agreements: readonly AgreementForRules[] },
  rates: readonly RateForRules[],
): PersonAllowance | null {
  const { first, days } = monthPeriod(month);
  const approved = person.agreements
    .filter((a) => a.status === 'approved')
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const shares = new Map<string, { numerator: number; denominator: number }>();
  let covered = 0;
  let last: AgreementForRules | undefined;
  for (let d = 1; d <= days; d++) {
    const day = `${first.slice(0, 8)}${String(d).padStart(2, '0')}`;
    const agreement = approved.find((a) => inForce(a, day));
    if (!agreement) continue;
    covered += 1;
    last = agreement;
    for (const rate of rates) {
      if (!inForce(rate, day)) continue;
      const share = dayShare(rate, agreement, person.occupationPct, days);
      const sum = shares.get(rate.id);
      shares.set(rate.id, {
        numerator: (sum?.numerator ?? 0) + share.numerator,
        denominator: share.denominator,
      });
    }
  }
  if (!last || shares.size === 0) return null;
  const amounts = rates
    .filter((rate) => shares.has(rate.id))
    .map((rate) => {
      const share = shares.get(rate.id)!;
      return { rateId: rate.id, amountCents: divideHalfUp(share.numerator, share.denominator) };
    });
  return {
    coveredDays: covered,
    regime: last.regime,
    monthlyDays: monthlyTeleworkDays(last),
    amounts,
    amountCents: amounts.reduce((sum, a) => sum + a.amountCents, 0),
  };
}

/** Cents as euros for a file or a screen's number: 2050 → 20.5 (display only, never computed on). */
export const euros = (cents: number): number => cents / 100;
