import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { brusselsDay } from '../../platform/db/time.js';
import type { ExportColumn, TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import type { PersonSummary } from './contract.js';
import { listPeople } from './people.js';
import type { Db, PeopleFilter } from './repository.js';

const BATCH = 500;

/** Everyone matching the filters, in the list's order, a batch at a time. */
async function* allPeople(db: Db, filter: PeopleFilter): AsyncGenerator<PersonSummary> {
  for (let offset = 0; ; offset += BATCH) {
    const { items } = await listPeople(db, filter, { limit: BATCH, offset });
    yield* items;
    if (items.length < BATCH) return;
  }
}

function peopleColumns(language: Language): ExportColumn<PersonSummary>[] {
  const t = (key: string) => translate(language, key);
  const field = (name: string) => t(`web.people.fields.${name}`);
  return [
    { header: field('username'), width: 18, value: (p) => p.username },
    { header: field('name'), width: 28, value: (p) => p.name },
    {
      header: field('roles'),
      width: 40,
      value: (p) => p.roles.map((role) => t(`web.roles.names.${role}`)).join(', '),
    },
    { header: field('orgUnit'), width: 18, value: (p) => p.orgUnit },
    { header: field('partner'), width: 18, value: (p) => p.partner },
    { header: field('language'), width: 10, value: (p) => p.language },
    {
      header: field('isActive'),
      width: 14,
      value: (p) => t(p.isActive ? 'web.common.active' : 'web.common.inactive'),
    },
  ];
}

/** The people list as a table to download, in the reader's language; the download is audited. */
export async function peopleExport(
  db: Db,
  actor: AuditActor,
  filter: PeopleFilter,
  format: string,
  language: Language,
): Promise<TableExport<PersonSummary>> {
  await writeAudit(db, actor, {
    action: 'directory.people_exported',
    objectType: 'person',
    summary: { format, filter },
  });
  return {
    name: `relais-people-${brusselsDay()}`,
    sheet: translate(language, 'web.areas.people.title'),
    columns: peopleColumns(language),
    rows: allPeople(db, filter),
  };
}
