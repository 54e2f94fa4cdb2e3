import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import type { IdentitySource } from '../../platform/auth/identity.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { orgUnitCodesOf } from '../directory/index.js';
import { toBookings } from './booking-view.js';
import { siteCalendar } from './calendar.js';
import type {
  DeskUpdate,
  RuleBreakNoticeReport,
  RuleConflict,
  SiteRules,
  SiteRulesChange,
  Slot,
  ZoneChange,
  ZoneUpdate,
} from './contract.js';
import {
  type Db,
  findDesk,
  findFloor,
  findSite,
  findSiteRules,
  findZone,
  forOtherModules,
  listActiveBookingsOfSite,
  listDesksOfFloors,
  listZonesOfFloors,
  saveSiteRules,
  updateDesk,
  updateZone,
} from './repository.js';
import {
  type BrokenBooking,
  type BrokenForLetter,
  bookingsBrokenByRules,
  ruleBreakLetter,
} from './rule-change.js';
import { ruleBooking, ruleDesk, zoneCapacities } from './rule-inputs.js';
import { capacityFromColumns, columnsFromCapacity, rowFromRules, rulesFromRow } from './site-rules.js';
import type { BookingRow } from './tables.js';

/**
 * Replaces a site's booking rules (facility managers). Bookings already made stay; those the new
 * rules would refuse are listed with the reason, so the manager can tell the people concerned.
 */
export async function replaceSiteRules(
  db: Db,
  actor: AuditActor,
  siteId: string,
  rules: SiteRules,
  today: string,
  language: Language,
): Promise<SiteRulesChange> {
  await withTransaction(db, async (trx) => {
    if (!(await findSite(trx, siteId))) throw notFound('workplace.site_not_found', { site: siteId });
    const before = rulesFromRow(await findSiteRules(trx, siteId));
    await saveSiteRules(trx, rowFromRules(siteId, rules, { at: nowInstant(), by: actor.id }));
    await writeAudit(trx, actor, {
      action: 'workplace.site_rules_changed',
      objectType: 'workplace_site',
      objectId: siteId,
      summary: { before, after: rules },
    });
  });
  const { rows, broken } = await bookingsBrokenOnSite(db, siteId, rules, today);
  return { rules, conflicts: await conflictsOf(db, rows, broken, language) };
}

/** Broken bookings as the facility manager reads them: the booking, and why in their language. */
async function conflictsOf(
  db: Db,
  rows: readonly BookingRow[],
  broken: readonly BrokenBooking[],
  language: Language,
): Promise<RuleConflict[]> {
  const brokenIds = new Set(broken.map((b) => b.id));
  const views = new Map(
    (
      await toBookings(
        db,
        rows.filter((row) => brokenIds.has(row.id)),
      )
    ).map((v) => [v.id, v]),
  );
  return broken.map((b) => ({
    booking: views.get(b.id)!,
    reason: b.reason,
    message: translate(language, `workplace.${b.reason}`, b.details),
  }));
}

/**
 * Renames a zone or gives it a capacity of its own (facility managers), which overrides the site's
 * rule; null gives it back the site's. Bookings already made stay; those of the zone its new
 * capacity would refuse (zone full) are listed with the reason, so the manager can tell the people
 * concerned.
 */
export async function changeZone(
  db: Db,
  actor: AuditActor,
  zoneId: string,
  change: ZoneUpdate,
  today: string,
  language: Language,
): Promise<ZoneChange> {
  const zone = await withTransaction(db, async (trx) => {
    const current = await findZone(trx, zoneId);
    const floor = current && (await findFloor(trx, current.floor_id));
    if (!current || current.is_retired === 1 || !floor)
      throw new AppError('workplace.zone_not_found', 404, { zone: zoneId }, [
        { field: 'zone', code: 'workplace.zone_not_found', params: { zone: zoneId } },
      ]);
    const before = capacityFromColumns(current.capacity_kind, current.capacity_value);
    const capacity = change.capacity === undefined ? before : change.capacity;
    const columns = columnsFromCapacity(capacity);
    const name = change.name ?? { fr: current.name_fr, nl: current.name_nl, en: current.name_en };
    await updateZone(trx, zoneId, {
      name_fr: name.fr,
      name_nl: name.nl,
      name_en: name.en,
      capacity_kind: columns.kind,
      capacity_value: columns.value,
      updated_at: nowInstant(),
    });
    await writeAudit(trx, actor, {
      action: 'workplace.zone_changed',
      objectType: 'workplace_zone',
      objectId: zoneId,
      summary: { capacityBefore: before, capacity, nameChanged: change.name !== undefined },
    });
    return { id: zoneId, floor: floor.id, site: floor.site_id, name, capacity };
  });
  const rules = rulesFromRow(await findSiteRules(db, zone.site));
  const { rows, broken } = await bookingsBrokenOnSite(db, zone.site, rules, today);
  const desks = await listDesksOfFloors(db, [zone.floor]);
  const ofZone = new Set(desks.filter((d) => d.zone_id === zoneId).map((d) => d.id));
  const rowById = new Map(rows.map((row) => [row.id, row]));
  // Only what the capacity refuses: a booking the site's rules already refused was listed then.
  const inZone = broken.filter((b) => b.reason === 'zone_full' && ofZone.has(rowById.get(b.id)!.desk_id));
  return { zone, conflicts: await conflictsOf(db, rows, inZone, language) };
}

/** The site's active bookings from today on, and those `rules` would now refuse (with why). */
async function bookingsBrokenOnSite(
  db: Db,
  siteId: string,
  rules: SiteRules,
  today: string,
): Promise<{ rows: BookingRow[]; broken: BrokenBooking[] }> {
  const rows = await listActiveBookingsOfSite(db, siteId, today);
  const floorIds = [...new Set(rows.map((row) => row.floor_id))];
  const [desks, zones] = await Promise.all([
    listDesksOfFloors(db, floorIds),
    listZonesOfFloors(db, floorIds),
  ]);
  const desksByFloor = new Map(
    floorIds.map((id) => [id, desks.filter((d) => d.floor_id === id).map(ruleDesk)]),
  );
  const teams = rules.teamRotation
    ? await orgUnitCodesOf(forOtherModules(db), [...new Set(rows.map((row) => row.person_id))])
    : new Map<string, string | null>();
  const broken = bookingsBrokenByRules(
    rows.map((row) => ({ ...ruleBooking(row), id: row.id, floorId: row.floor_id })),
    desksByFloor,
    rules,
    {
      today,
      calendar: siteCalendar(rules.closingDays),
      teamOf: (personId) => teams.get(personId) ?? null,
      zoneCapacities: zoneCapacities(zones),
    },
  );
  return { rows, broken };
}

/**
 * Tells the people of the chosen bookings that the site's rules now refuse them: one mail each
 * (through the outbox, in their language) listing their bookings with the date, desk and why.
 * The bookings are checked again against the rules as they stand, so a booking no longer broken
 * (cancelled, or the rules changed back) is left out and reported as such. Audited.
 */
export async function notifyRuleBreaks(
  db: Db,
  identities: IdentitySource,
  actor: AuditActor,
  siteId: string,
  bookingIds: readonly string[],
  today: string,
): Promise<RuleBreakNoticeReport> {
  const site = await findSite(db, siteId);
  if (!site) throw notFound('workplace.site_not_found', { site: siteId });
  const rules = rulesFromRow(await findSiteRules(db, siteId));
  const { rows, broken } = await bookingsBrokenOnSite(db, siteId, rules, today);
  const wanted = new Set(bookingIds);
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const byPerson = new Map<string, { id: string; letter: BrokenForLetter }[]>();
  for (const b of broken) {
    const row = rowById.get(b.id)!;
    if (!wanted.has(b.id)) continue;
    const letter = {
      date: row.booked_on,
      slot: row.slot as Slot,
      desk: row.desk_id,
      reason: b.reason,
      details: b.details,
    };
    byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), { id: b.id, letter }]);
  }
  const brokenIds = new Set([...byPerson.values()].flat().map((b) => b.id));
  const report: RuleBreakNoticeReport = {
    people: 0,
    notified: [],
    notBroken: bookingIds.filter((id) => !brokenIds.has(id)),
    withoutEmail: [],
  };
  await withTransaction(db, async (trx) => {
    for (const [personId, bookings] of byPerson) {
      const ids = bookings.map((b) => b.id);
      const person = await identities.findById(trx, personId);
      if (!person?.email) {
        report.withoutEmail.push(...ids);
        continue;
      }
      const mail = ruleBreakLetter(
        person.language,
        site.name,
        bookings.map((b) => b.letter),
      );
      await enqueueMail(trx, {
        to: person.email,
        ...mail,
        isAutomatic: true,
        source: 'workplace',
        objectRef: siteId,
      });
      report.people += 1;
      report.notified.push(...ids);
    }
    await writeAudit(trx, actor, {
      action: 'workplace.rule_breaks_notified',
      objectType: 'workplace_site',
      objectId: siteId,
      summary: {
        notified: report.notified,
        people: report.people,
        notBroken: report.notBroken,
        withoutEmail: report.withoutEmail,
      },
    });
  });
  return report;
}

/** Blocks or unblocks a desk (with a reason), or changes its features (facility managers). */
export async function changeDesk(
  db: Db,
  actor: AuditActor,
  deskId: string,
  change: DeskUpdate,
): Promise<{ id: string; features: string[]; isBlocked: boolean; blockedReason: string | null }> {
  return withTransaction(db, async (trx) => {
    const desk = await findDesk(trx, deskId);
    if (!desk || desk.is_retired === 1) throw notFound('workplace.desk_not_found', { desk: deskId });
    const isBlocked = change.isBlocked ?? desk.is_blocked === 1;
    const changes = {
      ...(change.features && { features: JSON.stringify([...change.features].sort()) }),
      is_blocked: isBlocked ? 1 : 0,
      // A reason belongs to a blocked desk only: unblocking clears it.
      blocked_reason: isBlocked ? (change.blockedReason ?? desk.blocked_reason) : null,
      updated_at: nowInstant(),
    };
    await updateDesk(trx, deskId, changes);
    await writeAudit(trx, actor, {
      action: 'workplace.desk_changed',
      objectType: 'workplace_desk',
      objectId: deskId,
      summary: {
        isBlocked,
        features: change.features ?? null,
        reasonChanged: change.blockedReason !== undefined,
      },
    });
    const features = change.features ? [...change.features].sort() : (JSON.parse(desk.features) as string[]);
    return { id: deskId, features, isBlocked, blockedReason: changes.blocked_reason };
  });
}
