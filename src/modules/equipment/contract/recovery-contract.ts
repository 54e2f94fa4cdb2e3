import { type Static, Type } from 'typebox';
import { Asset, AssetLimits } from './asset-contract.js';
import { AssetTag } from './vocabulary.js';

// Recovered equipment: the desks blocked for distancing with the units on them, and ICT's
// "collected" that returns units to a stock room. TypeBox only.

export const RecoveryList = Type.Object({
  desks: Type.Array(
    Type.Object({
      desk: Type.String(),
      reason: Type.Union([Type.String(), Type.Null()]),
      assets: Type.Array(Asset),
    }),
  ),
});
export type RecoveryList = Static<typeof RecoveryList>;

export const RecoveryCollect = Type.Object(
  {
    tags: Type.Array(AssetTag, { minItems: 1, maxItems: 500, uniqueItems: true }),
    site: Type.String({
      minLength: 1,
      maxLength: AssetLimits.siteMax,
      pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
      description: 'The site whose stock room receives the units',
    }),
    note: Type.Optional(Type.String({ maxLength: AssetLimits.noteMax })),
  },
  { additionalProperties: false },
);
export type RecoveryCollect = Static<typeof RecoveryCollect>;

export const RecoveryResult = Type.Object({ recovered: Type.Array(Asset) });
export type RecoveryResult = Static<typeof RecoveryResult>;
