import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Partner, PartnerInput, PartnerUpdate } from './contract.js';
import {
  countPeopleBy,
  type Db,
  findPartnerByCode,
  insertPartnerRow,
  listPartners,
  updatePartnerRow,
} from './repository.js';
import type { PartnerRow } from './tables.js';

const toPartner = (row: PartnerRow, userCount: number): Partner => ({
  id: row.id,
  code: row.code,
  nameFr: row.name_fr,
  nameNl: row.name_nl,
  kind: row.kind,
  enterpriseNumber: row.enterprise_number,
  isActive: row.is_active === 1,
  userCount,
});

/** Partner organisations (the social insurance funds) with how many users each has. */
export async function listPartnerOrganisations(db: Db): Promise<Partner[]> {
  const [rows, counts] = await Promise.all([listPartners(db), countPeopleBy(db, 'partner_id')]);
  return rows.map((row) => toPartner(row, counts.get(row.id) ?? 0));
}

export async function insertPartner(trx: Db, actor: AuditActor, input: PartnerInput): Promise<PartnerRow> {
  if (await findPartnerByCode(trx, input.code)) {
    throw invalid([{ field: 'code', code: 'directory.partner_code_taken', params: { code: input.code } }]);
  }
  const now = nowInstant();
  const row: PartnerRow = {
    id: randomUUID(),
    code: input.code,
    name_fr: input.nameFr,
    name_nl: input.nameNl,
    kind: input.kind,
    enterprise_number: input.enterpriseNumber ?? null,
    is_active: 1,
    created_at: now,
    updated_at: now,
  };
  await insertPartnerRow(trx, row);
  await writeAudit(trx, actor, {
    action: 'directory.partner_created',
    objectType: 'partner',
    objectId: row.id,
    summary: { code: row.code },
  });
  return row;
}

export async function createPartner(db: Db, actor: AuditActor, input: PartnerInput): Promise<Partner> {
  return toPartner(await withTransaction(db, (trx) => insertPartner(trx, actor, input)), 0);
}

export async function updatePartner(
  db: Db,
  actor: AuditActor,
  code: string,
  patch: PartnerUpdate,
): Promise<Partner> {
  await withTransaction(db, async (trx) => {
    const current = await findPartnerByCode(trx, code);
    if (!current) throw notFound('directory.partner_not_found');
    if (patch.code && patch.code !== code && (await findPartnerByCode(trx, patch.code))) {
      throw invalid([{ field: 'code', code: 'directory.partner_code_taken', params: { code: patch.code } }]);
    }
    await updatePartnerRow(trx, current.id, {
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.nameFr !== undefined && { name_fr: patch.nameFr }),
      ...(patch.nameNl !== undefined && { name_nl: patch.nameNl }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.enterpriseNumber !== undefined && { enterprise_number: patch.enterpriseNumber }),
      ...(patch.isActive !== undefined && { is_active: patch.isActive ? 1 : 0 }),
      updated_at: nowInstant(),
    });
    await writeAudit(trx, actor, {
      action: 'directory.partner_updated',
      objectType: 'partner',
      objectId: current.id,
      summary: { fields: Object.keys(patch) },
    });
  });
  const updated = (await listPartnerOrganisations(db)).find((p) => p.code === (patch.code ?? code));
  if (!updated) throw notFound('directory.partner_not_found');
  return updated;
}
