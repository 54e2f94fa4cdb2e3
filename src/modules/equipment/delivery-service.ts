import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import type { IdentitySource } from '../../platform/auth/identity.js';
import { brusselsDay, nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { idsOfUsernames, staffCardsOf } from '../directory/index.js';
import type {
  Delivery,
  DeliveryCreate,
  DeliveryDelivered,
  DeliveryItem,
  DeliveryList,
  DeliveryListQuery,
  DeliveryReturned,
  DeliveryShipping,
  ReadyList,
} from './delivery-contract.js';
import { shippedMail } from './delivery-mail.js';
import {
  acceptancesOfDeliveries,
  assetsByIds,
  type Db,
  findDelivery,
  forOtherModules,
  type ItemView,
  insertDelivery,
  itemsOfDeliveries,
  listDeliveries,
  liveBatchesOf,
  moveAsset,
  readyRequests,
  requestsByIds,
  reservedKitRequests,
  setRequestsStatus,
  updateDelivery,
} from './delivery-repository.js';
import {
  type BatchCandidate,
  batchProblems,
  type DeliveryStep,
  daysOfIsoWeek,
  instantsOfDays,
  signedForProblem,
  stepAllowed,
} from './delivery-rules.js';
import type { DeliveryRow } from './tables.js';

// A delivery batch's life as use cases: ICT prepares it from one person's reserved requests, ships
// it (the person gets a mail) or hands it over at a site, records the carrier's signed-for day, or
// takes it back when the carrier brings it back. Each step moves the batch, its requests and its
// units together, with the units' history and an audit entry, in one transaction.

/** Who looks: their id, whether they run deliveries (ICT) and whether they read reports. */
export type Viewer = { id: string | null; canManage: boolean; canReport: boolean };
/** Where mails are sent from: the people's addresses and the link's base. */
export type Notifier = { identities: IdentitySource; publicUrl: string };
export type Caller = { db: Db; actor: AuditActor; viewer: Viewer; today: string; notifier: Notifier | null };

const newId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

export async function namesOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; language: string }>> {
  const cards = await staffCardsOf(forOtherModules(db), ids);
  return new Map([...cards].map(([id, card]) => [id, { name: card.name, language: card.language }]));
}

/** A username as a person's id, or a 400 naming `field`. */
export async function personIdOf(db: Db, username: string, field: string): Promise<string> {
  const id = (await idsOfUsernames(forOtherModules(db), [username])).get(username);
  if (!id) throw invalid([{ field, code: 'equipment.delivery.person_not_found', params: { username } }]);
  return id;
}

function toItem(item: ItemView): DeliveryItem {
  return {
    requestId: item.request_id,
    requestStatus: item.request_status,
    assetId: item.asset_id,
    assetTag: item.asset_tag,
    type: item.type,
    model: item.model,
    serial: item.serial,
  };
}

export async function toDeliveries(db: Db, rows: readonly DeliveryRow[]): Promise<Delivery[]> {
  const ids = rows.map((row) => row.id);
  const [items, acceptances, names] = await Promise.all([
    itemsOfDeliveries(db, ids),
    acceptancesOfDeliveries(db, ids),
    namesOf(
      db,
      rows.map((row) => row.person_id),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    personName: names.get(row.person_id)?.name ?? row.person_id,
    mode: row.mode as Delivery['mode'],
    status: row.status as Delivery['status'],
    address: row.address,
    site: row.site,
    carrier: row.carrier,
    carrierRef: row.carrier_ref,
    shippedAt: row.shipped_at,
    deliveredAt: row.delivered_at,
    signedForOn: row.signed_for_on,
    returnedAt: row.returned_at,
    createdAt: row.created_at,
    acceptedAt: acceptances.get(row.id)?.accepted_at ?? null,
    items: items.filter((item) => item.delivery_id === row.id).map(toItem),
  }));
}

/** A batch the viewer may see: ICT and report readers see all, a person their own (else 404). */
export async function visibleDelivery(db: Db, viewer: Viewer, id: string): Promise<DeliveryRow> {
  const row = await findDelivery(db, id);
  if (!row || !(viewer.canManage || viewer.canReport || row.person_id === viewer.id))
    throw notFound('equipment.delivery.not_found', { id });
  return row;
}

export async function deliveryDetail(caller: Caller, id: string): Promise<Delivery> {
  const row = await visibleDelivery(caller.db, caller.viewer, id);
  if (row.person_id !== caller.viewer.id)
    await writeAudit(caller.db, caller.actor, {
      action: 'equipment.delivery_read',
      objectType: 'equipment_delivery',
      objectId: id,
    });
  return (await toDeliveries(caller.db, [row]))[0]!;
}

/** Whose deliveries a list shows: ICT and report readers anyone's (by `person`), others their own. */
export async function ownerFilter(caller: Caller, person: string | undefined): Promise<string | undefined> {
  const { viewer, db } = caller;
  if (viewer.canManage || viewer.canReport) return person ? personIdOf(db, person, 'person') : undefined;
  if (!viewer.id) throw new AppError('equipment.delivery.only_own', 403);
  if (person) {
    const id = await personIdOf(db, person, 'person');
    if (id !== viewer.id) throw new AppError('equipment.delivery.only_own', 403);
  }
  return viewer.id;
}

export async function deliveryList(caller: Caller, query: DeliveryListQuery): Promise<DeliveryList> {
  const { db, actor, viewer } = caller;
  const personId = await ownerFilter(caller, query.person);
  let between: { from: string; to: string } | undefined;
  if (query.week) {
    const days = daysOfIsoWeek(query.week);
    if (!days)
      throw invalid([
        { field: 'week', code: 'equipment.delivery.week_unknown', params: { week: query.week } },
      ]);
    between = instantsOfDays(days.from, days.to);
  }
  const { rows, total } = await listDeliveries(
    db,
    { personId, status: query.status, mode: query.mode, between },
    { limit: query.limit ?? 50, offset: query.offset ?? 0 },
  );
  if (personId !== viewer.id && rows.length > 0)
    await writeAudit(db, actor, {
      action: 'equipment.delivery_list_read',
      objectType: 'equipment_delivery',
      summary: { person: query.person ?? null, count: rows.length },
    });
  return { items: await toDeliveries(db, rows), total };
}

/** Reserved units not in a batch yet, per person (the kits together): what ICT can ship. */
export async function readyToShip(db: Db): Promise<ReadyList> {
  const rows = await readyRequests(db);
  const names = await namesOf(
    db,
    rows.map((row) => row.person_id),
  );
  const people = new Map<string, ReadyList['items'][number]>();
  for (const row of rows) {
    let person = people.get(row.person_id);
    if (!person) {
      person = {
        personId: row.person_id,
        personName: names.get(row.person_id)?.name ?? row.person_id,
        requests: [],
      };
      people.set(row.person_id, person);
    }
    person.requests.push({
      requestId: row.id,
      type: row.type,
      kitId: row.kit_id,
      delivery: row.delivery,
      address: row.address,
      site: row.site,
      dueOn: row.due_on,
      assetTag: row.asset_tag,
      model: row.model,
      serial: row.serial,
    });
  }
  return { items: [...people.values()].sort((a, b) => a.personName.localeCompare(b.personName)) };
}

/** ICT prepares a batch for one person from their reserved requests; a kit's other units join it. */
export async function createDelivery(caller: Caller, input: DeliveryCreate): Promise<Delivery> {
  const { db, actor } = caller;
  const id = newId('DLV');
  await withTransaction(
    db,
    async (trx) => {
      const wanted = [...new Set(input.requests)];
      const first = await requestsByIds(trx, wanted);
      const kits = [
        ...new Set(
          [...first.values()].filter((r) => r.status === 'reserved' && r.kit_id).map((r) => r.kit_id!),
        ),
      ];
      const mates = (await reservedKitRequests(trx, kits)).filter((mate) => !wanted.includes(mate));
      const all = [...wanted, ...mates];
      const requests = mates.length ? await requestsByIds(trx, all) : first;
      const batches = await liveBatchesOf(trx, all);
      const candidates = new Map<string, BatchCandidate>(
        [...requests.values()].map((r) => [
          r.id,
          {
            id: r.id,
            personId: r.person_id,
            status: r.status,
            kind: r.kind,
            assetId: r.asset_id,
            kitId: r.kit_id,
            inBatch: batches.get(r.id) ?? null,
          },
        ]),
      );
      const requestAddress = [...requests.values()].find((r) => r.address?.trim())?.address ?? null;
      const problems = batchProblems(all, candidates, input, requestAddress);
      if (problems.length) throw invalid(problems);
      const chosen = all.map((requestId) => requests.get(requestId)!);
      const at = nowInstant();
      await insertDelivery(
        trx,
        {
          id,
          person_id: chosen[0]!.person_id,
          mode: input.mode,
          address: input.mode === 'home' ? (input.address ?? requestAddress ?? '').trim() : null,
          site: input.mode === 'site' ? input.site!.trim() : null,
          carrier: input.mode === 'home' ? input.carrier?.trim() || null : null,
          carrier_ref: input.mode === 'home' ? input.carrierRef?.trim() || null : null,
          status: 'prepared',
          shipped_at: null,
          delivered_at: null,
          signed_for_on: null,
          returned_at: null,
          created_by: actor.id,
          created_at: at,
          updated_at: at,
        },
        chosen.map((r) => ({ requestId: r.id, assetId: r.asset_id! })),
      );
      await writeAudit(trx, actor, {
        action: 'equipment.delivery_created',
        objectType: 'equipment_delivery',
        objectId: id,
        summary: { mode: input.mode, requests: all },
      });
    },
    { isolation: 'serializable' },
  );
  return deliveryDetail(caller, id);
}

const PAST = { ship: 'shipped', deliver: 'delivered', return: 'returned', accept: 'accepted' } as const;

type StepContext = { trx: Db; row: DeliveryRow; items: ItemView[]; at: string };

/** Runs one step on a batch ICT may see, refusing it (409) when its status does not allow it. */
async function advance(
  caller: Caller,
  id: string,
  step: DeliveryStep,
  work: (context: StepContext) => Promise<void>,
): Promise<Delivery> {
  const { db, actor, viewer } = caller;
  await withTransaction(
    db,
    async (trx) => {
      const row = await visibleDelivery(trx, viewer, id);
      const accepted = (await acceptancesOfDeliveries(trx, [id])).has(id);
      if (!stepAllowed(step, row.status, { signedForOn: row.signed_for_on, accepted }))
        throw conflict(
          accepted && step !== 'ship'
            ? 'equipment.delivery.already_accepted'
            : 'equipment.delivery.step_not_allowed',
          {
            status: row.status,
          },
        );
      const items = await itemsOfDeliveries(trx, [id]);
      const at = nowInstant();
      await work({ trx, row, items, at });
      await writeAudit(trx, actor, {
        action: `equipment.delivery_${PAST[step]}`,
        objectType: 'equipment_delivery',
        objectId: id,
      });
    },
    { isolation: 'serializable' },
  );
  return deliveryDetail(caller, id);
}

/** The units of a batch, each checked to still be where the batch expects it. */
async function unitsOf(trx: Db, items: readonly ItemView[], expected: readonly string[]) {
  const assets = await assetsByIds(
    trx,
    items.map((item) => item.asset_id),
  );
  return items.map((item) => {
    const asset = assets.get(item.asset_id)!;
    if (!expected.includes(asset.status) || asset.request_id !== item.request_id)
      throw conflict('equipment.delivery.asset_moved', { tag: asset.asset_tag, status: asset.status });
    return { item, asset };
  });
}

/**
 * Ships a home batch (status shipped; units with the carrier; the person gets a mail), or hands a
 * site batch over: shipped and delivered at once, the units assigned to the person at that site.
 */
export function shipDelivery(caller: Caller, id: string, shipping: DeliveryShipping): Promise<Delivery> {
  return advance(caller, id, 'ship', async ({ trx, row, items, at }) => {
    const units = await unitsOf(trx, items, ['reserved']);
    const requestIds = items.map((item) => item.request_id);
    if (row.mode === 'site') {
      await updateDelivery(trx, id, 'prepared', {
        status: 'delivered',
        shipped_at: at,
        delivered_at: at,
        signed_for_on: caller.today,
        updated_at: at,
      });
      await setRequestsStatus(trx, requestIds, 'delivered', at);
      for (const { asset, item } of units)
        await moveAsset(
          trx,
          asset,
          {
            status: 'assigned',
            location: 'desk',
            site: row.site,
            desk: null,
            holderId: row.person_id,
            requestId: item.request_id,
          },
          { kind: 'handed_over', at, actorId: caller.actor.id, deliveryId: id },
        );
      return;
    }
    const carrier = shipping.carrier?.trim() || row.carrier;
    const carrierRef = shipping.carrierRef?.trim() || row.carrier_ref;
    await updateDelivery(trx, id, 'prepared', {
      status: 'shipped',
      shipped_at: at,
      carrier,
      carrier_ref: carrierRef,
      updated_at: at,
    });
    await setRequestsStatus(trx, requestIds, 'shipped', at);
    // The unit keeps the site it left from: a parcel the carrier brings back returns there.
    for (const { asset, item } of units)
      await moveAsset(
        trx,
        asset,
        {
          status: 'in_transit',
          location: 'carrier',
          site: asset.site,
          desk: null,
          holderId: row.person_id,
          requestId: item.request_id,
        },
        { kind: 'shipped', at, actorId: caller.actor.id, deliveryId: id },
      );
    await mailShipped(caller, trx, { ...row, carrier, carrier_ref: carrierRef }, items);
  });
}

async function mailShipped(
  caller: Caller,
  trx: Db,
  row: DeliveryRow,
  items: readonly ItemView[],
): Promise<void> {
  const { notifier } = caller;
  if (!notifier) return;
  const reader = await notifier.identities.findById(trx, row.person_id);
  if (!reader?.email) return;
  const name = (await namesOf(trx, [row.person_id])).get(row.person_id)?.name ?? '';
  await enqueueMail(trx, {
    to: reader.email,
    ...shippedMail(reader.language, {
      id: row.id,
      name,
      items: items.map((item) => ({
        assetTag: item.asset_tag,
        type: item.type,
        model: item.model,
        serial: item.serial,
      })),
      address: row.address,
      carrier: row.carrier,
      carrierRef: row.carrier_ref,
      link: `${notifier.publicUrl}/equipment`,
    }),
    isAutomatic: true,
    source: 'equipment',
    objectRef: row.id,
  });
}

/**
 * The carrier's proof: the person signed for the parcel that day. The units are then at the
 * person's home, assigned to them. On a batch the person already confirmed, only the day is recorded.
 */
export function deliverDelivery(caller: Caller, id: string, input: DeliveryDelivered): Promise<Delivery> {
  return advance(caller, id, 'deliver', async ({ trx, row, items, at }) => {
    const shippedDay = row.shipped_at ? brusselsDay(row.shipped_at) : null;
    const problem = signedForProblem(input.signedForOn, caller.today, shippedDay);
    if (problem) throw invalid([problem]);
    if (row.status === 'delivered') {
      await updateDelivery(trx, id, 'delivered', { signed_for_on: input.signedForOn, updated_at: at });
      return;
    }
    const units = await unitsOf(trx, items, ['in_transit']);
    await updateDelivery(trx, id, 'shipped', {
      status: 'delivered',
      delivered_at: at,
      signed_for_on: input.signedForOn,
      updated_at: at,
    });
    await setRequestsStatus(
      trx,
      items.map((item) => item.request_id),
      'delivered',
      at,
    );
    for (const { asset, item } of units)
      await moveAsset(
        trx,
        asset,
        {
          status: 'assigned',
          location: 'home',
          site: null,
          desk: null,
          holderId: row.person_id,
          requestId: item.request_id,
        },
        { kind: 'delivered', at, actorId: caller.actor.id, deliveryId: id },
      );
  });
}

/**
 * The carrier brought the parcel back (nobody home, wrong address). The units go back to the stock
 * room they left, still reserved for their requests, and the requests back to `reserved`: the
 * person still needs them, so ICT ships them again in a new batch (a corrected address) without
 * the person asking twice, and no other request can take those units meanwhile.
 */
export function returnDelivery(caller: Caller, id: string, input: DeliveryReturned): Promise<Delivery> {
  return advance(caller, id, 'return', async ({ trx, row, items, at }) => {
    const units = await unitsOf(trx, items, ['in_transit']);
    await updateDelivery(trx, id, 'shipped', { status: 'returned', returned_at: at, updated_at: at });
    await setRequestsStatus(
      trx,
      items.map((item) => item.request_id),
      'reserved',
      at,
    );
    for (const { asset, item } of units)
      await moveAsset(
        trx,
        asset,
        {
          status: 'reserved',
          location: 'stock',
          site: asset.site,
          desk: null,
          holderId: row.person_id,
          requestId: item.request_id,
        },
        { kind: 'returned', at, actorId: caller.actor.id, deliveryId: id, note: input.note?.trim() || null },
      );
  });
}
