import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { withAccessChange } from '../../platform/auth/access-change.js';
import { setPassword } from '../../platform/auth/login.js';
import { checkNewPassword } from '../../platform/auth/password-rules.js';
import type { Role } from '../../platform/auth/roles.js';
import { endAllSessions } from '../../platform/auth/sessions.js';
import { endTokensOf } from '../../platform/auth/tokens.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n/i18n.js';
import type { PersonDetail, PersonInput, PersonSummary, PersonUpdate } from './contract.js';
import { checkEmploymentPeriod, checkPartnerMembership, wouldCreateManagerCycle } from './person-rules.js';
import { resolveReferences } from './references.js';
import {
  codesOf,
  type Db,
  findPartnerById,
  findPersonById,
  findPersonByUsername,
  insertPersonRow,
  listRolesOf,
  managerMap,
  type PeopleFilter,
  replaceRoles,
  searchPeople,
  updatePersonRow,
} from './repository.js';
import type { PersonRow } from './tables.js';

/**
 * Creates a person with their roles (and password, when given) in the caller's transaction.
 * Throws `validation.failed` listing every bad field.
 */
export async function insertPerson(
  trx: Db,
  actor: AuditActor,
  input: PersonInput,
  defaultLanguage: Language,
): Promise<PersonRow> {
  const username = input.username.toLowerCase();
  const { resolved, errors } = await resolveReferences(trx, input);
  errors.push(
    ...checkPartnerMembership(input.roles, input.partner),
    ...checkEmploymentPeriod(input.employedFrom, input.employedTo),
    ...(input.password ? checkNewPassword(input.password) : []),
  );
  if (await findPersonByUsername(trx, username)) {
    errors.push({ field: 'username', code: 'directory.username_taken', params: { username } });
  }
  if (errors.length > 0) throw invalid(errors);
  const now = nowInstant();
  const row: PersonRow = {
    id: randomUUID(),
    username,
    name: input.name.trim(),
    email: input.email.toLowerCase(),
    phone: input.phone ?? null,
    language: input.language ?? defaultLanguage,
    org_unit_id: resolved.orgUnitId ?? null,
    manager_id: resolved.managerId ?? null,
    partner_id: resolved.partnerId ?? null,
    employed_from: input.employedFrom ?? null,
    employed_to: input.employedTo ?? null,
    is_active: 1,
    created_at: now,
    updated_at: now,
  };
  await insertPersonRow(trx, row);
  await replaceRoles(trx, row.id, input.roles);
  if (input.password) await setPassword(trx, row.id, input.password);
  await writeAudit(trx, actor, {
    action: 'directory.person_created',
    objectType: 'person',
    objectId: row.id,
    summary: { username, roles: input.roles, partner: input.partner ?? null, orgUnit: input.orgUnit ?? null },
  });
  return row;
}

export async function createPerson(
  db: Db,
  actor: AuditActor,
  input: PersonInput,
  defaultLanguage: Language,
): Promise<PersonDetail> {
  const row = await withTransaction(db, (trx) => insertPerson(trx, actor, input, defaultLanguage));
  return toDetail(db, row);
}

/** Changes a person; the audit row lists the fields that changed (never their values for contact data). */
export async function updatePerson(
  db: Db,
  actor: AuditActor,
  id: string,
  patch: PersonUpdate,
): Promise<PersonDetail> {
  // An access change: the cache forgets this person's sessions only once it has committed.
  const row = await withAccessChange(db, async (trx, change) => {
    // Their open sessions carry the person as it was (roles, language, fund): read it afresh.
    change.person(id);
    const current = await getPersonRow(trx, id);
    const { resolved, errors } = await resolveReferences(trx, patch);
    const currentRoles = (await listRolesOf(trx, [id])).get(id) ?? [];
    const roles = patch.roles ?? currentRoles;
    const partnerCode =
      patch.partner !== undefined
        ? patch.partner
        : current.partner_id
          ? (await findPartnerById(trx, current.partner_id))?.code
          : null;
    errors.push(
      ...checkPartnerMembership(roles, partnerCode),
      ...checkEmploymentPeriod(
        patch.employedFrom !== undefined ? patch.employedFrom : current.employed_from,
        patch.employedTo !== undefined ? patch.employedTo : current.employed_to,
      ),
      ...(patch.password ? checkNewPassword(patch.password) : []),
    );
    if (resolved.managerId) {
      const managers = await managerMap(trx);
      if (wouldCreateManagerCycle(id, resolved.managerId, (pid) => managers.get(pid))) {
        errors.push({ field: 'manager', code: 'directory.manager_cycle' });
      }
    }
    if (errors.length > 0) throw invalid(errors);
    const changes: Partial<PersonRow> = {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.email !== undefined && { email: patch.email.toLowerCase() }),
      ...(patch.phone !== undefined && { phone: patch.phone }),
      ...(patch.language !== undefined && { language: patch.language }),
      ...(resolved.orgUnitId !== undefined && { org_unit_id: resolved.orgUnitId }),
      ...(resolved.partnerId !== undefined && { partner_id: resolved.partnerId }),
      ...(resolved.managerId !== undefined && { manager_id: resolved.managerId }),
      ...(patch.employedFrom !== undefined && { employed_from: patch.employedFrom }),
      ...(patch.employedTo !== undefined && { employed_to: patch.employedTo }),
      ...(patch.isActive !== undefined && { is_active: patch.isActive ? 1 : 0 }),
    };
    const updated = { ...current, ...changes, updated_at: nowInstant() };
    await updatePersonRow(trx, id, { ...changes, updated_at: updated.updated_at });
    if (patch.roles) await replaceRoles(trx, id, patch.roles);
    if (patch.password) await setPassword(trx, id, patch.password);
    // A new password or a deactivation ends every session and API token: whoever knew the old
    // password, or held a key, is out, and a later reactivation brings none of them back.
    const ended =
      patch.password || patch.isActive === false
        ? { sessions: await endAllSessions(trx, change, id), tokens: await endTokensOf(trx, id) }
        : undefined;
    await writeAudit(trx, actor, {
      action: 'directory.person_updated',
      objectType: 'person',
      objectId: id,
      summary: {
        fields: Object.keys(patch).filter((k) => k !== 'password'),
        ...(patch.password && { passwordChanged: true }),
        ...(patch.roles && { roles: { from: currentRoles, to: patch.roles } }),
        ...(ended && { ended }),
      },
    });
    return updated;
  });
  return toDetail(db, row);
}

export async function getPersonRow(db: Db, id: string): Promise<PersonRow> {
  const row = await findPersonById(db, id);
  if (!row) throw notFound('directory.person_not_found');
  return row;
}

/** A person with contact details; the read is audited because those are personal data. */
export async function readPerson(db: Db, actor: AuditActor, id: string): Promise<PersonDetail> {
  const row = await getPersonRow(db, id);
  await writeAudit(db, actor, {
    action: 'directory.person_personal_data_read',
    objectType: 'person',
    objectId: id,
    summary: { fields: ['email', 'phone'] },
  });
  return toDetail(db, row);
}

export async function listPeople(db: Db, filter: PeopleFilter, page: { limit: number; offset: number }) {
  const { rows, total } = await searchPeople(db, filter, page);
  return { items: await toSummaries(db, rows), total };
}

async function toSummaries(db: Db, rows: PersonRow[]): Promise<PersonSummary[]> {
  const roles = await listRolesOf(
    db,
    rows.map((r) => r.id),
  );
  const codes = await codeLookups(db, rows);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    name: r.name,
    language: r.language as Language,
    roles: (roles.get(r.id) ?? []) as Role[],
    orgUnit: r.org_unit_id ? (codes.units.get(r.org_unit_id) ?? null) : null,
    partner: r.partner_id ? (codes.partners.get(r.partner_id) ?? null) : null,
    isActive: r.is_active === 1,
  }));
}

function codeLookups(db: Db, rows: PersonRow[]) {
  const unitIds = [...new Set(rows.map((r) => r.org_unit_id).filter((v): v is string => Boolean(v)))];
  const partnerIds = [...new Set(rows.map((r) => r.partner_id).filter((v): v is string => Boolean(v)))];
  return codesOf(db, { unitIds, partnerIds });
}

async function toDetail(db: Db, row: PersonRow): Promise<PersonDetail> {
  const [summary] = await toSummaries(db, [row]);
  const manager = row.manager_id ? await findPersonById(db, row.manager_id) : undefined;
  return {
    ...summary!,
    email: row.email,
    phone: row.phone,
    manager: manager?.username ?? null,
    employedFrom: row.employed_from,
    employedTo: row.employed_to,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
