import type { FieldError } from '../../platform/errors.js';
import type { ProfileItem, RequestStep } from './contract/request-contract.js';
import type { AssetType, DeliveryMode, RequestKind, RequestStatus } from './contract.js';

// A request's rules, without a database: what may be asked, where it starts, the steps the person
// sees, what each viewer may do next, and the contribution's cap over its period.

/** The problems of a new item request, each naming its field. */
export function itemRequestProblems(input: {
  type: AssetType;
  delivery: DeliveryMode;
  address: string | undefined;
  profileItems: readonly ProfileItem[] | null;
}): FieldError[] {
  const problems: FieldError[] = [];
  if (!input.profileItems?.some((item) => item.type === input.type))
    problems.push({ field: 'type', code: 'equipment.request.outside_profile', params: { type: input.type } });
  if (input.delivery === 'home' && !input.address?.trim())
    problems.push({ field: 'address', code: 'equipment.request.address_required' });
  return problems;
}

/** Where a request starts: with the manager when the type's policy asks for an approval. */
export const initialStatus = (managerApproval: boolean): RequestStatus =>
  managerApproval ? 'awaiting_approval' : 'open';

/**
 * The cap over the period: the person's contributions for the type in the last `periodMonths`
 * months (refused and cancelled ones do not count) plus this one must stay within `capCents`.
 */
export function contributionProblems(input: {
  type: AssetType;
  amount: number;
  capCents: number | null;
  alreadyCents: number;
  periodMonths: number | null;
  profileItems: readonly ProfileItem[] | null;
}): FieldError[] {
  if (!input.profileItems?.some((item) => item.type === input.type))
    return [{ field: 'type', code: 'equipment.request.outside_profile', params: { type: input.type } }];
  if (input.capCents === null)
    return [{ field: 'type', code: 'equipment.contribution.not_offered', params: { type: input.type } }];
  const left = Math.max(0, input.capCents - input.alreadyCents);
  if (input.amount > left)
    return [
      {
        field: 'amount',
        code: 'equipment.contribution.above_cap',
        params: { cap: input.capCents, left, months: input.periodMonths ?? 12 },
      },
    ];
  return [];
}

/** The first day of the period a contribution's cap counts over, `months` before `today`. */
export function periodStart(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).getUTCDate();
  start.setUTCDate(Math.min(d, lastDay));
  return start.toISOString().slice(0, 10);
}

const ITEM_WALK: RequestStatus[] = ['open', 'reserved', 'shipped', 'delivered', 'received'];
const CONTRIBUTION_WALK: RequestStatus[] = ['open', 'paid'];
const ENDINGS: RequestStatus[] = ['refused', 'cancelled', 'returned'];

/**
 * The steps the person sees: the walk of their kind of request (with the approval when it was
 * asked), each done, current or still to come; a refusal, cancellation or return ends it there.
 */
export function stepsOf(kind: RequestKind, status: RequestStatus, approvalAsked: boolean): RequestStep[] {
  const walk = [
    ...(approvalAsked ? (['awaiting_approval'] as RequestStatus[]) : []),
    ...(kind === 'item' ? ITEM_WALK : CONTRIBUTION_WALK),
  ];
  if (ENDINGS.includes(status)) {
    // Where it stopped is not stored as such: a refusal stops at the approval, a return after
    // receipt, a cancellation before shipping (where it was is no longer known: the first step).
    const reached =
      status === 'returned'
        ? walk.length
        : status === 'refused' && approvalAsked
          ? 1
          : Math.min(1, walk.length);
    return [
      ...walk.slice(0, reached).map((s) => ({ status: s, state: 'done' as const })),
      { status, state: 'stopped' as const },
    ];
  }
  const at = walk.indexOf(status);
  return walk.map((s, i) => ({
    status: s,
    state: i < at ? ('done' as const) : i === at ? ('current' as const) : ('todo' as const),
  }));
}

/** Who looks at a request, as far as its actions go. */
export type RequestViewer = { id: string; isIct: boolean; isAdmin: boolean; managesPerson: boolean };

/** What the viewer may do with a request in this status. */
export function requestActions(
  request: { kind: RequestKind; status: RequestStatus; personId: string },
  viewer: RequestViewer,
): ('approve' | 'refuse' | 'cancel' | 'reserve' | 'release' | 'pay')[] {
  const actions: ('approve' | 'refuse' | 'cancel' | 'reserve' | 'release' | 'pay')[] = [];
  const { status, kind } = request;
  if (status === 'awaiting_approval' && (viewer.managesPerson || viewer.isAdmin))
    actions.push('approve', 'refuse');
  if (canCancel(status) && (request.personId === viewer.id || viewer.isIct)) actions.push('cancel');
  if (viewer.isIct && kind === 'item' && status === 'open') actions.push('reserve');
  if (viewer.isIct && kind === 'item' && status === 'reserved') actions.push('release');
  if (viewer.isIct && kind === 'contribution' && status === 'open') actions.push('pay');
  return actions;
}

/** A request may be cancelled until its unit has left (shipped or handed over) or its money paid. */
export const canCancel = (status: RequestStatus): boolean =>
  status === 'awaiting_approval' || status === 'open' || status === 'reserved';

/** Pending requests by age, in the report's buckets. */
export const AGE_BUCKETS = [
  { key: '0-2', max: 2 },
  { key: '3-7', max: 7 },
  { key: '8-14', max: 14 },
  { key: '15-30', max: 30 },
  { key: '31+', max: Number.POSITIVE_INFINITY },
] as const;

export const bucketOf = (ageDays: number): string => AGE_BUCKETS.find((b) => ageDays <= b.max)!.key;

/** Whole days between an instant and today (Brussels days, both ISO). */
export const ageInDays = (createdDay: string, today: string): number =>
  Math.max(
    0,
    Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${createdDay}T00:00:00Z`)) / 86_400_000),
  );
