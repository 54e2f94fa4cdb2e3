import { type Static, Type } from 'typebox';

// What the web app may know of the telework module: the wire shapes of its routes, the vocabularies
// and the limits. TypeBox only, so the browser bundle pulls in no server code.

// ---- Statistics (issue 14, points 4 and 5) ------------------------------------------------------

/** The regimes an imported agreement may have. */
export const STAT_REGIMES = ['structural', 'occasional'] as const;
export type StatRegime = (typeof STAT_REGIMES)[number];

/** Days a week a structural agreement may carry, in half days (GLOSSARY: at most 3 for a full-time job). */
export const STRUCTURAL_DAYS_PER_WEEK = [1, 1.5, 2, 2.5, 3] as const;

/** The columns of the import files, in this order, as their first row (demo/telework/<organisation>/). */
export const EMPLOYEE_COLUMNS = [
  'employee_id',
  'org_unit',
  'hired_on',
  'left_on',
  'occupation_pct',
  'teleworkable',
] as const;
export const AGREEMENT_COLUMNS = [
  'employee_id',
  'regime',
  'days_per_week',
  'start_date',
  'end_date',
] as const;

/** Limits the server applies and the web forms share. */
export const TeleworkStatLimits = {
  organisationNameMax: 200,
  /** Years a report spans at most. */
  yearsMax: 50,
  firstYear: 1900,
  lastYear: 2199,
  /** Rows of one import file at most. */
  rowsMax: 500_000,
} as const;

const Year = Type.Integer({
  minimum: TeleworkStatLimits.firstYear,
  maximum: TeleworkStatLimits.lastYear,
  example: 2009,
});
/** The organisation's key: lower-case words joined by dashes, from its name (`spf-securite-sociale`). */
export const StatOrganisationId = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 200 });
/** The day of the year a snapshot is taken, `MM-DD` (default 12-31; 02-29 is 28 February in a common year). */
export const SnapshotDay = Type.String({
  pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  example: '12-31',
  description: 'The day of each year the snapshot is taken, MM-DD (default 12-31)',
});

/** One year's figures, with the names of the JSON report of the issue (and of expected-report.json). */
export const StatisticsRow = Type.Object({
  year: Type.Integer(),
  headcount: Type.Integer(),
  teleworkers: Type.Integer(),
  teleworkers_pct: Type.Number(),
  structural: Type.Integer(),
  structural_pct: Type.Number(),
  occasional: Type.Integer(),
  occasional_pct: Type.Number(),
  structural_by_days_per_week: Type.Record(Type.String(), Type.Integer(), {
    description: 'Structural teleworkers by days a week ("1", "1.5", …); a count of zero is left out',
  }),
});
export type StatisticsRow = Static<typeof StatisticsRow>;

export const StatisticsReport = Type.Object({
  organisation: Type.String(),
  /** The snapshot day, `MM-DD`. */
  at: Type.String(),
  target_pct: Type.Union([Type.Number(), Type.Null()]),
  rows: Type.Array(StatisticsRow),
});
export type StatisticsReport = Static<typeof StatisticsReport>;

export const StatisticsQuery = Type.Object(
  {
    org: StatOrganisationId,
    from: Year,
    to: Year,
    at: Type.Optional(SnapshotDay),
    format: Type.Optional(
      Type.Enum(['csv', 'xlsx'], { description: 'Download the report as a file instead of JSON' }),
    ),
    lang: Type.Optional(
      Type.Enum(['fr', 'nl', 'en'], { description: "The file's labels (default: the caller's language)" }),
    ),
  },
  { additionalProperties: false },
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;

export const StatOrganisation = Type.Object({
  id: StatOrganisationId,
  name: Type.String(),
  targetPct: Type.Union([Type.Number(), Type.Null()]),
  employees: Type.Integer(),
  agreements: Type.Integer(),
  firstYear: Type.Union([Type.Integer(), Type.Null()]),
  lastYear: Type.Union([Type.Integer(), Type.Null()]),
  importedAt: Type.Union([Type.String(), Type.Null()]),
});
export type StatOrganisation = Static<typeof StatOrganisation>;
export const StatOrganisationList = Type.Object({ items: Type.Array(StatOrganisation) });
export type StatOrganisationList = Static<typeof StatOrganisationList>;

export const StatOrganisationParams = Type.Object({ org: StatOrganisationId });
/** A target share of staff teleworking, shown as a line on the chart; null removes it. */
export const StatTargetChange = Type.Object(
  { targetPct: Type.Union([Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.01 }), Type.Null()]) },
  { additionalProperties: false },
);
export type StatTargetChange = Static<typeof StatTargetChange>;
