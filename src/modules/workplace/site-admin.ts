import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { orgUnitCodesOf } from '../directory/index.js';
import { toBookings } from './booking-view.js';
import { siteCalendar } from './calendar.js';
import type { DeskUpdate, SiteRules, SiteRulesChange } from './contract.js';
import {
  type Db,
  findDesk,
  findSite,
  findSiteRules,
  forOtherModules,
  listActiveBookingsOfSite,
  listDesksOfFloors,
  saveSiteRules,
  updateDesk,
} from './repository.js';
import { bookingsBrokenByRules } from './rule-change.js';
import { ruleBooking, ruleDesk } from './rule-inputs.js';
import { rowFromRules, rulesFromRow } from './site-rules.js';

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
  const rows = await listActiveBookingsOfSite(db, siteId, today);
  const floorIds = [...new Set(rows.map((row) => row.floor_id))];
  const desks = await listDesksOfFloors(db, floorIds);
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
    { today, calendar: siteCalendar(rules.closingDays), teamOf: (personId) => teams.get(personId) ?? null },
  );
  const views = new Map(
    (
      await toBookings(
        db,
        rows.filter((row) => broken.some((b) => b.id === row.id)),
      )
    ).map((v) => [v.id, v]),
  );
  return {
    rules,
    conflicts: broken.map((b) => ({
      booking: views.get(b.id)!,
      reason: b.reason,
      message: translate(language, `workplace.${b.reason}`, b.details),
    })),
  };
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
