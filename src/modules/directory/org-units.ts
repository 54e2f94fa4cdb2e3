import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { OrgUnit, OrgUnitInput, OrgUnitUpdate } from './contract.js';
import {
  countPeopleBy,
  type Db,
  findOrgUnitByCode,
  insertOrgUnitRow,
  listOrgUnits,
  updateOrgUnitRow,
} from './repository.js';
import type { OrgUnitRow } from './tables.js';

/** The organisation tree as a flat list (each unit names its parent's code), with head counts. */
export async function listOrganisationUnits(db: Db): Promise<OrgUnit[]> {
  const [rows, counts] = await Promise.all([listOrgUnits(db), countPeopleBy(db, 'org_unit_id')]);
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameFr: r.name_fr,
    nameNl: r.name_nl,
    kind: r.kind,
    parent: r.parent_id ? (codeOf.get(r.parent_id) ?? null) : null,
    peopleCount: counts.get(r.id) ?? 0,
  }));
}

export async function insertOrgUnit(trx: Db, actor: AuditActor, input: OrgUnitInput): Promise<OrgUnitRow> {
  if (await findOrgUnitByCode(trx, input.code)) {
    throw invalid([{ field: 'code', code: 'directory.org_unit_code_taken', params: { code: input.code } }]);
  }
  const parent = input.parent ? await findOrgUnitByCode(trx, input.parent) : undefined;
  if (input.parent && !parent) {
    throw invalid([{ field: 'parent', code: 'directory.unknown_org_unit', params: { code: input.parent } }]);
  }
  const now = nowInstant();
  const row: OrgUnitRow = {
    id: randomUUID(),
    code: input.code,
    name_fr: input.nameFr,
    name_nl: input.nameNl,
    kind: input.kind,
    parent_id: parent?.id ?? null,
    created_at: now,
    updated_at: now,
  };
  await insertOrgUnitRow(trx, row);
  await writeAudit(trx, actor, {
    action: 'directory.org_unit_created',
    objectType: 'org_unit',
    objectId: row.id,
    summary: { code: row.code },
  });
  return row;
}

export async function createOrgUnit(db: Db, actor: AuditActor, input: OrgUnitInput): Promise<OrgUnit> {
  await withTransaction(db, (trx) => insertOrgUnit(trx, actor, input));
  return (await listOrganisationUnits(db)).find((u) => u.code === input.code)!;
}

/** Renames or moves a unit; refuses to move it under itself or one of its descendants. */
export async function updateOrgUnit(
  db: Db,
  actor: AuditActor,
  code: string,
  patch: OrgUnitUpdate,
): Promise<OrgUnit> {
  await withTransaction(db, async (trx) => {
    const current = await findOrgUnitByCode(trx, code);
    if (!current) throw notFound('directory.org_unit_not_found');
    let parentId: string | null | undefined;
    if (patch.parent !== undefined) {
      const parent = patch.parent ? await findOrgUnitByCode(trx, patch.parent) : null;
      if (patch.parent && !parent)
        throw invalid([
          { field: 'parent', code: 'directory.unknown_org_unit', params: { code: patch.parent } },
        ]);
      const all = await listOrgUnits(trx);
      const parentOf = new Map(all.map((u) => [u.id, u.parent_id]));
      for (let cursor = parent?.id ?? null; cursor; cursor = parentOf.get(cursor) ?? null) {
        if (cursor === current.id) throw invalid([{ field: 'parent', code: 'directory.org_unit_cycle' }]);
      }
      parentId = parent?.id ?? null;
    }
    await updateOrgUnitRow(trx, current.id, {
      ...(patch.nameFr !== undefined && { name_fr: patch.nameFr }),
      ...(patch.nameNl !== undefined && { name_nl: patch.nameNl }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(parentId !== undefined && { parent_id: parentId }),
      updated_at: nowInstant(),
    });
    await writeAudit(trx, actor, {
      action: 'directory.org_unit_updated',
      objectType: 'org_unit',
      objectId: current.id,
      summary: { fields: Object.keys(patch) },
    });
  });
  return (await listOrganisationUnits(db)).find((u) => u.code === code)!;
}
