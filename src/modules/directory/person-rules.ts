import type { FieldError } from '../../platform/errors.js';

/**
 * A partner user holds the role `partner` and belongs to exactly one fund; staff belong to none.
 * Otherwise a fund's user could see the institution's internal data, or staff a fund's.
 */
export function checkPartnerMembership(
  roles: readonly string[],
  partnerCode: string | null | undefined,
): FieldError[] {
  const isPartnerRole = roles.includes('partner');
  const hasPartner = Boolean(partnerCode);
  if (isPartnerRole === hasPartner) return [];
  return [{ field: hasPartner ? 'roles' : 'partner', code: 'directory.partner_role_mismatch' }];
}

/** An employment period ends on or after the day it starts. */
export function checkEmploymentPeriod(
  from: string | null | undefined,
  to: string | null | undefined,
): FieldError[] {
  if (from && to && to < from) return [{ field: 'employedTo', code: 'validation.invalid' }];
  return [];
}

/**
 * Whether making `candidateManagerId` the manager of `personId` would close a loop, given each
 * person's current manager.
 */
export function wouldCreateManagerCycle(
  personId: string,
  candidateManagerId: string,
  managerOf: (id: string) => string | null | undefined,
): boolean {
  const seen = new Set<string>();
  for (let cursor: string | null | undefined = candidateManagerId; cursor; cursor = managerOf(cursor)) {
    if (cursor === personId) return true;
    if (seen.has(cursor)) return false;
    seen.add(cursor);
  }
  return false;
}
