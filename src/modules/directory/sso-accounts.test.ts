import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditTables, CLI_ACTOR } from '../../platform/audit/audit.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, makePerson, type TestApp } from '../../test-support/test-app.js';
import { unbindSsoAccounts } from './sso-accounts.js';

const ISSUER = 'https://idp.example';

describe.each(DIALECTS)('%s: single sign-on bindings', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('finds a person by the provider account bound to them, and binds one account per person and issuer', async () => {
    const person = await makePerson(t.app);
    const { identities, db } = t.app;
    expect(await identities.ssoSubjectOf(db, person.id, ISSUER)).toBeUndefined();
    await identities.bindSsoSubject(db, person.id, ISSUER, 'sub-1');

    expect((await identities.findBySsoSubject(db, ISSUER, 'sub-1'))?.username).toBe(person.username);
    expect(await identities.findBySsoSubject(db, 'https://other.example', 'sub-1')).toBeUndefined();
    expect(await identities.ssoSubjectOf(db, person.id, ISSUER)).toBe('sub-1');
    await expect(identities.bindSsoSubject(db, person.id, ISSUER, 'sub-2')).rejects.toThrow();
    const other = await makePerson(t.app);
    await expect(identities.bindSsoSubject(db, other.id, ISSUER, 'sub-1')).rejects.toThrow();
  });

  it('unbinds a person on request (relais user unbind-sso), audited, so that the next login binds again', async () => {
    const person = await makePerson(t.app);
    const { identities, db } = t.app;
    await identities.bindSsoSubject(db, person.id, ISSUER, `old-${person.id}`);

    expect(await unbindSsoAccounts(db, CLI_ACTOR, person.username)).toBe(1);
    expect(await identities.findBySsoSubject(db, ISSUER, `old-${person.id}`)).toBeUndefined();
    await identities.bindSsoSubject(db, person.id, ISSUER, `new-${person.id}`);
    expect((await identities.findBySsoSubject(db, ISSUER, `new-${person.id}`))?.id).toBe(person.id);

    const audit = await (db as Kysely<AuditTables>)
      .selectFrom('audit_log')
      .select(['summary'])
      .where('action', '=', 'directory.person_sso_unbound')
      .where('object_id', '=', person.id)
      .execute();
    expect(audit.map((row) => JSON.parse(row.summary))).toEqual([{ count: 1 }]);
    await expect(unbindSsoAccounts(db, CLI_ACTOR, 'nobody.at.all')).rejects.toMatchObject({
      code: 'directory.person_not_found',
    });
  });
});
