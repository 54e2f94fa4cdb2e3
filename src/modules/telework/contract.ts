import { type Static, Type } from 'typebox';
import {
  ContentLanguage,
  Instant,
  IsoDate,
  Nullable,
  Page,
  Pagination,
} from '../../platform/http/contract.js';

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
  /** The institution's crisis measures in force during the years of the report ("the reports show the period"). */
  crisisMeasures: Type.Array(
    Type.Object({
      kind: Type.String(),
      title: Type.Object({ fr: Type.String(), nl: Type.String() }),
      startDate: IsoDate,
      endDate: Nullable(IsoDate),
    }),
  ),
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

// ---- Agreements (issue 14, point 1) -------------------------------------------------------------

/**
 * How a person teleworks: `structural` on fixed weekdays (a written agreement, CCT 85), `occasional`
 * case by case within a monthly number of days (law of 5 March 2017), or `mixed` (both).
 */
export const REGIMES = ['structural', 'occasional', 'mixed'] as const;
export const Regime = Type.Enum([...REGIMES]);
export type Regime = Static<typeof Regime>;

/**
 * An agreement's life. Requested by the employee; approved by the manager (then by HR where the
 * policy asks it: `awaiting_hr`); a written agreement (structural or mixed) is then signed by both
 * parties (`awaiting_signatures`) before it is `approved`, frozen. `refused` carries a reason;
 * `withdrawn` is the employee's own cancelling of a request not yet decided.
 */
export const AGREEMENT_STATUSES = [
  'requested',
  'awaiting_hr',
  'awaiting_signatures',
  'approved',
  'refused',
  'withdrawn',
] as const;
export const AgreementStatus = Type.Enum([...AGREEMENT_STATUSES]);
export type AgreementStatus = Static<typeof AgreementStatus>;

/** The working days a structural agreement's days fall on. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const Weekday = Type.Enum([...WEEKDAYS]);
export type Weekday = Static<typeof Weekday>;
/** A whole day, or its morning or afternoon: the same words as a desk booking's slot. */
export const DAY_PARTS = ['day', 'am', 'pm'] as const;
export const DayPart = Type.Enum([...DAY_PARTS]);
export type DayPart = Static<typeof DayPart>;

export const TeleworkLimits = {
  textMax: 2000,
  reasonMax: 1000,
  /** Days a month an occasional (or mixed) agreement may carry at most, whatever the policy says. */
  monthlyDaysMax: 23,
  weeklyDaysMax: 5,
  functionsMax: 500,
} as const;

const Text = (description: string, maxLength: number = TeleworkLimits.textMax) =>
  Type.String({ minLength: 1, maxLength, description });
const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', example: '09:00' });

/** One telework day of a structural agreement: a weekday, whole or half. */
export const AgreementDay = Type.Object({ day: Weekday, part: DayPart }, { additionalProperties: false });
export type AgreementDay = Static<typeof AgreementDay>;

/**
 * The clauses a written (structural) agreement must hold (CCT 85, art. 6): where the work is done,
 * when the teleworker can be reached, the equipment and the costs paid, how work is followed up,
 * and how the agreement ends. Occasional agreements hold the place and reachability only.
 */
export const AgreementClauses = Type.Object(
  {
    place: Text('Where the telework is done (the home address, or another agreed place)', 500),
    reachableFrom: ClockTime,
    reachableTo: ClockTime,
    equipment: Type.Optional(Text('The equipment the employer provides (kit, screen, chair…)')),
    costs: Type.Optional(Text('The costs the employer pays (the monthly allowance, connection…)')),
    followUp: Type.Optional(Text('How the work is followed up (team meetings, results agreed…)')),
    ending: Type.Optional(Text('How the agreement ends (notice period, return to the office)')),
  },
  { additionalProperties: false },
);
export type AgreementClauses = Static<typeof AgreementClauses>;

/** What the employee asks for. */
export const AgreementRequest = Type.Object(
  {
    regime: Regime,
    /** Structural and mixed: days a week in half days, on `weekdays`. */
    daysPerWeek: Type.Optional(Type.Number({ minimum: 0.5, maximum: TeleworkLimits.weeklyDaysMax })),
    weekdays: Type.Optional(Type.Array(AgreementDay, { maxItems: 5 })),
    /** Occasional and mixed: days a month at most, asked for case by case. */
    monthlyDays: Type.Optional(Type.Number({ minimum: 0.5, maximum: TeleworkLimits.monthlyDaysMax })),
    startDate: IsoDate,
    /** Inclusive; omitted for an agreement of indefinite duration. */
    endDate: Type.Optional(IsoDate),
    clauses: AgreementClauses,
    /** Why, in the employee's words (optional). */
    motivation: Type.Optional(Text('Why the employee asks', TeleworkLimits.reasonMax)),
  },
  { additionalProperties: false },
);
export type AgreementRequest = Static<typeof AgreementRequest>;

export const AgreementDecision = Type.Object(
  {
    decision: Type.Enum(['approve', 'refuse']),
    /** Required to refuse: told to the employee. */
    reason: Type.Optional(Text('Why it is refused', TeleworkLimits.reasonMax)),
  },
  { additionalProperties: false },
);
export type AgreementDecision = Static<typeof AgreementDecision>;

/** Ending an approved agreement early (either party): the last day of telework under it. */
export const AgreementEnding = Type.Object(
  { endDate: IsoDate, reason: Text('Why it ends', TeleworkLimits.reasonMax) },
  { additionalProperties: false },
);
export type AgreementEnding = Static<typeof AgreementEnding>;

const Signature = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  at: Instant,
});

export const AGREEMENT_EVENTS = [
  'requested',
  'approved_by_manager',
  'approved_by_hr',
  'refused',
  'withdrawn',
  'signed_by_employee',
  'signed_by_employer',
  'ended',
] as const;
export const AgreementEventKind = Type.Enum([...AGREEMENT_EVENTS]);
export type AgreementEventKind = Static<typeof AgreementEventKind>;

/** One step of an agreement's history: who did what, when. */
export const AgreementEvent = Type.Object({
  kind: AgreementEventKind,
  at: Instant,
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  /** The refusal's or the ending's reason. */
  reason: Nullable(Type.String()),
});
export type AgreementEvent = Static<typeof AgreementEvent>;

export const Agreement = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  /** The person's language: the PDF puts it first. */
  personLanguage: ContentLanguage,
  regime: Regime,
  status: AgreementStatus,
  daysPerWeek: Nullable(Type.Number()),
  weekdays: Type.Array(AgreementDay),
  monthlyDays: Nullable(Type.Number()),
  startDate: IsoDate,
  endDate: Nullable(IsoDate),
  clauses: AgreementClauses,
  motivation: Nullable(Type.String()),
  /** The manager who decides (the person's manager when it was requested). */
  managerId: Nullable(Type.String()),
  managerName: Nullable(Type.String()),
  /** Whether the agreement must be signed by both parties (structural and mixed). */
  written: Type.Boolean(),
  employeeSignature: Nullable(Signature),
  employerSignature: Nullable(Signature),
  /** The SHA-256 of the signed text, frozen when the second party signed. */
  signedDigest: Nullable(Type.String()),
  refusalReason: Nullable(Type.String()),
  requestedAt: Instant,
  updatedAt: Instant,
  /** Optimistic concurrency: send it back as If-Match when deciding or signing. */
  version: Type.Integer(),
});
export type Agreement = Static<typeof Agreement>;

export const AGREEMENT_ACTIONS = ['approve', 'refuse', 'sign', 'withdraw', 'end'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];
export const AgreementDetail = Type.Object({
  ...Agreement.properties,
  history: Type.Array(AgreementEvent),
  /** What the viewer may do now (the buttons the screen shows). */
  actions: Type.Array(Type.Enum([...AGREEMENT_ACTIONS])),
});
export type AgreementDetail = Static<typeof AgreementDetail>;

export const AgreementParams = Type.Object({ agreement: Type.String({ maxLength: 64 }) });

export const AgreementListQuery = Type.Object(
  {
    ...Pagination,
    /** `mine` (default), `team` (a manager's people, awaiting their decision first), `all` (HR). */
    scope: Type.Optional(Type.Enum(['mine', 'team', 'all'])),
    status: Type.Optional(AgreementStatus),
    format: Type.Optional(
      Type.Enum(['csv', 'xlsx'], { description: 'Download the list as a file instead of JSON' }),
    ),
    lang: Type.Optional(
      Type.Enum(['fr', 'nl', 'en'], { description: "The file's words (default: the caller's language)" }),
    ),
  },
  { additionalProperties: false },
);
export type AgreementListQuery = Static<typeof AgreementListQuery>;
export const AgreementList = Page(Agreement);
export type AgreementList = Static<typeof AgreementList>;

/** What the request form needs to know before asking: eligibility and the person's caps. */
export const Eligibility = Type.Object({
  eligible: Type.Boolean(),
  /** Why not, as a code (`telework.function_not_teleworkable`, `telework.no_profile`). */
  reason: Nullable(Type.String()),
  functionName: Nullable(Type.String()),
  occupationPct: Nullable(Type.Integer()),
  /** Structural days a week at most (prorated, rounded down to the half day). */
  weeklyCapDays: Type.Number(),
  /** Telework days a month at most (structural counted as four weeks, plus occasional). */
  monthlyCapDays: Type.Number(),
  needsHrApproval: Type.Boolean(),
});
export type Eligibility = Static<typeof Eligibility>;

// ---- The institution's policy, functions and staff profiles (HR) ------------------------------

export const Policy = Type.Object(
  {
    /** Structural days a week for a full-time job (default 3), prorated to the occupation. */
    weeklyCapDays: Type.Number({ minimum: 0.5, maximum: 5, multipleOf: 0.5 }),
    /** Telework days a month for a full-time job, when the institution caps by month (e.g. 8); null: four weeks of the weekly cap. */
    monthlyCapDays: Nullable(Type.Number({ minimum: 0.5, maximum: 23, multipleOf: 0.5 })),
    /** Whether HR approves after the manager. */
    hrApproval: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Policy = Static<typeof Policy>;

export const TeleworkFunction = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 }),
    name: Type.Object(
      { fr: Text('Name in French', 200), nl: Text('Name in Dutch', 200) },
      { additionalProperties: false },
    ),
    teleworkable: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type TeleworkFunction = Static<typeof TeleworkFunction>;
export const TeleworkFunctionList = Type.Object({ items: Type.Array(TeleworkFunction) });

/** A member of staff's function and occupation, from which eligibility and caps follow. */
export const StaffProfile = Type.Object(
  {
    functionCode: TeleworkFunction.properties.code,
    occupationPct: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type StaffProfile = Static<typeof StaffProfile>;
export const PersonParams = Type.Object({ person: Type.String({ maxLength: 64 }) });

// ---- Crisis measures --------------------------------------------------------------------------

/**
 * A measure for a period that overrides the caps without touching each agreement: `mandatory`
 * (telework is the rule on every working day, except the listed people and functions not
 * teleworkable) or `relaxed` (the weekly cap is raised to `weeklyCapDays`).
 */
export const CRISIS_KINDS = ['mandatory', 'relaxed'] as const;
export const CrisisKind = Type.Enum([...CRISIS_KINDS]);
export type CrisisKind = Static<typeof CrisisKind>;

export const CrisisMeasureInput = Type.Object(
  {
    kind: CrisisKind,
    title: Type.Object(
      { fr: Text('Title in French', 200), nl: Text('Title in Dutch', 200) },
      { additionalProperties: false },
    ),
    startDate: IsoDate,
    endDate: Type.Optional(IsoDate),
    /** Organisation unit codes it applies to; omitted or empty: the whole institution. */
    orgUnits: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 })),
    /** People it does not apply to (ids), e.g. those who keep the mail room open. */
    exceptions: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 1000 })),
    /** `relaxed` only: the weekly cap during the measure (full-time, prorated). */
    weeklyCapDays: Type.Optional(Type.Number({ minimum: 0.5, maximum: 5, multipleOf: 0.5 })),
  },
  { additionalProperties: false },
);
export type CrisisMeasureInput = Static<typeof CrisisMeasureInput>;
export const CrisisMeasure = Type.Object({
  ...CrisisMeasureInput.properties,
  id: Type.String(),
  endDate: Nullable(IsoDate),
  orgUnits: Type.Array(Type.String()),
  exceptions: Type.Array(Type.String()),
  weeklyCapDays: Nullable(Type.Number()),
  createdAt: Instant,
});
export type CrisisMeasure = Static<typeof CrisisMeasure>;
export const CrisisMeasureList = Type.Object({ items: Type.Array(CrisisMeasure) });
export const CrisisMeasureParams = Type.Object({ measure: Type.String({ maxLength: 64 }) });

// ---- Allowances (issue 14, point 3) -----------------------------------------------------------

/**
 * What an allowance pays for: the internet connection (20-25 euros a month in 2014) or, later, the
 * office costs of working from home.
 */
export const ALLOWANCE_KINDS = ['connection', 'office_costs'] as const;
export const AllowanceKind = Type.Enum([...ALLOWANCE_KINDS]);
export type AllowanceKind = Static<typeof AllowanceKind>;

/**
 * How a rate's monthly amount is prorated for a person: `none` (the full amount), `occupation`
 * (amount × occupation %), `days` (by the agreement's telework days a month against the rate's
 * `fullDays`, at most the full amount). Every rule is also prorated by the calendar days of the
 * month the person's agreement covers.
 */
export const ALLOWANCE_PRORATIONS = ['none', 'occupation', 'days'] as const;
export const AllowanceProration = Type.Enum([...ALLOWANCE_PRORATIONS]);
export type AllowanceProration = Static<typeof AllowanceProration>;

export const AllowanceLimits = {
  /** 10,000 euros a month: far above any allowance, low enough to catch a typing slip. */
  monthlyCentsMax: 1_000_000,
  fullDaysMax: 23,
} as const;

export const AllowanceRateInput = Type.Object(
  {
    kind: AllowanceKind,
    label: Type.Object(
      { fr: Text('Label in French', 200), nl: Text('Label in Dutch', 200) },
      { additionalProperties: false },
    ),
    /** The full monthly amount in euro cents (2000 = 20.00 €). */
    monthlyCents: Type.Integer({ minimum: 0, maximum: AllowanceLimits.monthlyCentsMax, example: 2000 }),
    startDate: IsoDate,
    /** Inclusive; omitted while the rate runs. */
    endDate: Type.Optional(IsoDate),
    proration: AllowanceProration,
    /** `days` only: the telework days a month that earn the full amount (in half days). */
    fullDays: Type.Optional(
      Type.Number({ minimum: 0.5, maximum: AllowanceLimits.fullDaysMax, multipleOf: 0.5 }),
    ),
  },
  { additionalProperties: false },
);
export type AllowanceRateInput = Static<typeof AllowanceRateInput>;
export const AllowanceRate = Type.Object({
  ...AllowanceRateInput.properties,
  id: Type.String(),
  endDate: Nullable(IsoDate),
  fullDays: Nullable(Type.Number()),
  createdAt: Instant,
});
export type AllowanceRate = Static<typeof AllowanceRate>;
export const AllowanceRateList = Type.Object({ items: Type.Array(AllowanceRate) });
export type AllowanceRateList = Static<typeof AllowanceRateList>;
export const AllowanceRateParams = Type.Object({ rate: Type.String({ maxLength: 64 }) });
/** Ending a rate (or a crisis measure): its last day. */
export const PeriodEnding = Type.Object({ endDate: IsoDate }, { additionalProperties: false });
export type PeriodEnding = Static<typeof PeriodEnding>;

/** A month, `YYYY-MM`. */
export const Month = Type.String({ pattern: '^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$', example: '2021-03' });
export const PayrollQuery = Type.Object(
  {
    month: Month,
    format: Type.Optional(
      Type.Enum(['csv', 'xlsx'], { description: 'Download the list as a file (the total as its last row)' }),
    ),
    lang: Type.Optional(
      Type.Enum(['fr', 'nl', 'en'], { description: "The file's labels (default: the caller's language)" }),
    ),
  },
  { additionalProperties: false },
);
export type PayrollQuery = Static<typeof PayrollQuery>;

/** One allowance of one person in the month. */
export const PayrollAmount = Type.Object({
  rateId: Type.String(),
  kind: AllowanceKind,
  label: Type.Object({ fr: Type.String(), nl: Type.String() }),
  amountCents: Type.Integer(),
});
export type PayrollAmount = Static<typeof PayrollAmount>;
export const PayrollLine = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  orgUnit: Nullable(Type.String()),
  occupationPct: Type.Integer(),
  regime: Regime,
  /** Telework days a month of the agreement (structural days × 4 + occasional days). */
  monthlyDays: Type.Number(),
  /** Calendar days of the month an agreement covers. */
  coveredDays: Type.Integer(),
  amounts: Type.Array(PayrollAmount),
  amountCents: Type.Integer(),
});
export type PayrollLine = Static<typeof PayrollLine>;
/** Who is entitled to what for a month, sorted by name, and the total: what payroll pays. */
export const Payroll = Type.Object({
  month: Type.String(),
  daysInMonth: Type.Integer(),
  lines: Type.Array(PayrollLine),
  totalCents: Type.Integer(),
});
export type Payroll = Static<typeof Payroll>;

/** A crisis measure as the screens show it: the excepted people by name. */
export const CrisisMeasureView = Type.Object({
  ...CrisisMeasure.properties,
  exceptionPeople: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});
export type CrisisMeasureView = Static<typeof CrisisMeasureView>;
export const CrisisMeasureViewList = Type.Object({ items: Type.Array(CrisisMeasureView) });
export type CrisisMeasureViewList = Static<typeof CrisisMeasureViewList>;

// ---- Live figures (issue 14, point 5) -----------------------------------------------------------

const LiveTallyFields = {
  headcount: Type.Integer(),
  full: Type.Integer({
    description: 'Teleworks every working day (a mandatory measure, or five days a week)',
  }),
  partial: Type.Integer({ description: 'Teleworks some days (an agreement in force)' }),
  none: Type.Integer({
    description: 'Does not telework (no agreement, or a function that cannot be done from home)',
  }),
  home: Type.Integer({ description: 'At home that day (plan, else measure, else the agreement’s weekdays)' }),
  office: Type.Integer(),
  away: Type.Integer({ description: 'On leave or on a mission that day' }),
  full_pct: Type.Number(),
  partial_pct: Type.Number(),
  none_pct: Type.Number(),
  home_pct: Type.Number(),
};
export const LiveUnit = Type.Object({ code: Type.String(), name: Type.String(), ...LiveTallyFields });
export type LiveUnit = Static<typeof LiveUnit>;
export const LiveFigures = Type.Object({
  date: IsoDate,
  totals: Type.Object(LiveTallyFields),
  units: Type.Array(LiveUnit),
  /** The crisis measures in force that day, titles in the caller's language. */
  measures: Type.Array(Type.String()),
});
export type LiveFigures = Static<typeof LiveFigures>;
export const LiveQuery = Type.Object(
  {
    date: Type.Optional(IsoDate),
    format: Type.Optional(
      Type.Enum(['csv', 'xlsx'], { description: 'Download the figures per unit as a file' }),
    ),
    lang: Type.Optional(
      Type.Enum(['fr', 'nl', 'en'], { description: "The file's words (default: the caller's language)" }),
    ),
  },
  { additionalProperties: false },
);
export type LiveQuery = Static<typeof LiveQuery>;

// ---- Presence plan (issue 14, point 2) ----------------------------------------------------------

/** Where a person works a half day. */
export const PLACES = ['office', 'telework', 'leave', 'mission'] as const;
export const Place = Type.Enum([...PLACES]);
export type Place = Static<typeof Place>;
/** The halves of a day a plan is made of: agreements and desk bookings count in half days. */
export const HALVES = ['am', 'pm'] as const;
export type Half = (typeof HALVES)[number];

/**
 * Where a half day's place comes from: `saved` by the person, or pre-filled: `crisis` (a mandatory
 * measure), `agreement` (one of its telework days), `usual` (the office, the rest of the week).
 */
export const PRESENCE_SOURCES = ['saved', 'crisis', 'agreement', 'usual'] as const;
export const PresenceSource = Type.Enum([...PRESENCE_SOURCES]);
export type PresenceSource = Static<typeof PresenceSource>;

/** An ISO week (`2026-W50`) or any day of it; the default is this week. */
export const WeekParam = Type.String({
  pattern: '^[0-9]{4}-(W(0[1-9]|[1-4][0-9]|5[0-3])|(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))$',
  example: '2026-W50',
  description: 'An ISO week (2026-W50) or a day of it (2026-12-07); default this week',
});

export const PresenceWeekQuery = Type.Object(
  { week: Type.Optional(WeekParam) },
  { additionalProperties: false },
);
export type PresenceWeekQuery = Static<typeof PresenceWeekQuery>;

export const PresenceHalf = Type.Object({ place: Place, source: PresenceSource });
export type PresenceHalf = Static<typeof PresenceHalf>;

/** A desk the person has that day (booked through the plan or in the workplace pages). */
export const PresenceDesk = Type.Object({
  bookingId: Type.String(),
  desk: Type.String(),
  floor: Type.String(),
  site: Type.String(),
  slot: Type.Enum(['am', 'pm', 'day']),
});
export type PresenceDesk = Static<typeof PresenceDesk>;

export const PresenceDay = Type.Object({
  date: IsoDate,
  am: PresenceHalf,
  pm: PresenceHalf,
  desks: Type.Array(PresenceDesk),
});
export type PresenceDay = Static<typeof PresenceDay>;

/** Advice, not a refusal: the plan breaks the agreement, a cap or a crisis measure. */
export const PresenceWarning = Type.Object({
  code: Type.String(),
  /** The sentence in the caller's language. */
  message: Type.String(),
  /** The day it is about, or null for the week or the month. */
  date: Nullable(IsoDate),
});
export type PresenceWarning = Static<typeof PresenceWarning>;

export const PresenceWeek = Type.Object({
  person: Type.Object({ id: Type.String(), name: Type.String() }),
  /** `2026-W50`. */
  week: Type.String(),
  monday: IsoDate,
  /** Monday to Friday. */
  days: Type.Array(PresenceDay),
  /** Whether the person saved this week (else it is all pre-filled). */
  isSaved: Type.Boolean(),
  /** The agreement in force on the week's Monday (or its first day in force). */
  agreement: Nullable(
    Type.Object({
      id: Type.String(),
      regime: Regime,
      daysPerWeek: Nullable(Type.Number()),
      weekdays: Type.Array(AgreementDay),
      monthlyDays: Nullable(Type.Number()),
    }),
  ),
  /** The crisis measures covering the person during the week, titled in the caller's language. */
  crisisMeasures: Type.Array(
    Type.Object({ id: Type.String(), kind: CrisisKind, title: Type.String(), startDate: IsoDate }),
  ),
  /** Telework days planned in the week (a half day counts 0.5). */
  teleworkDays: Type.Number(),
  warnings: Type.Array(PresenceWarning),
});
export type PresenceWeek = Static<typeof PresenceWeek>;

/** One working day of a plan: both halves, and a desk to book when a half is at the office. */
export const PresencePlanDay = Type.Object(
  {
    date: IsoDate,
    am: Place,
    pm: Place,
    desk: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'A desk to book that day' }),
    ),
  },
  { additionalProperties: false },
);
export type PresencePlanDay = Static<typeof PresencePlanDay>;

/** The whole week at once (Monday to Friday), saved all or nothing with its desk bookings. */
export const PresencePlan = Type.Object(
  { week: WeekParam, days: Type.Array(PresencePlanDay, { minItems: 1, maxItems: 7 }) },
  { additionalProperties: false },
);
export type PresencePlan = Static<typeof PresencePlan>;

export const PresenceTeamQuery = Type.Object(
  {
    week: Type.Optional(WeekParam),
    /** HR and admins: an organisation unit's code instead of their own reports. */
    unit: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', minLength: 2, maxLength: 40 })),
    format: Type.Optional(Type.Enum(['csv', 'xlsx'], { description: 'Download the team week as a file' })),
    lang: Type.Optional(Type.Enum(['fr', 'nl', 'en'], { description: "The file's labels" })),
  },
  { additionalProperties: false },
);
export type PresenceTeamQuery = Static<typeof PresenceTeamQuery>;

export const PresenceTeamMember = Type.Object({
  person: Type.Object({ id: Type.String(), name: Type.String() }),
  days: Type.Array(
    Type.Object({ date: IsoDate, am: Place, pm: Place, hasDesk: Type.Boolean(), isSaved: Type.Boolean() }),
  ),
  /** How many warnings the person's week has (their week shows them in words). */
  warnings: Type.Integer(),
});
export type PresenceTeamMember = Static<typeof PresenceTeamMember>;

export const PresenceTeamDay = Type.Object({
  date: IsoDate,
  /** People with at least one half day at the office. */
  officePeople: Type.Integer(),
  /** Half days at the office over all half days of the team, in percent (two decimals). */
  officeShare: Type.Number(),
});
export type PresenceTeamDay = Static<typeof PresenceTeamDay>;

export const PresenceTeamWeek = Type.Object({
  week: Type.String(),
  monday: IsoDate,
  /** The unit shown, or null for the caller's direct reports. */
  unit: Nullable(Type.String()),
  members: Type.Array(PresenceTeamMember),
  days: Type.Array(PresenceTeamDay),
});
export type PresenceTeamWeek = Static<typeof PresenceTeamWeek>;
