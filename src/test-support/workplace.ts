import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { createPerson } from '../modules/directory/index.js';
import { importPlan } from '../modules/workplace/index.js';
import { CLI_ACTOR } from '../platform/audit/audit.js';
import type { Role } from '../platform/auth/roles.js';
import { createToken } from '../platform/auth/tokens.js';
import { brusselsDay } from '../platform/db/time.js';
import { projectFile } from '../platform/project-files.js';
import { belgianHolidays } from '../shared/belgian-holidays.js';

/**
 * The demo building with every id prefixed (`t1-botanique-03-A-001`), so a test's bookings never
 * meet the demo seed's on the same desks.
 */
export function testPlan(prefix: string) {
  const plan = JSON.parse(fs.readFileSync(projectFile('demo', 'floorplans', 'botanique.json'), 'utf8'));
  const rename = (id: string) => `${prefix}-${id}`;
  plan.site.id = rename(plan.site.id);
  for (const floor of plan.floors) {
    floor.id = rename(floor.id);
    for (const zone of floor.zones) zone.id = rename(zone.id);
    for (const desk of floor.desks) {
      desk.id = rename(desk.id);
      desk.zone = rename(desk.zone);
    }
  }
  return plan;
}

/** Loads a prefixed copy of the demo building; returns its site id. */
export async function loadTestBuilding(app: FastifyInstance, prefix: string): Promise<string> {
  const report = await importPlan(app.db, CLI_ACTOR, testPlan(prefix));
  return report.site;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The next `count` weekdays from today on (today included) that are no Belgian public holiday. */
export function nextOpenDays(count: number, from = brusselsDay()): string[] {
  const days: string[] = [];
  for (let day = from; days.length < count; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const holidays = new Set(belgianHolidays(Number(day.slice(0, 4))).map((h) => h.date));
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) days.push(day);
  }
  return days;
}

let counter = 0;

/** A person with these roles (no password: the test calls with a bearer token) and their token. */
export async function makeBooker(
  app: FastifyInstance,
  roles: Role[] = ['employee'],
  orgUnit: string | null = null,
  language: 'fr' | 'nl' | 'en' = 'en',
): Promise<{ id: string; username: string; headers: Record<string, string> }> {
  counter += 1;
  const username = `booker${counter}-${Math.random().toString(36).slice(2, 7)}`;
  const person = await createPerson(
    app.db,
    CLI_ACTOR,
    { username, name: `Booker ${counter}`, email: `${username}@example.org`, roles, orgUnit, language },
    'en',
  );
  const { token } = await createToken(app.db, {
    personId: person.id,
    name: 'workplace test',
    createdBy: null,
  });
  return { id: person.id, username, headers: { authorization: `Bearer ${token}` } };
}
