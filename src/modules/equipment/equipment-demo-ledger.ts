import type { AssetLocation, AssetStatus, DeliveryStatus, RequestStatus } from './contract.js';
import { digestOf, frozenItems } from './delivery-rules.js';
import type { DemoModel } from './equipment-demo-catalogue.js';
import type { EquipmentTables } from './tables.js';

// The demo's rows built in memory, in the order things happened, so that every asset's current
// state is the end of its own history and the whole year goes to the database in a few batched
// inserts (the first `npm start` waits for it).

type Tables = EquipmentTables;
type Asset = Tables['equipment_asset'];
type Request = Tables['equipment_request'];

/** Where a move leaves a unit. A field left out becomes null, except the site, kept. */
export type Place = {
  location: AssetLocation;
  site?: string | null;
  desk?: string | null;
  holder?: string | null;
  request?: string | null;
};

export type Step = Place & {
  at: string;
  kind: string;
  status: AssetStatus;
  actor?: string | null;
  delivery?: string | null;
  note?: string | null;
};

export class DemoLedger {
  readonly assets: Asset[] = [];
  readonly moves: Tables['equipment_asset_move'][] = [];
  readonly requests: Request[] = [];
  readonly deliveries: Tables['equipment_delivery'][] = [];
  readonly deliveryItems: Tables['equipment_delivery_item'][] = [];
  readonly acceptances: Tables['equipment_acceptance'][] = [];
  private readonly counters = new Map<string, number>();

  constructor(readonly random: () => number) {}

  /** A version 4 UUID drawn from the demo's sequence. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(this.random() * 4)]!;
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** A new unit: its tag and serial numbered per kind, its first move `registered`. */
  register(model: DemoModel, step: Omit<Step, 'kind'>): Asset {
    const n = (this.counters.get(model.tag) ?? 0) + 1;
    this.counters.set(model.tag, n);
    const digits = Array.from({ length: 7 }, () => Math.floor(this.random() * 10)).join('');
    const asset: Asset = {
      id: this.uuid(),
      asset_tag: `RSVZ-${model.tag}-${String(n).padStart(5, '0')}`,
      type: model.type,
      model: model.model,
      serial: `${model.serial}${digits}${String(n).padStart(3, '0')}`,
      status: step.status,
      location: step.location,
      site: null,
      desk: null,
      holder_id: null,
      request_id: null,
      created_at: step.at,
      updated_at: step.at,
      version: 0,
    };
    this.assets.push(asset);
    this.move(asset, { ...step, kind: 'registered' });
    return asset;
  }

  /** One step of a unit's life: the move in its history and the unit's state after it. */
  move(asset: Asset, step: Step): void {
    const from = asset.version === 0 ? null : asset.status;
    asset.status = step.status;
    asset.location = step.location;
    if (step.site !== undefined) asset.site = step.site;
    asset.desk = step.desk ?? null;
    asset.holder_id = step.holder ?? null;
    asset.request_id = step.request ?? null;
    asset.updated_at = step.at;
    asset.version += 1;
    this.moves.push({
      id: this.uuid(),
      asset_id: asset.id,
      at: step.at,
      actor_id: step.actor ?? null,
      kind: step.kind,
      from_status: from,
      to_status: step.status,
      location: step.location,
      site: asset.site,
      desk: asset.desk,
      holder_id: asset.holder_id,
      request_id: asset.request_id,
      delivery_id: step.delivery ?? null,
      note: step.note ?? null,
    });
  }

  request(fields: Partial<Request> & Pick<Request, 'person_id' | 'type' | 'created_at'>): Request {
    const row: Request = {
      id: this.uuid(),
      kind: 'item',
      status: 'open',
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
      created_by: fields.person_id,
      updated_at: fields.created_at,
      version: 1,
      ...fields,
    };
    this.requests.push(row);
    return row;
  }

  setStatus(request: Request, status: RequestStatus, at: string): void {
    request.status = status;
    request.updated_at = at;
    request.version += 1;
  }

  delivery(
    fields: Partial<Tables['equipment_delivery']> & { person_id: string; mode: string; created_at: string },
  ) {
    const row: Tables['equipment_delivery'] = {
      id: this.uuid(),
      address: null,
      site: null,
      carrier: null,
      carrier_ref: null,
      status: 'prepared' satisfies DeliveryStatus,
      shipped_at: null,
      delivered_at: null,
      signed_for_on: null,
      returned_at: null,
      created_by: null,
      updated_at: fields.created_at,
      ...fields,
    };
    this.deliveries.push(row);
    return row;
  }

  /** The person's signed receipt of these units, frozen as received with its SHA-256. */
  accept(personId: string, deliveryId: string | null, units: Asset[], at: string): void {
    // Frozen and fingerprinted as the application freezes a person's confirmation.
    const items = frozenItems(
      units.map((u) => ({ assetTag: u.asset_tag, type: u.type, model: u.model, serial: u.serial })),
    );
    this.acceptances.push({
      id: this.uuid(),
      person_id: personId,
      delivery_id: deliveryId,
      accepted_at: at,
      items,
      digest: digestOf(items),
    });
  }
}
