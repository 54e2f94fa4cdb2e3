import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Db } from './agreement-repository.js';
import { type Caps, capsFor } from './agreement-rules.js';
import type { Eligibility, Policy, StaffProfile, TeleworkFunction } from './contract.js';
import {
  findFunction,
  findPolicy,
  findProfile,
  listFunctions,
  POLICY_ID,
  saveFunction,
  savePolicy,
  saveProfile,
} from './staffing-repository.js';
import type { FunctionRow } from './tables.js';

// The institution's telework policy, its functions (teleworkable or not) and each member of
// staff's function and occupation: what eligibility and caps are computed from. Kept by HR.

/** The rules' defaults (GLOSSARY): 3 days a week for a full-time job, no monthly cap, the manager decides alone. */
export const DEFAULT_POLICY: Policy = { weeklyCapDays: 3, monthlyCapDays: null, hrApproval: false };

export async function getPolicy(db: Db): Promise<Policy> {
  const row = await findPolicy(db);
  return row
    ? {
        weeklyCapDays: row.weekly_cap_days,
        monthlyCapDays: row.monthly_cap_days,
        hrApproval: row.hr_approval === 1,
      }
    : DEFAULT_POLICY;
}

export async function setPolicy(db: Db, actor: AuditActor, policy: Policy): Promise<Policy> {
  await withTransaction(db, async (trx) => {
    const before = await getPolicy(trx);
    await savePolicy(trx, {
      id: POLICY_ID,
      weekly_cap_days: policy.weeklyCapDays,
      monthly_cap_days: policy.monthlyCapDays,
      hr_approval: policy.hrApproval ? 1 : 0,
      updated_at: nowInstant(),
      updated_by: actor.id,
    });
    await writeAudit(trx, actor, {
      action: 'telework.policy_changed',
      objectType: 'telework_policy',
      objectId: POLICY_ID,
      summary: { before, after: policy },
    });
  });
  return policy;
}

const toFunction = (row: FunctionRow): TeleworkFunction => ({
  code: row.code,
  name: { fr: row.name_fr, nl: row.name_nl },
  teleworkable: row.is_teleworkable === 1,
});

export const functionsList = async (db: Db): Promise<TeleworkFunction[]> =>
  (await listFunctions(db)).map(toFunction);

/** Adds a function or changes its names and whether it can be done from home. */
export async function putFunction(
  db: Db,
  actor: AuditActor,
  fn: TeleworkFunction,
): Promise<TeleworkFunction> {
  await withTransaction(db, async (trx) => {
    const at = nowInstant();
    const before = await findFunction(trx, fn.code);
    await saveFunction(trx, {
      code: fn.code,
      name_fr: fn.name.fr,
      name_nl: fn.name.nl,
      is_teleworkable: fn.teleworkable ? 1 : 0,
      created_at: before?.created_at ?? at,
      updated_at: at,
    });
    await writeAudit(trx, actor, {
      action: 'telework.function_saved',
      objectType: 'telework_function',
      objectId: fn.code,
      summary: { teleworkable: fn.teleworkable },
    });
  });
  return fn;
}

export async function getProfile(db: Db, personId: string): Promise<StaffProfile> {
  const row = await findProfile(db, personId);
  if (!row) throw notFound('telework.profile_not_found', { person: personId });
  return { functionCode: row.function_code, occupationPct: row.occupation_pct };
}

/** Records a person's function and occupation (HR); the function must exist. */
export async function putProfile(
  db: Db,
  actor: AuditActor,
  personId: string,
  profile: StaffProfile,
  personExists: (id: string) => Promise<boolean>,
): Promise<StaffProfile> {
  if (!(await personExists(personId))) throw notFound('telework.person_not_found', { person: personId });
  await withTransaction(db, async (trx) => {
    if (!(await findFunction(trx, profile.functionCode)))
      throw invalid([
        {
          field: 'functionCode',
          code: 'telework.function_not_found',
          params: { function: profile.functionCode },
        },
      ]);
    await saveProfile(trx, {
      person_id: personId,
      function_code: profile.functionCode,
      occupation_pct: profile.occupationPct,
      updated_at: nowInstant(),
    });
    await writeAudit(trx, actor, {
      action: 'telework.profile_saved',
      objectType: 'person',
      objectId: personId,
      summary: { function: profile.functionCode, occupationPct: profile.occupationPct },
    });
  });
  return profile;
}

export type PersonTerms = {
  eligibility: Eligibility;
  caps: Caps;
  /** The code of why the person may not telework, with its parameters; null when they may. */
  ineligible: { code: string; params: Record<string, unknown> } | null;
  policy: Policy;
  occupationPct: number;
};

/** Whether a person may telework and within which caps, from their profile and the policy. */
export async function termsOf(db: Db, personId: string, language: 'fr' | 'nl' | 'en'): Promise<PersonTerms> {
  const [policy, profile] = await Promise.all([getPolicy(db), findProfile(db, personId)]);
  const fn = profile && (await findFunction(db, profile.function_code));
  const functionName = fn ? (language === 'nl' ? fn.name_nl : fn.name_fr) : null;
  const occupationPct = profile?.occupation_pct ?? 100;
  const caps = capsFor(policy, occupationPct);
  const ineligible = !profile
    ? { code: 'telework.no_profile', params: {} }
    : fn && fn.is_teleworkable === 0
      ? { code: 'telework.function_not_teleworkable', params: { function: functionName } }
      : null;
  return {
    policy,
    caps,
    occupationPct,
    ineligible,
    eligibility: {
      eligible: ineligible === null,
      reason: ineligible?.code ?? null,
      functionName,
      occupationPct: profile?.occupation_pct ?? null,
      weeklyCapDays: caps.weeklyCapDays,
      monthlyCapDays: caps.monthlyCapDays,
      needsHrApproval: policy.hrApproval,
    },
  };
}
