import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AgreementRow, TeleworkTables } from './tables.js';

// Rows the allowance and crisis tests need from the agreements service's tables, written directly
// (that service is built apart): an agreement in a given state, and a staff profile.

type Db = Kysely<any>;
const NOW = '2026-01-01T00:00:00.000Z';

/** An agreement row (approved, structural 2 days by default) for a person. */
export async function insertTestAgreement(
  db: Db,
  personId: string,
  overrides: Partial<AgreementRow> = {},
): Promise<string> {
  const id = overrides.id ?? randomUUID();
  await (db as Kysely<TeleworkTables>)
    .insertInto('telework_agreement')
    .values({
      id,
      person_id: personId,
      regime: 'structural',
      status: 'approved',
      days_per_week: 2,
      weekdays: JSON.stringify([
        { day: 'tue', part: 'day' },
        { day: 'thu', part: 'day' },
      ]),
      monthly_days: null,
      start_date: '2020-01-01',
      end_date: null,
      clauses: JSON.stringify({ place: 'Home', reachableFrom: '09:00', reachableTo: '16:00' }),
      motivation: null,
      manager_id: null,
      employee_signed_by: null,
      employee_signed_at: null,
      employer_signed_by: null,
      employer_signed_at: null,
      signed_text: null,
      signed_digest: null,
      refusal_reason: null,
      requested_at: NOW,
      updated_at: NOW,
      version: 1,
      ...overrides,
    })
    .execute();
  return id;
}

/** A staff profile (function `test-office`, teleworkable, created when missing) at an occupation. */
export async function insertTestProfile(db: Db, personId: string, occupationPct: number): Promise<void> {
  const tw = db as Kysely<TeleworkTables>;
  const fn = await tw
    .selectFrom('telework_function')
    .select('code')
    .where('code', '=', 'test-office')
    .executeTakeFirst();
  if (!fn)
    await tw
      .insertInto('telework_function')
      .values({
        code: 'test-office',
        name_fr: 'Travail de bureau',
        name_nl: 'Bureauwerk',
        is_teleworkable: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  await tw
    .insertInto('telework_staff_profile')
    .values({
      person_id: personId,
      function_code: 'test-office',
      occupation_pct: occupationPct,
      updated_at: NOW,
    })
    .execute();
}
