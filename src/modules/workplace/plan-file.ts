import { type Static, Type } from 'typebox';
import { DeskFeature, LocalizedName, Metres, PlanId, PlanPoint, WorkplaceLimits } from './contract.js';

// The plan file `relais desks import-plan` loads: the format of demo/floorplans/botanique.json.

const PlanDesk = Type.Object(
  {
    id: PlanId,
    zone: PlanId,
    x: Metres,
    y: Metres,
    features: Type.Array(DeskFeature, { maxItems: WorkplaceLimits.featuresMax, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type PlanDesk = Static<typeof PlanDesk>;

const PlanZone = Type.Object(
  {
    id: PlanId,
    name: LocalizedName,
    polygon: Type.Array(PlanPoint, { minItems: 3, maxItems: WorkplaceLimits.polygonPointsMax }),
    /** How many desks the zone should hold: a check on the file, not stored. */
    desks: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type PlanZone = Static<typeof PlanZone>;

const PlanFloor = Type.Object(
  {
    id: PlanId,
    level: Type.Integer({ minimum: -20, maximum: 200 }),
    name: LocalizedName,
    zones: Type.Array(PlanZone, { minItems: 1, maxItems: 1_000 }),
    desks: Type.Array(PlanDesk, { maxItems: 100_000 }),
  },
  { additionalProperties: false },
);
export type PlanFloor = Static<typeof PlanFloor>;

export const PlanFile = Type.Object(
  {
    site: Type.Object(
      {
        id: PlanId,
        name: Type.String({ minLength: 1, maxLength: WorkplaceLimits.nameMax }),
        address: Type.String({ maxLength: 500 }),
        timezone: Type.String({ minLength: 1, maxLength: 64 }),
      },
      { additionalProperties: false },
    ),
    floors: Type.Array(PlanFloor, { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type PlanFile = Static<typeof PlanFile>;
