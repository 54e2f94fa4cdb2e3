import { type Static, Type } from 'typebox';
import { AssetTypeSchema, DeliveryModeSchema, RequestStatusSchema } from './vocabulary.js';

// Wire shapes of profiles, type policies, requests (items and contributions), kits and the
// reservation of a unit. TypeBox only; re-exported by contract.ts, which the web app imports.

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Name = Type.String({ minLength: 1, maxLength: 120 });
const Day = Type.String({ format: 'date' });
const Username = Type.String({ minLength: 1, maxLength: 100 });

export const ProfileItemModeSchema = Type.Enum(['default', 'on_request']);
export const ProfileItem = Type.Object({ type: AssetTypeSchema, mode: ProfileItemModeSchema });
export type ProfileItem = Static<typeof ProfileItem>;

export const ProfileInput = Type.Object(
  {
    names: Type.Object({ fr: Name, nl: Name, en: Name }, { additionalProperties: false }),
    /** The telework function codes that get this profile. */
    functions: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 200 }),
    items: Type.Array(ProfileItem, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type ProfileInput = Static<typeof ProfileInput>;

export const Profile = Type.Object({
  id: Type.String(),
  names: Type.Object({ fr: Type.String(), nl: Type.String(), en: Type.String() }),
  functions: Type.Array(Type.String()),
  items: Type.Array(ProfileItem),
  updatedAt: Type.String(),
});
export type Profile = Static<typeof Profile>;

export const FunctionChoice = Type.Object({
  code: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
});
export const ProfileList = Type.Object({
  items: Type.Array(Profile),
  /** Every telework function, to map to a profile. */
  functions: Type.Array(FunctionChoice),
});
export type ProfileList = Static<typeof ProfileList>;
export const ProfileParams = Type.Object({ profile: Id });

export const TypePolicy = Type.Object({
  type: AssetTypeSchema,
  managerApproval: Type.Boolean(),
  /** In cents; null: no contribution for this type. */
  contributionCapCents: Type.Union([Type.Integer({ minimum: 0, maximum: 100_000_000 }), Type.Null()]),
  contributionPeriodMonths: Type.Union([Type.Integer({ minimum: 1, maximum: 120 }), Type.Null()]),
  lowStockThreshold: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
export type TypePolicy = Static<typeof TypePolicy>;
export const TypePolicyInput = Type.Omit(TypePolicy, ['type', 'updatedAt'], { additionalProperties: false });
export type TypePolicyInput = Static<typeof TypePolicyInput>;
export const TypePolicyList = Type.Object({ items: Type.Array(TypePolicy) });
export const TypePolicyParams = Type.Object({ type: AssetTypeSchema });

/** What the caller may ask for: their profile's items, and each type's contribution cap. */
export const MyProfile = Type.Object({
  profile: Type.Union([Profile, Type.Null()]),
  policies: Type.Array(TypePolicy),
});
export type MyProfile = Static<typeof MyProfile>;

export const NewRequest = Type.Object(
  {
    type: AssetTypeSchema,
    /** A username: ICT staff, or a manager for one of their reports. */
    person: Type.Optional(Username),
    delivery: DeliveryModeSchema,
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    site: Type.Optional(Type.String({ maxLength: 120 })),
  },
  { additionalProperties: false },
);
export type NewRequest = Static<typeof NewRequest>;

export const Receipt = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' }),
    content_type: Type.Optional(Type.String({ maxLength: 100 })),
    content_base64: Type.String({ minLength: 1, maxLength: 7_000_000, description: 'At most 5 MB' }),
  },
  { additionalProperties: false },
);
export const NewContribution = Type.Object(
  {
    type: AssetTypeSchema,
    person: Type.Optional(Username),
    /** In cents. */
    amount: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    receipt: Receipt,
  },
  { additionalProperties: false },
);
export type NewContribution = Static<typeof NewContribution>;

export const StepState = Type.Enum(['done', 'current', 'todo', 'stopped']);
export const RequestStep = Type.Object({ status: RequestStatusSchema, state: StepState });
export type RequestStep = Static<typeof RequestStep>;

export const RequestActions = Type.Array(
  Type.Enum(['approve', 'refuse', 'cancel', 'reserve', 'release', 'pay']),
);

export const EquipmentRequest = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['item', 'contribution']),
  type: AssetTypeSchema,
  status: RequestStatusSchema,
  personId: Type.String(),
  personName: Type.String(),
  delivery: Type.Union([DeliveryModeSchema, Type.Null()]),
  site: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  kitId: Type.Union([Type.String(), Type.Null()]),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  amount: Type.Union([Type.Integer(), Type.Null()]),
  receiptName: Type.Union([Type.String(), Type.Null()]),
  assetTag: Type.Union([Type.String(), Type.Null()]),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  refusalReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
  steps: Type.Array(RequestStep),
  actions: RequestActions,
});
export type EquipmentRequest = Static<typeof EquipmentRequest>;

export const RequestList = Type.Object({ items: Type.Array(EquipmentRequest), total: Type.Integer() });
export type RequestList = Static<typeof RequestList>;
export const RequestListQuery = Type.Object(
  {
    scope: Type.Optional(Type.Enum(['mine', 'team', 'all'])),
    status: Type.Optional(RequestStatusSchema),
    type: Type.Optional(AssetTypeSchema),
    kind: Type.Optional(Type.Enum(['item', 'contribution'])),
    /** Only kits (new colleagues' requests), ordered by due date. */
    kits: Type.Optional(Type.Boolean()),
    person: Type.Optional(Username),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type RequestListQuery = Static<typeof RequestListQuery>;
export const RequestParams = Type.Object({ request: Id });
export const RequestRefusal = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

/** The answer to a reservation: the request, and the unit set aside for it. */
export const Reservation = Type.Object({ request: EquipmentRequest, asset_tag: Type.String() });
export type Reservation = Static<typeof Reservation>;

export const KitRun = Type.Object({ kits: Type.Integer(), requests: Type.Integer() });
export type KitRun = Static<typeof KitRun>;

export const PendingAgeQuery = Type.Object(
  {
    format: Type.Optional(Type.Enum(['csv', 'xlsx'])),
    lang: Type.Optional(Type.Enum(['fr', 'nl', 'en'])),
  },
  { additionalProperties: false },
);
export const PendingRequestRow = Type.Object({
  id: Type.String(),
  personName: Type.String(),
  type: AssetTypeSchema,
  kind: Type.Enum(['item', 'contribution']),
  status: RequestStatusSchema,
  createdAt: Type.String(),
  ageDays: Type.Integer(),
  dueOn: Type.Union([Day, Type.Null()]),
});
export const PendingAgeReport = Type.Object({
  buckets: Type.Array(Type.Object({ bucket: Type.String(), count: Type.Integer() })),
  items: Type.Array(PendingRequestRow),
});
export type PendingAgeReport = Static<typeof PendingAgeReport>;

/** A unit the caller holds (at home, at their desk, reserved for them or on its way). */
export const HeldAsset = Type.Object({
  assetTag: Type.String(),
  type: AssetTypeSchema,
  model: Type.String(),
  serial: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  location: Type.String(),
});
export const HeldAssetList = Type.Object({ items: Type.Array(HeldAsset) });
export type HeldAssetList = Static<typeof HeldAssetList>;
