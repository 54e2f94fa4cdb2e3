import type { FieldError } from '../../platform/errors.js';
import { type Db, findOrgUnitByCode, findPartnerByCode, findPersonByUsername } from './repository.js';

export type ResolvedReferences = {
  orgUnitId?: string | null;
  partnerId?: string | null;
  managerId?: string | null;
};

/**
 * Turns the codes a person form or CSV row names (org unit, partner, manager) into ids, with a
 * field error for each one that does not exist. `undefined` means "not given", `null` "none".
 */
export async function resolveReferences(
  db: Db,
  refs: { orgUnit?: string | null; partner?: string | null; manager?: string | null },
): Promise<{ resolved: ResolvedReferences; errors: FieldError[] }> {
  const resolved: ResolvedReferences = {};
  const errors: FieldError[] = [];
  if (refs.orgUnit !== undefined) {
    const unit = refs.orgUnit ? await findOrgUnitByCode(db, refs.orgUnit) : null;
    if (refs.orgUnit && !unit)
      errors.push({ field: 'orgUnit', code: 'directory.unknown_org_unit', params: { code: refs.orgUnit } });
    resolved.orgUnitId = unit?.id ?? null;
  }
  if (refs.partner !== undefined) {
    const partner = refs.partner ? await findPartnerByCode(db, refs.partner) : null;
    if (refs.partner && !partner)
      errors.push({ field: 'partner', code: 'directory.unknown_partner', params: { code: refs.partner } });
    resolved.partnerId = partner?.id ?? null;
  }
  if (refs.manager !== undefined) {
    const manager = refs.manager ? await findPersonByUsername(db, refs.manager) : null;
    if (refs.manager && !manager) errors.push({ field: 'manager', code: 'directory.person_not_found' });
    resolved.managerId = manager?.id ?? null;
  }
  return { resolved, errors };
}
