import { type Static, Type } from 'typebox';
import { Instant } from '../../../platform/http/contract.js';
import { PersonRef } from './asset-contract.js';
import { AssetTypeSchema } from './vocabulary.js';

// The stock report and "who has what at home": wire shapes (TypeBox only).

export const FileQuery = Type.Object(
  {
    format: Type.Optional(Type.Enum(['csv', 'xlsx'], { description: 'The table as a file' })),
    lang: Type.Optional(Type.Enum(['fr', 'nl', 'en'], { description: "The file's words" })),
  },
  { additionalProperties: false },
);
export type FileQuery = Static<typeof FileQuery>;

const Threshold = Type.Union([Type.Integer(), Type.Null()], { description: 'Null: no low-stock threshold' });

export const StockReport = Type.Object({
  /** Per type, every type listed: the total in stock against its threshold. */
  types: Type.Array(
    Type.Object({
      type: AssetTypeSchema,
      inStock: Type.Integer(),
      threshold: Threshold,
      isLow: Type.Boolean(),
    }),
  ),
  /** Per type and site (null: no site recorded), only where units are. */
  rows: Type.Array(
    Type.Object({
      type: AssetTypeSchema,
      site: Type.Union([Type.String(), Type.Null()]),
      inStock: Type.Integer(),
      threshold: Threshold,
      isLow: Type.Boolean({ description: "The type's whole stock is under its threshold" }),
    }),
  ),
});
export type StockReport = Static<typeof StockReport>;

export const HomeReport = Type.Object({
  people: Type.Integer(),
  items: Type.Array(
    Type.Object({
      person: PersonRef,
      unit: Type.Union([Type.String(), Type.Null()]),
      tag: Type.String(),
      type: AssetTypeSchema,
      model: Type.String(),
      serial: Type.Union([Type.String(), Type.Null()]),
      since: Instant,
    }),
  ),
});
export type HomeReport = Static<typeof HomeReport>;
