/**
 * The tables the workplace module owns. Booleans are 0/1 on both databases, days ISO text, lists
 * (features, polygons, closing days) JSON text: nothing queries inside them.
 */
export interface WorkplaceTables {
  workplace_site: {
    id: string;
    name: string;
    address: string;
    timezone: string;
    created_at: string;
    updated_at: string;
  };
  /** One row per site; a site without one books under DEFAULT_SITE_RULES. */
  workplace_site_rules: {
    site_id: string;
    min_distance_metres: number;
    /** `people` or `percent`, with zone_capacity_value; null: a zone holds as many as its desks. */
    zone_capacity_kind: string | null;
    zone_capacity_value: number | null;
    horizon_days: number;
    is_whole_days_only: number;
    weekly_office_days_max: number | null;
    closing_days: string;
    team_rotation: string | null;
    /** `HH:MM`, Brussels time: check-in deadline of `am` and `day` bookings, and of `pm`; null: default. */
    check_in_am: string | null;
    check_in_pm: string | null;
    updated_at: string;
    updated_by: string | null;
  };
  workplace_floor: {
    id: string;
    site_id: string;
    level: number;
    name_fr: string;
    name_nl: string;
    name_en: string;
    is_retired: number;
    created_at: string;
    updated_at: string;
  };
  workplace_zone: {
    id: string;
    floor_id: string;
    name_fr: string;
    name_nl: string;
    name_en: string;
    /** `[[x, y], …]` in metres. */
    polygon: string;
    /**
     * The zone's own capacity (facility managers), `people` or `percent` with capacity_value; it
     * overrides the site's rule. Null: the site's rule applies.
     */
    capacity_kind: string | null;
    capacity_value: number | null;
    is_retired: number;
    created_at: string;
    updated_at: string;
  };
  workplace_desk: {
    id: string;
    zone_id: string;
    floor_id: string;
    x: number;
    y: number;
    features: string;
    is_blocked: number;
    blocked_reason: string | null;
    /** No longer in the plan: kept, so past bookings keep their desk, and never bookable. */
    is_retired: number;
    created_at: string;
    updated_at: string;
  };
  workplace_booking: {
    id: string;
    desk_id: string;
    /** The desk's floor, copied: the rules read a floor's bookings of a day in one query. */
    floor_id: string;
    person_id: string;
    booked_on: string;
    slot: string;
    status: string;
    created_by: string | null;
    created_at: string;
    updated_at: string;
    checked_in_at: string | null;
    released_at: string | null;
    cancelled_at: string | null;
  };
  /**
   * On SQLite, the row of a floor's day a booking writes before it checks the rules again, so that
   * its transaction is the database's writer before it reads (lockBookingScopes). PostgreSQL locks
   * the same scopes with advisory locks and leaves this table empty.
   */
  workplace_booking_lock: { scope: string; taken: number };
  /** A person's private calendar feed: the SHA-256 hash of its token only (the URL is the credential). */
  workplace_calendar_feed: { person_id: string; token_hash: string; created_at: string };
}

export type SiteRow = WorkplaceTables['workplace_site'];
export type SiteRulesRow = WorkplaceTables['workplace_site_rules'];
export type FloorRow = WorkplaceTables['workplace_floor'];
export type ZoneRow = WorkplaceTables['workplace_zone'];
export type DeskRow = WorkplaceTables['workplace_desk'];
export type BookingRow = WorkplaceTables['workplace_booking'];
export type CalendarFeedRow = WorkplaceTables['workplace_calendar_feed'];
