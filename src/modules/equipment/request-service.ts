import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { can } from '../../platform/auth/permissions.js';
import type { Role } from '../../platform/auth/roles.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { idsOfUsernames, reportsOf, type StaffCard, staffCardsOf } from '../directory/index.js';
import type {
  EquipmentRequest,
  NewContribution,
  NewRequest,
  RequestList,
  RequestListQuery,
} from './contract/request-contract.js';
import type { AssetType, DeliveryMode, RequestKind, RequestStatus } from './contract.js';
import { findPolicyRow } from './profile-repository.js';
import { profileOfPerson } from './profile-service.js';
import { checkReceipt } from './request-receipt-rules.js';
import {
  assetTagsOf,
  contributedSince,
  type Db,
  findReceipt,
  findRequest,
  insertRequest,
  listRequests,
  type RequestListRow,
  updateRequest,
} from './request-repository.js';
import {
  canCancel,
  contributionProblems,
  initialStatus,
  itemRequestProblems,
  periodStart,
  type RequestViewer,
  requestActions,
  stepsOf,
} from './request-rules.js';
import { releaseUnit } from './reservation-service.js';

// Requests as use cases: asked for (by the person, ICT, or a manager for a report), decided by the
// manager where the type's policy asks it, cancelled by the person until it leaves, a
// contribution paid by ICT. Each change is checked, written with its audit entry in one
// transaction, and refused (409) if someone else moved the request meanwhile.

/** Who calls: the database, the audit actor, their id and roles, and today (Brussels). */
export type RequestCaller = {
  db: Db;
  actor: AuditActor;
  personId: string;
  roles: readonly Role[];
  today: string;
};

const other = (db: Db) => db as unknown as Kysely<any>;
const cardsOf = (db: Db, ids: readonly string[]) => staffCardsOf(other(db), ids);
const isIct = (caller: RequestCaller) => can(caller.roles, 'equipment.manage');
const isAdmin = (caller: RequestCaller) => caller.roles.includes('admin');

function viewerFor(caller: RequestCaller, card: StaffCard | undefined): RequestViewer {
  return {
    id: caller.personId,
    isIct: isIct(caller),
    isAdmin: isAdmin(caller),
    managesPerson: !!card && card.managerId === caller.personId && can(caller.roles, 'equipment.approve'),
  };
}

/** Requests as the wire shows them to this caller, with their steps and the caller's actions. */
export async function toRequests(
  db: Db,
  caller: RequestCaller,
  rows: readonly RequestListRow[],
): Promise<EquipmentRequest[]> {
  const [cards, tags] = await Promise.all([
    cardsOf(
      db,
      rows.map((r) => r.person_id),
    ),
    assetTagsOf(
      db,
      rows.flatMap((r) => (r.asset_id ? [r.asset_id] : [])),
    ),
  ]);
  return rows.map((row) => {
    const card = cards.get(row.person_id);
    const kind = row.kind as RequestKind;
    const status = row.status as RequestStatus;
    return {
      id: row.id,
      kind,
      type: row.type as AssetType,
      status,
      personId: row.person_id,
      personName: card?.name ?? row.person_id,
      delivery: row.delivery as DeliveryMode | null,
      site: row.site,
      address: row.address,
      reason: row.reason,
      kitId: row.kit_id,
      dueOn: row.due_on,
      amount: row.amount_cents,
      receiptName: row.receipt_name,
      assetTag: row.asset_id ? (tags.get(row.asset_id) ?? null) : null,
      decidedBy: row.decided_by,
      decidedAt: row.decided_at,
      refusalReason: row.refusal_reason,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
      // An approval was asked when the request waits for it or a manager decided it.
      steps: stepsOf(kind, status, status === 'awaiting_approval' || row.decided_by !== null),
      actions: requestActions({ kind, status, personId: row.person_id }, viewerFor(caller, card)),
    };
  });
}

/** The person a request is for: the caller, or someone named by ICT or by their manager. */
async function personFor(caller: RequestCaller, username: string | undefined): Promise<string> {
  if (!username) return caller.personId;
  const id = (await idsOfUsernames(other(caller.db), [username])).get(username);
  if (!id)
    throw invalid([
      { field: 'person', code: 'equipment.request.unknown_person', params: { person: username } },
    ]);
  if (id === caller.personId || isIct(caller)) return id;
  const card = (await cardsOf(caller.db, [id])).get(id);
  if (can(caller.roles, 'equipment.approve') && card?.managerId === caller.personId) return id;
  throw new AppError('equipment.request.not_your_report', 403, { person: username }, [
    { field: 'person', code: 'equipment.request.not_your_report', params: { person: username } },
  ]);
}

const newId = () => `EQ-${randomUUID().slice(0, 8).toUpperCase()}`;

function baseRow(
  caller: RequestCaller,
  personId: string,
  type: AssetType,
  kind: RequestKind,
  status: RequestStatus,
) {
  const now = nowInstant();
  return {
    id: newId(),
    person_id: personId,
    type,
    kind,
    status,
    delivery: null,
    site: null,
    address: null,
    reason: null,
    kit_id: null,
    due_on: null,
    amount_cents: null,
    receipt_name: null,
    receipt_type: null,
    receipt: null,
    asset_id: null,
    decided_by: null,
    decided_at: null,
    refusal_reason: null,
    created_by: caller.personId,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** An item of the person's profile, delivered home (to an address) or at a site. */
export async function createItemRequest(caller: RequestCaller, input: NewRequest): Promise<EquipmentRequest> {
  const { db, actor } = caller;
  const personId = await personFor(caller, input.person);
  const profile = await profileOfPerson(db, personId);
  const problems = itemRequestProblems({
    type: input.type,
    delivery: input.delivery,
    address: input.address,
    profileItems: profile?.items ?? null,
  });
  if (problems.length) throw invalid(problems);
  const policy = await findPolicyRow(db, input.type);
  const row = {
    ...baseRow(caller, personId, input.type, 'item', initialStatus(policy?.manager_approval === 1)),
    delivery: input.delivery,
    address: input.delivery === 'home' ? input.address!.trim() : null,
    site: input.site?.trim() || null,
    reason: input.reason?.trim() || null,
  };
  await withTransaction(db, async (trx) => {
    await insertRequest(trx, row);
    await writeAudit(trx, actor, {
      action: 'equipment.request_created',
      objectType: 'equipment_request',
      objectId: row.id,
      summary: { type: row.type, status: row.status, forSomeoneElse: personId !== caller.personId },
    });
  });
  return (await toRequests(db, caller, [(await findRequest(db, row.id))!]))[0]!;
}

/** Money towards buying an item, within the type's cap over its period, with the receipt. */
export async function createContribution(
  caller: RequestCaller,
  input: NewContribution,
): Promise<EquipmentRequest> {
  const { db, actor, today } = caller;
  const personId = await personFor(caller, input.person);
  const receipt = checkReceipt(input.receipt.content_base64);
  const profile = await profileOfPerson(db, personId);
  const id = await withTransaction(
    db,
    async (trx) => {
      const policy = await findPolicyRow(trx, input.type);
      const months = policy?.contribution_period_months ?? 12;
      const problems = contributionProblems({
        type: input.type,
        amount: input.amount,
        capCents: policy?.contribution_cap_cents ?? null,
        alreadyCents: await contributedSince(trx, personId, input.type, periodStart(today, months)),
        periodMonths: months,
        profileItems: profile?.items ?? null,
      });
      if (receipt.problem) problems.push(receipt.problem);
      if (problems.length || receipt.problem) throw invalid(problems);
      const row = {
        ...baseRow(
          caller,
          personId,
          input.type,
          'contribution',
          initialStatus(policy?.manager_approval === 1),
        ),
        amount_cents: input.amount,
        reason: input.reason?.trim() || null,
        receipt_name: input.receipt.filename,
        receipt_type: receipt.type,
        receipt: receipt.bytes,
      };
      await insertRequest(trx, row);
      await writeAudit(trx, actor, {
        action: 'equipment.contribution_created',
        objectType: 'equipment_request',
        objectId: row.id,
        summary: { type: row.type, amount: input.amount, status: row.status },
      });
      return row.id;
    },
    // Two contributions sent together must not both fit under the cap.
    { isolation: 'serializable' },
  );
  return (await toRequests(db, caller, [(await findRequest(db, id))!]))[0]!;
}

/** A request the caller may see: their own, a report's (their manager), or any (ICT, admin). */
async function visibleRequest(caller: RequestCaller, id: string): Promise<RequestListRow> {
  const row = await findRequest(caller.db, id);
  if (row && (row.person_id === caller.personId || isIct(caller) || isAdmin(caller))) return row;
  if (row && can(caller.roles, 'equipment.approve')) {
    const card = (await cardsOf(caller.db, [row.person_id])).get(row.person_id);
    if (card?.managerId === caller.personId) return row;
  }
  // Someone else's request is answered as absent: its existence is the person's business.
  throw notFound('equipment.request.not_found', { request: id });
}

const auditRead = (caller: RequestCaller, row: RequestListRow) =>
  row.person_id === caller.personId
    ? Promise.resolve()
    : writeAudit(caller.db, caller.actor, {
        action: 'equipment.request_read',
        objectType: 'equipment_request',
        objectId: row.id,
        summary: { person: row.person_id },
      });

export async function requestDetail(caller: RequestCaller, id: string): Promise<EquipmentRequest> {
  const row = await visibleRequest(caller, id);
  await auditRead(caller, row);
  return (await toRequests(caller.db, caller, [row]))[0]!;
}

/** Mine (default), my reports' (`team`, managers) or everyone's (`all`, ICT) with filters. */
export async function requestList(caller: RequestCaller, query: RequestListQuery): Promise<RequestList> {
  const { db } = caller;
  const scope = query.scope ?? 'mine';
  let personIds: string[] | undefined;
  if (scope === 'mine') personIds = [caller.personId];
  else if (scope === 'team' && can(caller.roles, 'equipment.approve'))
    personIds = (await reportsOf(other(db), caller.personId)).map((r) => r.id);
  else if (scope === 'all' && isIct(caller)) personIds = undefined;
  else
    throw new AppError('equipment.request.scope_not_yours', 403, { scope }, [
      { field: 'scope', code: 'equipment.request.scope_not_yours', params: { scope } },
    ]);
  if (query.person) {
    const id = (await idsOfUsernames(other(db), [query.person])).get(query.person) ?? '';
    personIds = personIds ? personIds.filter((p) => p === id) : [id];
  }
  const { rows, total } = await listRequests(
    db,
    {
      ...(personIds && { personIds }),
      ...(query.status && { status: query.status }),
      ...(query.type && { type: query.type }),
      ...(query.kind && { kind: query.kind }),
      ...(query.kits && { kitsOnly: true }),
    },
    { limit: query.limit ?? 50, offset: query.offset ?? 0 },
  );
  if (scope !== 'mine' && rows.length)
    await writeAudit(db, caller.actor, {
      action: 'equipment.requests_listed',
      objectType: 'equipment_request',
      objectId: null,
      summary: { scope, count: rows.length },
    });
  return { items: await toRequests(db, caller, rows), total };
}

/** One step of a request, checked against the caller's actions, in one transaction with its audit. */
async function act(
  caller: RequestCaller,
  id: string,
  action: 'approve' | 'refuse' | 'cancel' | 'pay',
  change: (row: RequestListRow, trx: Db) => Promise<Parameters<typeof updateRequest>[3]>,
): Promise<EquipmentRequest> {
  const { db, actor } = caller;
  const visible = await visibleRequest(caller, id);
  await withTransaction(db, async (trx) => {
    const row = (await findRequest(trx, id)) ?? visible;
    const [view] = await toRequests(trx, caller, [row]);
    if (!view!.actions.includes(action))
      throw conflict('equipment.request.not_allowed_now', { action, status: row.status });
    const changes = await change(row, trx);
    if (!(await updateRequest(trx, id, row.version, { ...changes, updated_at: nowInstant() })))
      throw conflict('equipment.request.changed');
    await writeAudit(trx, actor, {
      action: `equipment.request_${action}`,
      objectType: 'equipment_request',
      objectId: id,
      summary: { from: row.status, to: changes.status },
    });
  });
  return (await toRequests(db, caller, [(await findRequest(db, id))!]))[0]!;
}

export const approveRequest = (caller: RequestCaller, id: string) =>
  act(caller, id, 'approve', async () => ({
    status: 'open',
    decided_by: caller.personId,
    decided_at: nowInstant(),
  }));

export const refuseRequest = (caller: RequestCaller, id: string, reason: string) =>
  act(caller, id, 'refuse', async () => ({
    status: 'refused',
    decided_by: caller.personId,
    decided_at: nowInstant(),
    refusal_reason: reason.trim(),
  }));

/** Cancels a request before it leaves; a reserved unit goes back to stock. */
export const cancelRequest = (caller: RequestCaller, id: string) =>
  act(caller, id, 'cancel', async (row, trx) => {
    if (!canCancel(row.status as RequestStatus)) throw conflict('equipment.request.not_allowed_now');
    if (row.asset_id) await releaseUnit(trx, caller.actor, row.asset_id);
    return { status: 'cancelled', asset_id: null };
  });

export const payContribution = (caller: RequestCaller, id: string) =>
  act(caller, id, 'pay', async () => ({ status: 'paid' }));

/** A contribution's receipt as it was received (the person, their manager, ICT), audited. */
export async function readReceipt(caller: RequestCaller, id: string) {
  const row = await visibleRequest(caller, id);
  const file = await findReceipt(caller.db, id);
  if (!file?.receipt) throw notFound('equipment.receipt.not_found', { request: id });
  await writeAudit(caller.db, caller.actor, {
    action: 'equipment.receipt_read',
    objectType: 'equipment_request',
    objectId: row.id,
    summary: { person: row.person_id },
  });
  return {
    name: file.receipt_name ?? 'receipt',
    type: file.receipt_type ?? 'application/octet-stream',
    bytes: file.receipt,
  };
}
