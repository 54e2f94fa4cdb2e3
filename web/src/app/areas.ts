import type { Ability, Role } from '../../../src/platform/auth/contract.js';

/** A place in the app: the navigation, the home page's cards and the route guard all read this list. */
export type Area = {
  /** i18n: `web.areas.<key>.title` and `.help`. */
  key: string;
  path: string;
  ability: Ability;
  group:
    | 'inquiries'
    | 'knowledge'
    | 'workplace'
    | 'telework'
    | 'equipment'
    | 'helpdesk'
    | 'directory'
    | 'administration';
  /** Roles that hold the ability but whose screens are elsewhere (the funds' portal, for instance). */
  notFor?: readonly Role[];
};

export const AREAS: readonly Area[] = [
  // A call is logged while the caller waits: the console comes first for those who answer.
  { key: 'inqNew', path: '/inquiries/new', ability: 'inquiries.work', group: 'inquiries' },
  // Funds follow their own inquiries in their portal (and through the API).
  { key: 'inqList', path: '/inquiries', ability: 'inquiries.read', group: 'inquiries', notFor: ['partner'] },
  // The back office: a team's queue, one's own work, the agents' callbacks, and the funds' portal.
  {
    key: 'inqQueue',
    path: '/inquiries/queue',
    ability: 'inquiries.queues',
    group: 'inquiries',
  },
  {
    key: 'inqMine',
    path: '/inquiries/mine',
    ability: 'inquiries.queues',
    group: 'inquiries',
  },
  { key: 'inqCallbacks', path: '/inquiries/callbacks', ability: 'inquiries.callbacks', group: 'inquiries' },
  // Volumes by origin, channel and team, day by day: what management reports.
  { key: 'inqFigures', path: '/inquiries/figures', ability: 'inquiries.figures', group: 'inquiries' },
  // The telephony's own records: calls per day and hour, waits, service level.
  { key: 'inqCalls', path: '/inquiries/calls', ability: 'calls.stats', group: 'inquiries' },
  { key: 'inqPortal', path: '/portal', ability: 'inquiries.partner_requests.answer', group: 'inquiries' },
  // The FAQ first: it is what most people open Relais for.
  { key: 'kbSearch', path: '/knowledge/search', ability: 'knowledge.read', group: 'knowledge' },
  { key: 'kbChanges', path: '/knowledge/changes', ability: 'knowledge.acknowledge', group: 'knowledge' },
  { key: 'kbNew', path: '/knowledge/new', ability: 'knowledge.write', group: 'knowledge' },
  { key: 'kbTranslation', path: '/knowledge/translation', ability: 'knowledge.write', group: 'knowledge' },
  { key: 'kbReview', path: '/knowledge/review', ability: 'knowledge.manage', group: 'knowledge' },
  { key: 'kbStale', path: '/knowledge/stale', ability: 'knowledge.manage', group: 'knowledge' },
  {
    key: 'kbAcknowledgements',
    path: '/knowledge/acknowledgements',
    ability: 'knowledge.acknowledgements.read',
    group: 'knowledge',
  },
  { key: 'kbSettings', path: '/knowledge/settings', ability: 'knowledge.manage', group: 'knowledge' },
  { key: 'kbExport', path: '/knowledge/export', ability: 'knowledge.export', group: 'knowledge' },
  // Staff book a desk for their office days.
  { key: 'wpBook', path: '/workplace', ability: 'workplace.book', group: 'workplace' },
  // Facility managers keep the desks, zones and rules the bookings follow.
  { key: 'wpAdmin', path: '/workplace/admin', ability: 'workplace.manage', group: 'workplace' },
  // Facility managers see how full the offices are, and print the desks' QR codes from there.
  { key: 'wpOccupancy', path: '/workplace/occupancy', ability: 'workplace.manage', group: 'workplace' },
  // After a positive test, the health service asks who sat near the person: facility, HR, admin.
  {
    key: 'wpContacts',
    path: '/workplace/contacts',
    ability: 'workplace.contact_report',
    group: 'workplace',
  },
  // Everyone asks for their telework agreement; managers decide and sign theirs, HR sees all.
  { key: 'twAgreements', path: '/telework/agreements', ability: 'telework.use', group: 'telework' },
  // Every member of staff plans their week; managers see their team's.
  { key: 'twWeek', path: '/telework/week', ability: 'telework.use', group: 'telework' },
  { key: 'twTeam', path: '/telework/team', ability: 'telework.team', group: 'telework' },
  // HR keeps the caps, the functions and who holds which, from which eligibility follows.
  { key: 'twRules', path: '/telework/rules', ability: 'telework.manage', group: 'telework' },
  // The yearly figures parliament asks for: HR and management.
  { key: 'twStatistics', path: '/telework/statistics', ability: 'telework.statistics', group: 'telework' },
  // The same figures for any day, from the live agreements: who works from home today, per unit.
  { key: 'twLive', path: '/telework/live', ability: 'telework.statistics', group: 'telework' },
  // HR: the monthly allowances payroll pays, and the crisis measures that override the caps.
  { key: 'twAllowances', path: '/telework/allowances', ability: 'telework.manage', group: 'telework' },
  { key: 'twCrisis', path: '/telework/crisis', ability: 'telework.manage', group: 'telework' },
  // Everyone on staff sees what they hold and asks for what their function's profile offers.
  { key: 'eqMine', path: '/equipment', ability: 'equipment.use', group: 'equipment' },
  // Managers decide the requests of the types whose policy asks for them.
  { key: 'eqApprovals', path: '/equipment/approvals', ability: 'equipment.approve', group: 'equipment' },
  // ICT: the queue (kits of new colleagues by due date, reservation from stock) and the rules.
  { key: 'eqRequests', path: '/equipment/requests', ability: 'equipment.manage', group: 'equipment' },
  { key: 'eqRules', path: '/equipment/rules', ability: 'equipment.manage', group: 'equipment' },
  // ICT ships and hands over (each person confirms receipt on their My equipment page).
  { key: 'eqDeliveries', path: '/equipment/deliveries', ability: 'equipment.manage', group: 'equipment' },
  // ICT keeps the inventory (search, history, import, labels) and collects the units of closed desks.
  { key: 'eqAssets', path: '/equipment/assets', ability: 'equipment.manage', group: 'equipment' },
  { key: 'eqRecovery', path: '/equipment/recovery', ability: 'equipment.manage', group: 'equipment' },
  // Stock per type against its threshold, and who has what at home: ICT and management.
  { key: 'eqStock', path: '/equipment/stock', ability: 'equipment.reports', group: 'equipment' },
  // Every member of staff asks the ICT helpdesk (its internal FAQ first) and follows their tickets.
  { key: 'hdHelp', path: '/helpdesk', ability: 'helpdesk.use', group: 'helpdesk' },
  // ICT works the tickets on the inquiries engine's queues: the team's queue and their own work.
  { key: 'hdQueue', path: '/helpdesk/queue', ability: 'helpdesk.work', group: 'helpdesk' },
  // The load (tickets per month and category, resolution, backlog): ICT and management.
  { key: 'hdDashboard', path: '/helpdesk/dashboard', ability: 'equipment.reports', group: 'helpdesk' },
  { key: 'people', path: '/directory/people', ability: 'directory.people.read', group: 'directory' },
  { key: 'import', path: '/directory/import', ability: 'directory.people.write', group: 'directory' },
  { key: 'partners', path: '/directory/partners', ability: 'directory.partners.read', group: 'directory' },
  { key: 'orgUnits', path: '/directory/org-units', ability: 'directory.org_units.read', group: 'directory' },
  // Those who see people see which role grants what, so they understand what they assign or read.
  { key: 'roles', path: '/directory/roles', ability: 'directory.people.read', group: 'directory' },
  { key: 'tokens', path: '/admin/tokens', ability: 'auth.tokens.manage', group: 'administration' },
  { key: 'audit', path: '/admin/audit', ability: 'audit.read', group: 'administration' },
  { key: 'outbox', path: '/admin/outbox', ability: 'mail.outbox.read', group: 'administration' },
];

/** The areas a person's abilities open, in navigation order. */
export function areasFor(abilities: readonly string[], roles: readonly string[] = []): Area[] {
  return AREAS.filter(
    (area) => abilities.includes(area.ability) && !(area.notFor ?? []).some((role) => roles.includes(role)),
  );
}

export function areaByKey(key: string): Area {
  const area = AREAS.find((a) => a.key === key);
  if (!area) throw new Error(`Unknown area ${key}`);
  return area;
}
