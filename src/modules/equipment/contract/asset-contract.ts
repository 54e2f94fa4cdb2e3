import { type Static, Type } from 'typebox';
import { Instant } from '../../../platform/http/contract.js';
import { AssetLocationSchema, AssetStatusSchema, AssetTag, AssetTypeSchema } from './vocabulary.js';

// The assets' wire shapes: the list and its search, one asset with its history, registering and
// changing one, the CSV import and the label sheet. TypeBox only (the web app reads it).

export const AssetLimits = {
  modelMax: 120,
  serialMax: 80,
  siteMax: 40,
  deskMax: 60,
  noteMax: 500,
  queryMax: 100,
  pageMax: 200,
  importRowsMax: 20_000,
  labelsMax: 2_000,
} as const;

/** The header of an import file, exactly. */
export const ASSET_IMPORT_COLUMNS = ['asset_tag', 'type', 'model', 'serial', 'status', 'site'] as const;

/** What PATCH and the import may set; reserved and in_transit belong to requests and deliveries. */
export const SETTABLE_STATUSES = ['in_stock', 'assigned', 'in_repair', 'retired'] as const;
export const SettableStatusSchema = Type.Enum([...SETTABLE_STATUSES]);

const Serial = Type.String({ minLength: 1, maxLength: AssetLimits.serialMax, pattern: '^\\S(.*\\S)?$' });
const Site = Type.String({
  minLength: 1,
  maxLength: AssetLimits.siteMax,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
});
const Desk = Type.String({
  minLength: 1,
  maxLength: AssetLimits.deskMax,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
});
const Model = Type.String({ minLength: 1, maxLength: AssetLimits.modelMax, pattern: '\\S' });

export const PersonRef = Type.Object({ id: Type.String(), name: Type.String() });
export type PersonRef = Static<typeof PersonRef>;

export const Asset = Type.Object({
  tag: Type.String(),
  type: AssetTypeSchema,
  model: Type.String(),
  serial: Type.Union([Type.String(), Type.Null()]),
  status: AssetStatusSchema,
  location: AssetLocationSchema,
  site: Type.Union([Type.String(), Type.Null()]),
  desk: Type.Union([Type.String(), Type.Null()]),
  holder: Type.Union([PersonRef, Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  updatedAt: Instant,
  version: Type.Integer(),
});
export type Asset = Static<typeof Asset>;

export const AssetMove = Type.Object({
  at: Instant,
  kind: Type.String({
    description: 'registered, imported, reserved, shipped, recovered, repaired, retired, edited…',
  }),
  fromStatus: Type.Union([AssetStatusSchema, Type.Null()]),
  toStatus: AssetStatusSchema,
  location: AssetLocationSchema,
  site: Type.Union([Type.String(), Type.Null()]),
  desk: Type.Union([Type.String(), Type.Null()]),
  holder: Type.Union([PersonRef, Type.Null()]),
  actor: Type.Union([PersonRef, Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  deliveryId: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type AssetMove = Static<typeof AssetMove>;

export const AssetDetail = Type.Intersect([Asset, Type.Object({ moves: Type.Array(AssetMove) })]);
export type AssetDetail = Static<typeof AssetDetail>;

export const AssetList = Type.Object({
  items: Type.Array(Asset),
  total: Type.Integer({ description: 'How many assets match, exactly unless `totalIsLowerBound`' }),
  totalIsLowerBound: Type.Boolean({
    description:
      'True when counting stopped (past 1,000 matches, or past the page asked for): more than `total` assets match',
  }),
});
export type AssetList = Static<typeof AssetList>;

/** The filters of the list, the label sheet and the downloads. */
const filters = {
  type: Type.Optional(AssetTypeSchema),
  status: Type.Optional(AssetStatusSchema),
  q: Type.Optional(
    Type.String({
      maxLength: AssetLimits.queryMax,
      description: "The start of a tag, a serial or a model, or part of the holder's name or username",
    }),
  ),
};
export const AssetFilter = Type.Object(filters, { additionalProperties: false });
export type AssetFilter = Static<typeof AssetFilter>;

export const AssetQuery = Type.Object(
  {
    ...filters,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: AssetLimits.pageMax, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
    format: Type.Optional(Type.Enum(['csv', 'xlsx'], { description: 'Every asset of the filter as a file' })),
    lang: Type.Optional(Type.Enum(['fr', 'nl', 'en'], { description: "The file's words" })),
  },
  { additionalProperties: false },
);
export type AssetQuery = Static<typeof AssetQuery>;

export const AssetParams = Type.Object({ tag: AssetTag });
export type AssetParams = Static<typeof AssetParams>;

export const AssetInput = Type.Object(
  {
    tag: AssetTag,
    type: AssetTypeSchema,
    model: Model,
    serial: Type.Optional(Type.Union([Serial, Type.Null()])),
    status: Type.Optional(SettableStatusSchema),
    site: Type.Optional(Type.Union([Site, Type.Null()])),
    desk: Type.Optional(Type.Union([Desk, Type.Null()])),
    note: Type.Optional(Type.String({ maxLength: AssetLimits.noteMax })),
  },
  { additionalProperties: false },
);
export type AssetInput = Static<typeof AssetInput>;

export const AssetChange = Type.Object(
  {
    model: Type.Optional(Model),
    serial: Type.Optional(Type.Union([Serial, Type.Null()])),
    status: Type.Optional(SettableStatusSchema),
    site: Type.Optional(Type.Union([Site, Type.Null()])),
    desk: Type.Optional(Type.Union([Desk, Type.Null()])),
    note: Type.Optional(Type.String({ maxLength: AssetLimits.noteMax })),
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'The version the change was made on: refused if the asset changed since',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AssetChange = Static<typeof AssetChange>;

export const AssetImportBody = Type.Object(
  {
    csv: Type.String({
      minLength: 1,
      maxLength: 2_000_000,
      description: `The CSV file, header row \`${ASSET_IMPORT_COLUMNS.join(',')}\` first`,
    }),
  },
  { additionalProperties: false },
);
export type AssetImportBody = Static<typeof AssetImportBody>;

export const AssetImportResult = Type.Object({ imported: Type.Integer() });
export type AssetImportResult = Static<typeof AssetImportResult>;

export const AssetLabelQuery = AssetFilter;
