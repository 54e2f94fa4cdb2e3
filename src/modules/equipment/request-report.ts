import type { Kysely } from 'kysely';
import { brusselsDay } from '../../platform/db/time.js';
import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { namesOfPeople } from '../directory/index.js';
import type { PendingAgeReport } from './contract/request-contract.js';
import type { AssetType, RequestKind, RequestStatus } from './contract.js';
import { type Db, pendingRequests } from './request-repository.js';
import { AGE_BUCKETS, ageInDays, bucketOf } from './request-rules.js';

// Requests pending by age: what waits for a manager, for a unit, or for shipping, oldest first,
// with how many days each has waited and how many fall in each age bucket.

export async function pendingByAge(db: Db, today: string): Promise<PendingAgeReport> {
  const rows = await pendingRequests(db);
  const names = await namesOfPeople(
    db as unknown as Kysely<any>,
    rows.map((r) => r.person_id),
  );
  const items = rows.map((row) => ({
    id: row.id,
    personName: names.get(row.person_id) ?? row.person_id,
    type: row.type as AssetType,
    kind: row.kind as RequestKind,
    status: row.status as RequestStatus,
    createdAt: row.created_at,
    ageDays: ageInDays(brusselsDay(row.created_at), today),
    dueOn: row.due_on,
  }));
  const counts = new Map<string, number>(AGE_BUCKETS.map((b) => [b.key, 0]));
  for (const item of items) counts.set(bucketOf(item.ageDays), counts.get(bucketOf(item.ageDays))! + 1);
  return { buckets: [...counts].map(([bucket, count]) => ({ bucket, count })), items };
}

type Row = PendingAgeReport['items'][number];

/** The report as a file (CSV/XLSX), in the caller's language. */
export function pendingByAgeTable(report: PendingAgeReport, language: Language): TableExport<Row> {
  const t = (key: string) => translate(language, `equipment.report.${key}`);
  return {
    name: `equipment-pending-requests-${brusselsDay()}`,
    sheet: t('pending_sheet'),
    columns: [
      { header: t('column.id'), value: (r) => r.id, width: 14 },
      { header: t('column.person'), value: (r) => r.personName, width: 28 },
      { header: t('column.type'), value: (r) => translate(language, `equipment.type.${r.type}`), width: 18 },
      { header: t('column.kind'), value: (r) => translate(language, `equipment.kind.${r.kind}`), width: 14 },
      {
        header: t('column.status'),
        value: (r) => translate(language, `equipment.status.${r.status}`),
        width: 20,
      },
      { header: t('column.created'), kind: 'instant', value: (r) => r.createdAt },
      { header: t('column.age_days'), kind: 'number', value: (r) => r.ageDays },
      { header: t('column.due_on'), kind: 'day', value: (r) => r.dueOn },
    ],
    rows: report.items,
  };
}
