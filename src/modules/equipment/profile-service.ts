import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { invalid, notFound } from '../../platform/errors.js';
import { functionCodesOf, listFunctions } from '../telework/index.js';
import type {
  MyProfile,
  Profile,
  ProfileInput,
  ProfileItem,
  ProfileList,
  TypePolicy,
  TypePolicyInput,
} from './contract/request-contract.js';
import { ASSET_TYPES, type AssetType } from './contract.js';
import {
  type Db,
  deleteProfileRow,
  findProfileRow,
  listPolicyRows,
  listProfileFunctions,
  listProfileItems,
  listProfileRows,
  profileIdOfFunction,
  savePolicyRow,
  saveProfileRow,
} from './profile-repository.js';
import type { ProfileRow, TypePolicyRow } from './tables.js';

// Profiles per function and the per-type policies: kept by ICT, read by every request.

const other = (db: Db) => db as unknown as Kysely<any>;

function toProfile(row: ProfileRow, functions: string[], items: ProfileItem[]): Profile {
  return {
    id: row.id,
    names: { fr: row.name_fr, nl: row.name_nl, en: row.name_en },
    functions,
    items,
    updatedAt: row.updated_at,
  };
}

export async function listProfiles(db: Db): Promise<ProfileList> {
  const [rows, functions, items, choices] = await Promise.all([
    listProfileRows(db),
    listProfileFunctions(db),
    listProfileItems(db),
    listFunctions(other(db)),
  ]);
  return {
    items: rows.map((row) =>
      toProfile(
        row,
        functions.filter((f) => f.profile_id === row.id).map((f) => f.function_code),
        items
          .filter((i) => i.profile_id === row.id)
          .map((i) => ({ type: i.type as AssetType, mode: i.mode as ProfileItem['mode'] })),
      ),
    ),
    functions: choices.map((f) => ({ code: f.code, nameFr: f.name_fr, nameNl: f.name_nl })),
  };
}

async function profileById(db: Db, id: string): Promise<Profile> {
  const row = await findProfileRow(db, id);
  if (!row) throw notFound('equipment.profile.not_found', { profile: id });
  const [functions, items] = await Promise.all([listProfileFunctions(db), listProfileItems(db, [id])]);
  return toProfile(
    row,
    functions.filter((f) => f.profile_id === id).map((f) => f.function_code),
    items.map((i) => ({ type: i.type as AssetType, mode: i.mode as ProfileItem['mode'] })),
  );
}

async function inputProblems(db: Db, input: ProfileInput) {
  const known = new Set((await listFunctions(other(db))).map((f) => f.code));
  const unknown = input.functions.filter((code) => !known.has(code));
  const problems = [];
  if (unknown.length)
    problems.push({
      field: 'functions',
      code: 'equipment.profile.unknown_function',
      params: { codes: unknown.join(', ') },
    });
  const types = input.items.map((i) => i.type);
  if (new Set(types).size !== types.length)
    problems.push({ field: 'items', code: 'equipment.profile.duplicate_item' });
  return problems;
}

/** Creates (id null) or replaces a profile, its functions and items, audited. */
export async function saveProfile(
  db: Db,
  actor: AuditActor,
  id: string | null,
  input: ProfileInput,
): Promise<Profile> {
  const profileId = id ?? `P-${randomUUID().slice(0, 8)}`;
  await withTransaction(db, async (trx) => {
    const existing = id ? await findProfileRow(trx, id) : undefined;
    if (id && !existing) throw notFound('equipment.profile.not_found', { profile: id });
    const problems = await inputProblems(trx, input);
    if (problems.length) throw invalid(problems);
    const now = nowInstant();
    await saveProfileRow(
      trx,
      {
        id: profileId,
        name_fr: input.names.fr.trim(),
        name_nl: input.names.nl.trim(),
        name_en: input.names.en.trim(),
        created_at: existing?.created_at ?? now,
        updated_at: now,
      },
      [...new Set(input.functions)],
      input.items,
    );
    await writeAudit(trx, actor, {
      action: id ? 'equipment.profile_updated' : 'equipment.profile_created',
      objectType: 'equipment_profile',
      objectId: profileId,
      summary: { functions: input.functions.length, items: input.items.length },
    });
  });
  return profileById(db, profileId);
}

export async function deleteProfile(db: Db, actor: AuditActor, id: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    if (!(await deleteProfileRow(trx, id))) throw notFound('equipment.profile.not_found', { profile: id });
    await writeAudit(trx, actor, {
      action: 'equipment.profile_deleted',
      objectType: 'equipment_profile',
      objectId: id,
    });
  });
}

/** The policy of a type as the rules read it: no approval, no contribution, no threshold by default. */
export function toPolicy(type: AssetType, row: TypePolicyRow | undefined): TypePolicy {
  return {
    type,
    managerApproval: row?.manager_approval === 1,
    contributionCapCents: row?.contribution_cap_cents ?? null,
    contributionPeriodMonths: row?.contribution_period_months ?? null,
    lowStockThreshold: row?.low_stock_threshold ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

/** Every type's policy, those never set at their defaults. */
export async function listPolicies(db: Db): Promise<TypePolicy[]> {
  const rows = new Map((await listPolicyRows(db)).map((row) => [row.type, row]));
  return ASSET_TYPES.map((type) => toPolicy(type, rows.get(type)));
}

export async function savePolicy(
  db: Db,
  actor: AuditActor,
  type: AssetType,
  input: TypePolicyInput,
): Promise<TypePolicy> {
  if ((input.contributionCapCents === null) !== (input.contributionPeriodMonths === null))
    throw invalid([
      {
        field: input.contributionCapCents === null ? 'contributionCapCents' : 'contributionPeriodMonths',
        code: 'equipment.policy.cap_and_period',
      },
    ]);
  const row: TypePolicyRow = {
    type,
    manager_approval: input.managerApproval ? 1 : 0,
    contribution_cap_cents: input.contributionCapCents,
    contribution_period_months: input.contributionPeriodMonths,
    low_stock_threshold: input.lowStockThreshold,
    updated_at: nowInstant(),
    updated_by: actor.id,
  };
  await withTransaction(db, async (trx) => {
    await savePolicyRow(trx, row);
    await writeAudit(trx, actor, {
      action: 'equipment.policy_updated',
      objectType: 'equipment_type_policy',
      objectId: type,
      summary: { ...input },
    });
  });
  return toPolicy(type, row);
}

/** The profile of a person's function (through telework's staff profile), or null. */
export async function profileOfPerson(db: Db, personId: string): Promise<Profile | null> {
  const code = (await functionCodesOf(other(db), [personId])).get(personId);
  const profileId = code ? await profileIdOfFunction(db, code) : null;
  return profileId ? profileById(db, profileId) : null;
}

export async function myProfile(db: Db, personId: string): Promise<MyProfile> {
  const [profile, policies] = await Promise.all([profileOfPerson(db, personId), listPolicies(db)]);
  return { profile, policies };
}
