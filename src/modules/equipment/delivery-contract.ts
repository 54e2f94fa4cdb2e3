import { type Static, Type } from 'typebox';
import { Instant, IsoDate, Nullable, Pagination } from '../../platform/http/contract.js';

// The wire shapes of deliveries, signed receipt and returns (issue 15, points 3 and 6): the batches
// ICT ships or hands over, the person's acceptance, the units given back and their receipt, and
// the deliveries report. TypeBox only.

// Kept here rather than imported from contract.ts, which re-exports this file (no import loop).
const DELIVERY_MODES = ['home', 'site'] as const;
const DELIVERY_STATUSES = ['prepared', 'shipped', 'delivered', 'returned'] as const;
const ASSET_TYPES = [
  'laptop',
  'screen',
  'docking_station',
  'headset',
  'keyboard',
  'mouse',
  'phone',
  'chair',
  'other',
] as const;

/** Limits the server applies and the web forms share. */
export const DeliveryLimits = {
  addressMax: 500,
  carrierMax: 100,
  carrierRefMax: 100,
  siteMax: 40,
  requestsMax: 50,
  assetsMax: 100,
  reasonMax: 1000,
} as const;

const Lang = Type.Optional(
  Type.Enum(['fr', 'nl', 'en'], { description: "The file's words (default: the caller's language)" }),
);
const FileFormat = Type.Optional(
  Type.Enum(['csv', 'xlsx'], { description: 'Download every matching row as a file' }),
);
/** A site's code, as the workplace module names its sites. */
const SiteCode = Type.String({
  minLength: 1,
  maxLength: DeliveryLimits.siteMax,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$',
  example: 'botanique',
});
const Username = Type.String({ minLength: 1, maxLength: 100, example: 'emma.peeters' });
/** An ISO week, `2020-W12`. */
export const IsoWeek = Type.String({
  pattern: '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$',
  example: '2020-W12',
});

/** One unit as the person signs for it or gives it back: frozen in acceptances and returns. */
export const ReceiptItem = Type.Object({
  assetTag: Type.String(),
  type: Type.String(),
  model: Type.String(),
  serial: Nullable(Type.String()),
});
export type ReceiptItem = Static<typeof ReceiptItem>;

export const DeliveryItem = Type.Object({
  requestId: Type.String(),
  requestStatus: Type.String(),
  assetId: Type.String(),
  assetTag: Type.String(),
  type: Type.String(),
  model: Type.String(),
  serial: Nullable(Type.String()),
});
export type DeliveryItem = Static<typeof DeliveryItem>;

export const Delivery = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  mode: Type.Enum([...DELIVERY_MODES]),
  status: Type.Enum([...DELIVERY_STATUSES]),
  address: Nullable(Type.String()),
  site: Nullable(Type.String()),
  carrier: Nullable(Type.String()),
  carrierRef: Nullable(Type.String()),
  shippedAt: Nullable(Instant),
  deliveredAt: Nullable(Instant),
  signedForOn: Nullable(IsoDate),
  returnedAt: Nullable(Instant),
  createdAt: Instant,
  /** When the person confirmed receipt, if they did. */
  acceptedAt: Nullable(Instant),
  items: Type.Array(DeliveryItem),
});
export type Delivery = Static<typeof Delivery>;
export const DeliveryList = Type.Object({ items: Type.Array(Delivery), total: Type.Integer() });
export type DeliveryList = Static<typeof DeliveryList>;

export const DeliveryListQuery = Type.Object(
  {
    ...Pagination,
    status: Type.Optional(Type.Enum([...DELIVERY_STATUSES])),
    mode: Type.Optional(Type.Enum([...DELIVERY_MODES])),
    /** A username; ICT only (staff always see their own). */
    person: Type.Optional(Username),
    /** The week it shipped (or was prepared, before it ships). */
    week: Type.Optional(IsoWeek),
    format: FileFormat,
    lang: Lang,
  },
  { additionalProperties: false },
);
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;

export const DeliveryParams = Type.Object({ delivery: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * A new batch for one person from their reserved requests: shipped `home` to an address (by
 * default the requests' own) or handed over at a `site`. A kit's other reserved requests join it.
 */
export const DeliveryCreate = Type.Object(
  {
    requests: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      minItems: 1,
      maxItems: DeliveryLimits.requestsMax,
    }),
    mode: Type.Enum([...DELIVERY_MODES]),
    address: Type.Optional(Type.String({ maxLength: DeliveryLimits.addressMax })),
    carrier: Type.Optional(Type.String({ maxLength: DeliveryLimits.carrierMax })),
    carrierRef: Type.Optional(Type.String({ maxLength: DeliveryLimits.carrierRefMax })),
    site: Type.Optional(SiteCode),
  },
  { additionalProperties: false },
);
export type DeliveryCreate = Static<typeof DeliveryCreate>;

export const DeliveryShipping = Type.Object(
  {
    carrier: Type.Optional(Type.String({ maxLength: DeliveryLimits.carrierMax })),
    carrierRef: Type.Optional(Type.String({ maxLength: DeliveryLimits.carrierRefMax })),
  },
  { additionalProperties: false },
);
export type DeliveryShipping = Static<typeof DeliveryShipping>;

/** The carrier's proof: the day the person signed for the parcel (not in the future). */
export const DeliveryDelivered = Type.Object({ signedForOn: IsoDate }, { additionalProperties: false });
export type DeliveryDelivered = Static<typeof DeliveryDelivered>;

export const DeliveryReturned = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: DeliveryLimits.reasonMax })) },
  { additionalProperties: false },
);
export type DeliveryReturned = Static<typeof DeliveryReturned>;

/** A reserved unit not yet in a batch, per person: what ICT can ship. */
export const ReadyRequest = Type.Object({
  requestId: Type.String(),
  type: Type.String(),
  kitId: Nullable(Type.String()),
  delivery: Nullable(Type.String()),
  address: Nullable(Type.String()),
  site: Nullable(Type.String()),
  dueOn: Nullable(IsoDate),
  assetTag: Type.String(),
  model: Type.String(),
  serial: Nullable(Type.String()),
});
export type ReadyRequest = Static<typeof ReadyRequest>;
export const ReadyPerson = Type.Object({
  personId: Type.String(),
  personName: Type.String(),
  requests: Type.Array(ReadyRequest),
});
export type ReadyPerson = Static<typeof ReadyPerson>;
export const ReadyList = Type.Object({ items: Type.Array(ReadyPerson) });
export type ReadyList = Static<typeof ReadyList>;

// ---- Acceptances ------------------------------------------------------------------------------

export const Acceptance = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  deliveryId: Nullable(Type.String()),
  acceptedAt: Instant,
  items: Type.Array(ReceiptItem),
  /** SHA-256 (hex) of the frozen items as stored. */
  digest: Type.String(),
});
export type Acceptance = Static<typeof Acceptance>;
export const AcceptanceList = Type.Object({ items: Type.Array(Acceptance) });
export type AcceptanceList = Static<typeof AcceptanceList>;
export const AcceptanceQuery = Type.Object(
  { person: Type.Optional(Username) },
  { additionalProperties: false },
);
export type AcceptanceQuery = Static<typeof AcceptanceQuery>;

// ---- Returns ----------------------------------------------------------------------------------

export const ReturnCreate = Type.Object(
  {
    person: Username,
    assets: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
      minItems: 1,
      maxItems: DeliveryLimits.assetsMax,
    }),
    /** The site whose stock room takes them back. */
    site: SiteCode,
    reason: Type.Optional(Type.String({ maxLength: DeliveryLimits.reasonMax })),
  },
  { additionalProperties: false },
);
export type ReturnCreate = Static<typeof ReturnCreate>;
export const EquipmentReturn = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  site: Type.String(),
  returnedOn: IsoDate,
  reason: Nullable(Type.String()),
  items: Type.Array(ReceiptItem),
  digest: Type.String(),
  createdAt: Instant,
});
export type EquipmentReturn = Static<typeof EquipmentReturn>;
export const ReturnList = Type.Object({ items: Type.Array(EquipmentReturn) });
export type ReturnList = Static<typeof ReturnList>;
export const ReturnQuery = Type.Object({ person: Type.Optional(Username) }, { additionalProperties: false });
export type ReturnQuery = Static<typeof ReturnQuery>;
export const ReturnParams = Type.Object({ return: Type.String({ minLength: 1, maxLength: 64 }) });

// ---- Report -----------------------------------------------------------------------------------

export const DeliveryReportQuery = Type.Object(
  {
    by: Type.Optional(Type.Enum(['week', 'month'], { default: 'month' })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    mode: Type.Optional(Type.Enum([...DELIVERY_MODES])),
    format: FileFormat,
    lang: Lang,
  },
  { additionalProperties: false },
);
export type DeliveryReportQuery = Static<typeof DeliveryReportQuery>;
const TypeCounts = Type.Object(
  Object.fromEntries(ASSET_TYPES.map((type) => [type, Type.Integer()])) as Record<
    (typeof ASSET_TYPES)[number],
    ReturnType<typeof Type.Integer>
  >,
);
/** Units shipped (or handed over) in one week (`2020-W12`) or month (`2020-03`), by type. */
export const DeliveryReportRow = Type.Object({
  period: Type.String(),
  units: Type.Integer(),
  byType: TypeCounts,
});
export type DeliveryReportRow = Static<typeof DeliveryReportRow>;
export const DeliveryReport = Type.Object({
  by: Type.Enum(['week', 'month']),
  rows: Type.Array(DeliveryReportRow),
  total: Type.Integer(),
});
export type DeliveryReport = Static<typeof DeliveryReport>;
