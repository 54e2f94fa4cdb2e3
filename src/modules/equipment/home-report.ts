import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { namesOfPeople, orgUnitCodesOf } from '../directory/index.js';
import { type Db, listAssetsAtHome } from './asset-repository.js';
import type { HomeReport } from './contract/stock-contract.js';
import type { AssetType } from './contract.js';

const byName = new Intl.Collator('fr', { sensitivity: 'base' });

/** Who has what at home: each unit at a person's home, with the person and their unit. Audited. */
export async function homeReport(db: Kysely<any>, actor: AuditActor, format?: string): Promise<HomeReport> {
  const rows = await listAssetsAtHome(db as Db);
  const ids = [...new Set(rows.flatMap((r) => (r.holder_id ? [r.holder_id] : [])))];
  const [names, units] = await Promise.all([namesOfPeople(db, ids), orgUnitCodesOf(db, ids)]);
  const items = rows
    .filter((r) => r.holder_id !== null)
    .map((r) => ({
      person: { id: r.holder_id!, name: names.get(r.holder_id!) ?? r.holder_id! },
      unit: units.get(r.holder_id!) ?? null,
      tag: r.asset_tag,
      type: r.type as AssetType,
      model: r.model,
      serial: r.serial,
      since: r.updated_at,
    }))
    .sort((a, b) => byName.compare(a.person.name, b.person.name) || a.tag.localeCompare(b.tag));
  await writeAudit(db, actor, {
    action: 'equipment.home_report_read',
    objectType: 'equipment_home_report',
    summary: { people: ids.length, units: items.length, format: format ?? 'json' },
  });
  return { people: ids.length, items };
}

export function homeExport(report: HomeReport, language: Language): TableExport<HomeReport['items'][number]> {
  const t = (key: string) => translate(language, `equipment.home.${key}`);
  return {
    name: 'relais-equipment-at-home',
    sheet: t('sheet'),
    columns: [
      { header: t('column_person'), width: 28, value: (r) => r.person.name },
      { header: t('column_unit'), width: 14, value: (r) => r.unit },
      { header: t('column_tag'), width: 16, value: (r) => r.tag },
      { header: t('column_type'), width: 16, value: (r) => translate(language, `equipment.type.${r.type}`) },
      { header: t('column_model'), width: 26, value: (r) => r.model },
      { header: t('column_serial'), width: 20, value: (r) => r.serial },
      { header: t('column_since'), kind: 'instant', width: 18, value: (r) => r.since },
    ],
    rows: report.items,
  };
}
