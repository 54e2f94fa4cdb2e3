import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { DIALECTS } from '../../test-support/databases.js';
import { unique } from '../../test-support/factories.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createOrgUnit } from './org-units.js';
import { createPerson } from './people.js';
import { peopleOfUnit, reportsOf } from './repository.js';

describe.each(DIALECTS)('%s: reports and units for other modules', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const person = (name: string, extra: { manager?: string; orgUnit?: string } = {}) => {
    const username = unique('rep').toLowerCase();
    return createPerson(
      t.app.db,
      CLI_ACTOR,
      { username, name, email: `${username}@example.org`, roles: ['employee'], ...extra },
      'en',
    );
  };

  it("lists a manager's direct reports by name, not their reports' reports nor anyone else", async () => {
    const boss = await person('Boss');
    const zoe = await person('Zoé', { manager: boss.username });
    const anna = await person('Anna', { manager: boss.username });
    await person('Indirect', { manager: zoe.username });
    await person('Elsewhere');
    expect(await reportsOf(t.app.db, boss.id)).toEqual([
      { id: anna.id, name: 'Anna' },
      { id: zoe.id, name: 'Zoé' },
    ]);
  });

  it('lists the people of a unit by its code, and nobody for an unknown code', async () => {
    const code = unique('unit').toLowerCase();
    await createOrgUnit(t.app.db, CLI_ACTOR, { code, nameFr: 'Unité', nameNl: 'Eenheid', kind: 'team' });
    const member = await person('Member', { orgUnit: code });
    await person('Outsider');
    expect(await peopleOfUnit(t.app.db, code)).toEqual([{ id: member.id, name: 'Member' }]);
    expect(await peopleOfUnit(t.app.db, 'no-such-unit')).toEqual([]);
  });
});
