import { createHash } from 'node:crypto';
import type { FieldError } from '../../platform/errors.js';
import { brusselsToday } from '../../shared/brussels-day.js';
import type { ReceiptItem } from './delivery-contract.js';

// The rules of a delivery batch, pure: what may go in one, what the carrier's signed-for day may
// be, which step a batch may take, and the frozen list of units a person signs for (or gives back)
// with its fingerprint. The week and month a shipment counts in for the report.

/** A reserved request as a batch sees it. */
export type BatchCandidate = {
  id: string;
  personId: string;
  status: string;
  kind: string;
  assetId: string | null;
  kitId: string | null;
  /** The batch it already travels in (prepared, shipped or delivered), if any. */
  inBatch: string | null;
};

export type BatchInput = {
  mode: 'home' | 'site';
  address?: string | undefined;
  site?: string | undefined;
};

/** What is wrong with a batch made of these requests (empty: nothing). */
export function batchProblems(
  wanted: readonly string[],
  found: ReadonlyMap<string, BatchCandidate>,
  input: BatchInput,
  /** The address the requests carry, used when the batch names none. */
  requestAddress: string | null,
): FieldError[] {
  const problems: FieldError[] = [];
  const people = new Set<string>();
  for (const id of wanted) {
    const request = found.get(id);
    if (!request)
      problems.push({ field: 'requests', code: 'equipment.delivery.request_not_found', params: { id } });
    else if (request.kind !== 'item' || request.status !== 'reserved' || !request.assetId)
      problems.push({
        field: 'requests',
        code: 'equipment.delivery.request_not_reserved',
        params: { id, status: request.status },
      });
    else if (request.inBatch)
      problems.push({
        field: 'requests',
        code: 'equipment.delivery.request_in_batch',
        params: { id, delivery: request.inBatch },
      });
    if (request) people.add(request.personId);
  }
  if (people.size > 1) problems.push({ field: 'requests', code: 'equipment.delivery.several_people' });
  if (input.mode === 'home') {
    const address = (input.address ?? requestAddress ?? '').trim();
    if (!address) problems.push({ field: 'address', code: 'equipment.delivery.address_required' });
  } else if (!input.site?.trim()) problems.push({ field: 'site', code: 'equipment.delivery.site_required' });
  return problems;
}

/** The day the carrier says the person signed for it: not in the future, not before it shipped. */
export function signedForProblem(
  signedForOn: string,
  today: string,
  shippedDay: string | null,
): FieldError | null {
  if (signedForOn > today)
    return { field: 'signedForOn', code: 'equipment.delivery.signed_in_future', params: { today } };
  if (shippedDay && signedForOn < shippedDay)
    return {
      field: 'signedForOn',
      code: 'equipment.delivery.signed_before_shipped',
      params: { shipped: shippedDay },
    };
  return null;
}

export type DeliveryStep = 'ship' | 'deliver' | 'return' | 'accept';

/**
 * Whether a batch in `status` may take `step`. `deliver` on a delivered batch records the carrier's
 * proof later, when the person confirmed before it came in. Accepting a shipped batch is allowed:
 * the person holds the parcel before the carrier's proof reaches ICT.
 */
export function stepAllowed(
  step: DeliveryStep,
  status: string,
  facts: { signedForOn: string | null; accepted: boolean },
): boolean {
  switch (step) {
    case 'ship':
      return status === 'prepared';
    case 'deliver':
      return status === 'shipped' || (status === 'delivered' && facts.signedForOn === null);
    case 'return':
      return status === 'shipped' && !facts.accepted;
    case 'accept':
      return (status === 'shipped' || status === 'delivered') && !facts.accepted;
  }
}

/** The units in a stable order (by tag), as frozen in an acceptance or a return. */
export function frozenItems(items: readonly ReceiptItem[]): string {
  const sorted = [...items].sort((a, b) => a.assetTag.localeCompare(b.assetTag));
  return JSON.stringify(
    sorted.map((item) => ({
      asset_tag: item.assetTag,
      type: item.type,
      model: item.model,
      serial: item.serial,
    })),
  );
}

/** The SHA-256 (hex) of the frozen text: whoever holds the text can check nobody changed it. */
export const digestOf = (frozen: string): string => createHash('sha256').update(frozen, 'utf8').digest('hex');

/** The frozen JSON back as items. */
export function itemsOf(frozen: string): ReceiptItem[] {
  return (
    JSON.parse(frozen) as { asset_tag: string; type: string; model: string; serial: string | null }[]
  ).map((item) => ({ assetTag: item.asset_tag, type: item.type, model: item.model, serial: item.serial }));
}

// ---- Weeks and months, on calendar days (UTC midnight, so no time zone shifts a day) -----------

const DAY_MS = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const plusDays = (day: string, days: number): string => isoOf(utc(day) + days * DAY_MS);
const mondayOf = (day: string): string => plusDays(day, 1 - (new Date(utc(day)).getUTCDay() || 7));

/** `2020-W12` for any day of that week (the year its Thursday falls in). */
export function isoWeekOf(day: string): string {
  const thursday = plusDays(mondayOf(day), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((utc(thursday) - utc(mondayOf(`${year}-01-04`))) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday to Sunday of an ISO week, or null for a week the year does not have (2021-W53). */
export function daysOfIsoWeek(week: string): { from: string; to: string } | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const monday = plusDays(mondayOf(`${match[1]}-01-04`), (Number(match[2]) - 1) * 7);
  return isoWeekOf(monday) === week ? { from: monday, to: plusDays(monday, 6) } : null;
}

/** The week or month a shipment on `day` counts in. */
export const periodOf = (day: string, by: 'week' | 'month'): string =>
  by === 'week' ? isoWeekOf(day) : day.slice(0, 7);

/** The instant a Brussels calendar day begins (23:00 or 22:00 UTC the day before). */
export function brusselsMidnight(day: string): string {
  for (const hours of [2, 1]) {
    const candidate = new Date(utc(day) - hours * 3_600_000);
    if (brusselsToday(candidate) === day) return candidate.toISOString();
  }
  return new Date(utc(day)).toISOString();
}

/** The instants [from, to) a span of Brussels days covers. */
export const instantsOfDays = (from: string, to: string): { from: string; to: string } => ({
  from: brusselsMidnight(from),
  to: brusselsMidnight(plusDays(to, 1)),
});
