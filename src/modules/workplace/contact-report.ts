import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { ExportColumn, TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { idsOfUsernames, namesOfPeople } from '../directory/index.js';
import { daysBetween } from './calendar.js';
import { findContacts } from './contact-rules.js';
import { type ContactReport, type ContactReportQuery, type Slot, WorkplaceLimits } from './contract.js';
import {
  type Db,
  forOtherModules,
  listActiveBookingsOfPerson,
  listBookingsOfFloorsBetween,
  listDesksOfFloors,
} from './repository.js';

const DEFAULT_DISTANCE_METRES = 2;

/**
 * Who sat near a person over a period: the people booked (booked or checked in; not cancelled nor
 * released) on the same floor, the same days in overlapping slots, within the distance or in the
 * same zone. Every use is audited with its reason, before anything is read.
 */
export async function contactReport(
  db: Db,
  actor: AuditActor,
  query: ContactReportQuery,
): Promise<ContactReport> {
  const { from, to } = query;
  if (to < from) throw invalid([{ field: 'querystring.to', code: 'workplace.period_reversed' }]);
  if (daysBetween(from, to) > WorkplaceLimits.listDaysMax)
    throw invalid([
      {
        field: 'querystring.to',
        code: 'workplace.period_too_long',
        params: { max: WorkplaceLimits.listDaysMax },
      },
    ]);
  const username = query.person.toLowerCase();
  const personId = (await idsOfUsernames(forOtherModules(db), [username])).get(username);
  if (!personId)
    throw new AppError('workplace.person_not_found', 404, { person: query.person }, [
      { field: 'querystring.person', code: 'workplace.person_not_found', params: { person: query.person } },
    ]);
  const distance = query.distance ?? DEFAULT_DISTANCE_METRES;
  await writeAudit(db, actor, {
    action: 'workplace.contact_report_read',
    objectType: 'person',
    objectId: personId,
    summary: { from, to, distanceMetres: distance, reason: query.reason, format: query.format ?? 'json' },
  });

  const own = await listActiveBookingsOfPerson(db, personId, from, to);
  const floorIds = [...new Set(own.map((b) => b.floor_id))];
  const [floorBookings, desks] = await Promise.all([
    listBookingsOfFloorsBetween(db, floorIds, from, to, { activeOnly: true }),
    listDesksOfFloors(db, floorIds),
  ]);
  const contacts = findContacts(
    personId,
    floorBookings.map((b) => ({
      personId: b.person_id,
      deskId: b.desk_id,
      date: b.booked_on,
      slot: b.slot as Slot,
    })),
    new Map(
      desks.map((d) => [
        d.id,
        { id: d.id, floorId: d.floor_id, zoneId: d.zone_id, x: Number(d.x), y: Number(d.y) },
      ]),
    ),
    distance,
  );
  const names = await namesOfPeople(forOtherModules(db), [personId, ...contacts.map((c) => c.personId)]);
  return {
    person: { id: personId, name: names.get(personId) ?? '' },
    from,
    to,
    distanceMetres: distance,
    contacts: contacts.map(({ personId: id, ...contact }) => ({
      person: { id, name: names.get(id) ?? '' },
      ...contact,
    })),
  };
}

type ContactRow = ContactReport['contacts'][number];

/** The report as a table to download, headed in the reader's language. */
export function contactReportExport(report: ContactReport, language: Language): TableExport<ContactRow> {
  const t = (key: string) => translate(language, `workplace.contact_report.${key}`);
  const columns: ExportColumn<ContactRow>[] = [
    { header: t('date'), kind: 'day', width: 12, value: (c) => c.date },
    { header: t('slot'), width: 8, value: (c) => c.slot },
    { header: t('name'), width: 28, value: (c) => c.person.name },
    { header: t('desk'), width: 22, value: (c) => c.desk },
    { header: t('zone'), width: 18, value: (c) => c.zone },
    { header: t('floor'), width: 16, value: (c) => c.floor },
    { header: t('near_desk'), width: 22, value: (c) => c.nearDesk },
    { header: t('distance'), kind: 'number', width: 12, value: (c) => c.distanceMetres },
    { header: t('same_zone'), width: 10, value: (c) => (c.isSameZone ? t('yes') : t('no')) },
  ];
  return {
    name: `relais-contacts-${report.from}-${report.to}`,
    sheet: t('sheet'),
    columns,
    rows: report.contacts,
  };
}
