import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import type { Role } from '../../platform/auth/roles.js';
import { createToken } from '../../platform/auth/tokens.js';
import { createPerson } from '../directory/index.js';
import type { AgreementDay, Regime } from './contract.js';

// The rows the presence plan's tests need, written straight into the tables the agreements
// service owns (its use cases are written elsewhere): an approved agreement, a profile, a measure.

let counter = 0;

/** A member of staff with a bearer token; `manager` is a username. */
export async function makeStaff(
  app: FastifyInstance,
  options: { roles?: Role[]; manager?: string; orgUnit?: string; language?: 'fr' | 'nl' | 'en' } = {},
): Promise<{ id: string; username: string; name: string; headers: Record<string, string> }> {
  counter += 1;
  const username = `staff${counter}-${Math.random().toString(36).slice(2, 7)}`;
  const name = `Staff ${counter}`;
  const person = await createPerson(
    app.db,
    CLI_ACTOR,
    {
      username,
      name,
      email: `${username}@example.org`,
      roles: options.roles ?? ['employee'],
      language: options.language ?? 'en',
      ...(options.manager && { manager: options.manager }),
      ...(options.orgUnit && { orgUnit: options.orgUnit }),
    },
    'en',
  );
  const { token } = await createToken(app.db, {
    personId: person.id,
    name: 'presence test',
    createdBy: null,
  });
  return { id: person.id, username, name, headers: { authorization: `Bearer ${token}` } };
}

/** An approved agreement from `startDate` on (open-ended unless `endDate`). */
export async function insertApprovedAgreement(
  app: FastifyInstance,
  personId: string,
  a: {
    regime: Regime;
    daysPerWeek?: number;
    weekdays?: AgreementDay[];
    monthlyDays?: number;
    startDate: string;
    endDate?: string;
  },
): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await app.db
    .insertInto('telework_agreement')
    .values({
      id,
      person_id: personId,
      regime: a.regime,
      status: 'approved',
      days_per_week: a.daysPerWeek ?? null,
      weekdays: JSON.stringify(a.weekdays ?? []),
      monthly_days: a.monthlyDays ?? null,
      start_date: a.startDate,
      end_date: a.endDate ?? null,
      clauses: JSON.stringify({ place: 'home', reachableFrom: '09:00', reachableTo: '16:00' }),
      requested_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

/** A mandatory crisis measure for the whole institution over a period. */
export async function insertMandatoryMeasure(
  app: FastifyInstance,
  m: { startDate: string; endDate: string; exceptions?: string[] },
): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await app.db
    .insertInto('telework_crisis_measure')
    .values({
      id,
      kind: 'mandatory',
      title_fr: 'Télétravail obligatoire',
      title_nl: 'Verplicht telewerk',
      start_date: m.startDate,
      end_date: m.endDate,
      org_units: '[]',
      exceptions: JSON.stringify(m.exceptions ?? []),
      weekly_cap_days: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
