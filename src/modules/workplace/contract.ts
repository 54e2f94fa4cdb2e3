import { type Static, Type } from 'typebox';

// What the web app may know of the workplace module (desk booking): the wire shapes of every route,
// the vocabularies and the limits. TypeBox only, so the browser bundle pulls in no server code.

/** The parts of a day a desk is booked for: a `day` overlaps both halves. */
export const SLOTS = ['am', 'pm', 'day'] as const;
export const Slot = Type.Enum([...SLOTS], { description: 'am, pm, or day (both halves)' });
export type Slot = Static<typeof Slot>;

/** Why a booking is refused (409): the `reason` of the problem document, its code `workplace.<reason>`. */
export const REFUSAL_CODES = [
  'desk_taken',
  'too_close',
  'zone_full',
  'person_already_booked',
  'outside_horizon',
  'desk_blocked',
  'closed_day',
  'weekly_limit',
  'not_your_team_week',
] as const;
export const RefusalCode = Type.Enum([...REFUSAL_CODES]);
export type RefusalCode = Static<typeof RefusalCode>;

/** A booking's life: checked in at the desk, released when nobody came, or cancelled. */
export const BOOKING_STATUSES = ['booked', 'checked_in', 'released', 'cancelled'] as const;
export const BookingStatus = Type.Enum([...BOOKING_STATUSES]);
export type BookingStatus = Static<typeof BookingStatus>;

/** What a desk offers; the floor map filters on these. */
export const DESK_FEATURES = [
  'docking-station',
  'dual-screen',
  'height-adjustable',
  'wheelchair-accessible',
  'quiet-area',
] as const;
export const DeskFeature = Type.Enum([...DESK_FEATURES]);
export type DeskFeature = Static<typeof DeskFeature>;

/** How a desk shows on the floor map for a date and slot. */
export const DESK_STATES = ['free', 'taken', 'blocked', 'too_close'] as const;
export const DeskState = Type.Enum([...DESK_STATES]);
export type DeskState = Static<typeof DeskState>;

/** Limits the server applies and the web forms share. */
export const WorkplaceLimits = {
  idMax: 64,
  nameMax: 200,
  /** A plan's coordinates, in metres from the building's corner. */
  coordinateMax: 10_000,
  distanceMetresMax: 10,
  horizonDaysMax: 366,
  weeklyOfficeDaysMax: 7,
  closingDaysMax: 400,
  /** The longest period one booking list covers. */
  listDaysMax: 366,
  polygonPointsMax: 200,
  featuresMax: 20,
  teamsMax: 500,
  /** Weeks one recurring booking covers (the horizon refuses what lies beyond it). */
  recurringWeeksMax: 52,
  /** Bookings one notice about a rule change covers. */
  noticeBookingsMax: 1000,
};

/** The rules of a site when a facility manager has not changed them (the Belgian rules of 2020). */
export const DEFAULT_SITE_RULES = {
  minDistanceMetres: 1.5,
  zoneCapacity: null,
  horizonDays: 14,
  isWholeDaysOnly: false,
  weeklyOfficeDaysMax: null,
  closingDays: [],
  teamRotation: null,
  checkInBy: { am: '10:00', pm: '14:00' },
} as const;

// A calendar day, as the platform validates it (format `date`: a real day, 1900 to 2199).
const IsoDate = Type.String({ format: 'date', example: '2026-12-08' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** Ids as plan files write them: `botanique-03-A-001`. */
export const PlanId = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  minLength: 1,
  maxLength: WorkplaceLimits.idMax,
});
/** A person's username (the directory's rule). */
export const Username = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', minLength: 2, maxLength: 64 });

const Name = Type.String({ minLength: 1, maxLength: WorkplaceLimits.nameMax });
export const LocalizedName = Type.Object({ fr: Name, nl: Name, en: Name }, { additionalProperties: false });
export type LocalizedName = Static<typeof LocalizedName>;

/** A distance on a plan from the building's corner, in metres. */
export const Metres = Type.Number({ minimum: 0, maximum: WorkplaceLimits.coordinateMax });
/** A point of a plan, `[x, y]` in metres (an array of two: OpenAPI 3.0 has no tuples). */
export const PlanPoint = Type.Array(Metres, { minItems: 2, maxItems: 2 });
export type PlanPoint = Static<typeof PlanPoint>;

/**
 * Capacity of a zone: a number of people, or a percentage of the zone's desks. A site's applies to
 * every zone of it; a zone's own overrides it.
 */
export const ZoneCapacity = Type.Union([
  Type.Object({ people: Type.Integer({ minimum: 0, maximum: 10_000 }) }, { additionalProperties: false }),
  Type.Object({ percent: Type.Integer({ minimum: 0, maximum: 100 }) }, { additionalProperties: false }),
]);
export type ZoneCapacity = Static<typeof ZoneCapacity>;

/** Teams (organisation unit codes) that come in on odd and on even ISO weeks: the "bubbles" of 2020. */
export const TeamRotation = Type.Object(
  {
    oddWeeks: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
      maxItems: WorkplaceLimits.teamsMax,
    }),
    evenWeeks: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
      maxItems: WorkplaceLimits.teamsMax,
    }),
  },
  { additionalProperties: false },
);
export type TeamRotation = Static<typeof TeamRotation>;

/** A time of day, `HH:MM`, in Brussels time. */
export const TimeOfDay = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', example: '10:00' });

/**
 * When a booking must be checked in, or its desk goes back to the others: `am` for morning and
 * whole-day bookings, `pm` for afternoon ones.
 */
export const CheckInTimes = Type.Object({ am: TimeOfDay, pm: TimeOfDay }, { additionalProperties: false });
export type CheckInTimes = Static<typeof CheckInTimes>;

/** The booking rules of one site. */
export const SiteRules = Type.Object(
  {
    /** Least distance between two people on a floor in overlapping slots; 0 turns the rule off. */
    minDistanceMetres: Type.Number({ minimum: 0, maximum: WorkplaceLimits.distanceMetresMax }),
    /** Null: a zone holds as many people as it has desks. */
    zoneCapacity: Nullable(ZoneCapacity),
    /** How many days ahead a desk can be booked (today counts as 0). */
    horizonDays: Type.Integer({ minimum: 0, maximum: WorkplaceLimits.horizonDaysMax }),
    /** Only `day` bookings, so desks are cleaned overnight. */
    isWholeDaysOnly: Type.Boolean(),
    /** Office days a person may book per ISO week; null for no limit. */
    weeklyOfficeDaysMax: Nullable(Type.Integer({ minimum: 1, maximum: WorkplaceLimits.weeklyOfficeDaysMax })),
    /** Days the site is closed besides weekends and Belgian public holidays. */
    closingDays: Type.Array(IsoDate, { maxItems: WorkplaceLimits.closingDaysMax, uniqueItems: true }),
    teamRotation: Nullable(TeamRotation),
    /** Left out when saving: the defaults, 10:00 and 14:00. Always present when read. */
    checkInBy: Type.Optional(CheckInTimes),
  },
  { additionalProperties: false },
);
export type SiteRules = Static<typeof SiteRules>;

export const FloorSummary = Type.Object({
  id: Type.String(),
  level: Type.Integer(),
  name: LocalizedName,
  deskCount: Type.Integer(),
});
export type FloorSummary = Static<typeof FloorSummary>;

export const Site = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Type.String(),
  timezone: Type.String(),
  rules: SiteRules,
  floors: Type.Array(FloorSummary),
});
export type Site = Static<typeof Site>;
export const SiteList = Type.Object({ items: Type.Array(Site) });
export type SiteList = Static<typeof SiteList>;

/** A zone of a floor with its occupancy for the date and slot asked. */
export const ZoneOccupancy = Type.Object({
  id: Type.String(),
  name: LocalizedName,
  polygon: Type.Array(PlanPoint),
  deskCount: Type.Integer(),
  /** The people it takes at once: its own capacity, else the site's rule, else its desks. */
  capacity: Type.Integer(),
  /** The zone's own capacity (facility managers), overriding the site's; null: the site's applies. */
  ownCapacity: Nullable(ZoneCapacity),
  booked: Type.Integer(),
});
export type ZoneOccupancy = Static<typeof ZoneOccupancy>;

/** A desk as the floor map draws it for the date and slot asked. */
export const DeskOnMap = Type.Object({
  id: Type.String(),
  zone: Type.String(),
  x: Type.Number(),
  y: Type.Number(),
  features: Type.Array(Type.String()),
  state: DeskState,
  blockedReason: Nullable(Type.String()),
  isMine: Type.Boolean(),
});
export type DeskOnMap = Static<typeof DeskOnMap>;

export const FloorPlan = Type.Object({
  site: Type.String(),
  floor: FloorSummary,
  date: IsoDate,
  slot: Slot,
  minDistanceMetres: Type.Number(),
  /**
   * The zone of this floor where the reader's team (their organisation unit, themselves included)
   * sat most in the last eight weeks: "suggest a desk" looks there first. Null when none sat here.
   */
  teamZone: Nullable(Type.String()),
  zones: Type.Array(ZoneOccupancy),
  desks: Type.Array(DeskOnMap),
});
export type FloorPlan = Static<typeof FloorPlan>;

export const FloorParams = Type.Object({ floor: PlanId });
export const DeskParams = Type.Object({ desk: PlanId });
export const FloorPlanQuery = Type.Object(
  { date: IsoDate, slot: Type.Optional(Slot) },
  { additionalProperties: false },
);
export type FloorPlanQuery = Static<typeof FloorPlanQuery>;

/** `person` (a username) only for facility managers booking for someone else. */
export const NewBooking = Type.Object(
  { desk: PlanId, date: IsoDate, slot: Slot, person: Type.Optional(Username) },
  { additionalProperties: false },
);
export type NewBooking = Static<typeof NewBooking>;

export const Booking = Type.Object({
  id: Type.String(),
  desk: Type.String(),
  zone: Type.String(),
  floor: Type.String(),
  site: Type.String(),
  date: IsoDate,
  slot: Slot,
  status: BookingStatus,
  person: Type.Object({ id: Type.String(), name: Type.String() }),
  /** Whoever booked it, when not the person themselves (a facility manager). */
  bookedBy: Nullable(Type.String()),
  createdAt: Type.String(),
  /** Brussels time by which it must be checked in at the desk, or the desk goes back to the others. */
  checkInBy: TimeOfDay,
});
export type Booking = Static<typeof Booking>;
export const BookingList = Type.Object({ items: Type.Array(Booking) });
export type BookingList = Static<typeof BookingList>;

export const BookingParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * Where a person stands at a desk today (its QR code's page): a booking to check in, one checked in,
 * one released because nobody checked in by the deadline, or no booking of theirs on that desk.
 */
export const CHECK_IN_STANDINGS = ['can_check_in', 'checked_in', 'released', 'no_booking'] as const;
export const CheckInStanding = Type.Enum([...CHECK_IN_STANDINGS]);
export type CheckInStanding = Static<typeof CheckInStanding>;

/** A desk as its check-in page shows it, with the caller's booking of it today. */
export const DeskCheckIn = Type.Object({
  desk: Type.String(),
  zone: Type.Object({ id: Type.String(), name: LocalizedName }),
  floor: Type.Object({ id: Type.String(), name: LocalizedName }),
  site: Type.Object({ id: Type.String(), name: Type.String() }),
  date: IsoDate,
  standing: CheckInStanding,
  /** The caller's booking of this desk today that the standing is about, or null. */
  booking: Nullable(Booking),
  /** Brussels time (`10:00`) by which the booking must be checked in, or it is released. */
  deadline: Nullable(TimeOfDay),
  /** The site's check-in times, for the rule the page states. */
  checkInBy: CheckInTimes,
  checkedInAt: Nullable(Type.String()),
});
export type DeskCheckIn = Static<typeof DeskCheckIn>;
/** `person=me` (the default) or, for facility managers, a username; `from`/`to` default to the horizon. */
export const BookingsQuery = Type.Object(
  {
    person: Type.Optional(Type.Union([Type.Literal('me'), Username])),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type BookingsQuery = Static<typeof BookingsQuery>;

/** Every week on the weekday of `firstDate`, for `weeks` weeks: each date booked on its own. */
export const NewRecurringBooking = Type.Object(
  {
    desk: PlanId,
    firstDate: IsoDate,
    weeks: Type.Integer({ minimum: 1, maximum: WorkplaceLimits.recurringWeeksMax }),
    slot: Slot,
    person: Type.Optional(Username),
  },
  { additionalProperties: false },
);
export type NewRecurringBooking = Static<typeof NewRecurringBooking>;

/** A date of a recurring booking the rules refused, and why (in the caller's language). */
export const RefusedDate = Type.Object({
  date: IsoDate,
  reason: RefusalCode,
  message: Type.String(),
});
export type RefusedDate = Static<typeof RefusedDate>;

export const RecurringBookingReport = Type.Object({
  booked: Type.Array(Booking),
  refused: Type.Array(RefusedDate),
});
export type RecurringBookingReport = Static<typeof RecurringBookingReport>;

/** What a facility manager changes on a desk: its features, or blocked with a reason. */
export const DeskUpdate = Type.Object(
  {
    features: Type.Optional(
      Type.Array(DeskFeature, { maxItems: WorkplaceLimits.featuresMax, uniqueItems: true }),
    ),
    isBlocked: Type.Optional(Type.Boolean()),
    blockedReason: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type DeskUpdate = Static<typeof DeskUpdate>;

export const DeskSettings = Type.Object({
  id: Type.String(),
  features: Type.Array(Type.String()),
  isBlocked: Type.Boolean(),
  blockedReason: Nullable(Type.String()),
});
export type DeskSettings = Static<typeof DeskSettings>;

export const SiteParams = Type.Object({ site: PlanId });

/** A booking already made that the rules now refuse, with why (in the caller's language). */
export const RuleConflict = Type.Object({ booking: Booking, reason: RefusalCode, message: Type.String() });
export type RuleConflict = Static<typeof RuleConflict>;

/** New rules, and the bookings already made that they would now refuse (each with why). */
export const SiteRulesChange = Type.Object({
  rules: SiteRules,
  conflicts: Type.Array(RuleConflict),
});
export type SiteRulesChange = Static<typeof SiteRulesChange>;

export const ZoneParams = Type.Object({ zone: PlanId });

/** What a facility manager changes on a zone: its names, its own capacity (null: the site's). */
export const ZoneUpdate = Type.Object(
  {
    name: Type.Optional(LocalizedName),
    capacity: Type.Optional(Nullable(ZoneCapacity)),
  },
  { additionalProperties: false },
);
export type ZoneUpdate = Static<typeof ZoneUpdate>;

/** A zone as changed, and the bookings already made that its capacity now refuses (each with why). */
export const ZoneChange = Type.Object({
  zone: Type.Object({
    id: Type.String(),
    floor: Type.String(),
    site: Type.String(),
    name: LocalizedName,
    capacity: Nullable(ZoneCapacity),
  }),
  conflicts: Type.Array(RuleConflict),
});
export type ZoneChange = Static<typeof ZoneChange>;

/** The bookings (ids from the rule change's `conflicts`) whose people the facility manager tells. */
export const RuleBreakNotice = Type.Object(
  {
    bookings: Type.Array(Type.String({ format: 'uuid' }), {
      minItems: 1,
      maxItems: WorkplaceLimits.noticeBookingsMax,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);
export type RuleBreakNotice = Static<typeof RuleBreakNotice>;

/**
 * Who was told: `notified`, the bookings mailed about (each person once, all their bookings in one
 * mail); `notBroken`, those the site's rules no longer refuse (or not of this site), left out;
 * `withoutEmail`, broken bookings of people without an address.
 */
export const RuleBreakNoticeReport = Type.Object({
  people: Type.Integer({ minimum: 0 }),
  notified: Type.Array(Type.String()),
  notBroken: Type.Array(Type.String()),
  withoutEmail: Type.Array(Type.String()),
});
export type RuleBreakNoticeReport = Static<typeof RuleBreakNoticeReport>;

/**
 * The contact report (facility, HR, admin): who sat near a person over a period. `reason` is
 * recorded in the audit with every use; `format` downloads the report as a file.
 */
export const ContactReportQuery = Type.Object(
  {
    person: Username,
    from: IsoDate,
    to: IsoDate,
    /** Metres from the person's desk (default 2); anyone in the same zone counts too. */
    distance: Type.Optional(
      Type.Number({ minimum: 0, maximum: WorkplaceLimits.distanceMetresMax, default: 2 }),
    ),
    reason: Type.String({ minLength: 5, maxLength: 500 }),
    format: Type.Optional(
      Type.Enum(['csv', 'xlsx'], { description: 'Download the report as a file instead of JSON' }),
    ),
  },
  { additionalProperties: false },
);
export type ContactReportQuery = Static<typeof ContactReportQuery>;

export const ContactReport = Type.Object({
  person: Type.Object({ id: Type.String(), name: Type.String() }),
  from: IsoDate,
  to: IsoDate,
  distanceMetres: Type.Number(),
  contacts: Type.Array(
    Type.Object({
      person: Type.Object({ id: Type.String(), name: Type.String() }),
      date: IsoDate,
      slot: Slot,
      desk: Type.String(),
      floor: Type.String(),
      zone: Type.String(),
      /** The reported person's desk that day. */
      nearDesk: Type.String(),
      distanceMetres: Type.Number(),
      isSameZone: Type.Boolean(),
    }),
  ),
});
export type ContactReport = Static<typeof ContactReport>;

/** Occupancy figures of a site over a period (facility managers); `format` downloads them as a file. */
export const OccupancyQuery = Type.Object(
  {
    site: PlanId,
    from: IsoDate,
    to: IsoDate,
    format: Type.Optional(
      Type.Enum(['csv', 'xlsx'], { description: 'Download the figures as a file instead of JSON' }),
    ),
  },
  { additionalProperties: false },
);
export type OccupancyQuery = Static<typeof OccupancyQuery>;

export const OccupancyReport = Type.Object({
  site: Type.String(),
  from: IsoDate,
  to: IsoDate,
  figures: Type.Array(
    Type.Object({
      level: Type.Enum(['site', 'floor', 'zone']),
      id: Type.String(),
      /** A day `YYYY-MM-DD` or an ISO week `YYYY-Www`. */
      period: Type.String(),
      bookings: Type.Integer(),
      checkIns: Type.Integer(),
      noShows: Type.Integer(),
      peakPeople: Type.Integer(),
      capacity: Type.Integer(),
      occupancy: Nullable(Type.Number()),
    }),
  ),
});
export type OccupancyReport = Static<typeof OccupancyReport>;

/** A person's private calendar feed: whoever has the URL reads their bookings, until it is revoked. */
export const CalendarFeed = Type.Object({
  url: Type.String({ description: 'The secret iCalendar URL (shown once: only its hash is kept)' }),
});
export type CalendarFeed = Static<typeof CalendarFeed>;
/** `<token>.ics`, the token the feed's URL carries. */
export const CalendarFeedParams = Type.Object({
  file: Type.String({ pattern: '^[A-Za-z0-9_-]{1,128}\\.ics$' }),
});
