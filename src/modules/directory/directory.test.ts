import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import {
  asSession,
  createTestApp,
  json,
  login,
  makePerson,
  type Session,
} from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

describe.each(DIALECTS)('%s: directory API', (dialect) => {
  const t = withApp(dialect, { as: ['admin'] });
  let admin: Session;

  beforeAll(() => {
    admin = t.people.admin;
  });

  it('creates a person with roles and shows them in the list', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/people',
      headers: asSession(admin),
      payload: {
        username: 'vol.dupont',
        name: 'Luc Dupont',
        email: 'Luc.Dupont@example.org',
        roles: ['agent', 'employee'],
        language: 'fr',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({
      username: 'vol.dupont',
      email: 'luc.dupont@example.org',
      roles: ['agent', 'employee'],
    });

    const list = await t.app.inject({
      url: '/api/v1/directory/people?role=agent&q=dupont',
      headers: asSession(admin),
    });
    expect(json(list).total).toBe(1);
    expect(json(list).items[0]).not.toHaveProperty('email');
  });

  it('audits the creation and the read of contact details', async () => {
    const person = await makePerson(t.app, { roles: ['employee'] });
    await t.app.inject({ url: `/api/v1/directory/people/${person.id}`, headers: asSession(admin) });
    const audit = json(
      await t.app.inject({ url: `/api/v1/audit?objectId=${person.id}`, headers: asSession(admin) }),
    );
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'directory.person_personal_data_read',
      'directory.person_created',
    ]);
  });

  it('refuses a duplicate username and a partner role without a fund, naming both fields, in French', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/people',
      headers: asSession(admin, { 'accept-language': 'fr' }),
      payload: { username: 'vol.dupont', name: 'X', email: 'x@example.org', roles: ['partner'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = json(response);
    expect(problem.code).toBe('validation.failed');
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['partner', 'username']);
    // Admin's preference is English; the test person was made with language en.
    expect(problem.errors.find((e: { field: string }) => e.field === 'username').message).toContain(
      'vol.dupont',
    );
  });

  it('names every malformed field of a body at once', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/people',
      headers: asSession(admin),
      payload: { username: 'Bad Name', name: '', email: 'not-an-email', roles: ['pilot'], extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    const fields = json(response).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'name', 'email', 'roles.0', 'extra']));
  });

  it('imports a CSV all or nothing, listing each bad row by line', async () => {
    const csv = [
      'username,name,email,language,roles,org_unit,partner',
      'imp.one,One,one@example.org,fr,agent employee,,',
      'imp.two,Two,not-an-email,nl,agent,,',
      'imp.three,Three,three@example.org,xx,agent,,',
    ].join('\n');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/people/import',
      headers: asSession(admin),
      payload: { csv },
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).errors.map((e: { field: string }) => e.field)).toEqual([
      'line.3.email',
      'line.4.language',
    ]);
    const none = json(
      await t.app.inject({ url: '/api/v1/directory/people?q=imp.', headers: asSession(admin) }),
    );
    expect(none.total).toBe(0);

    const good = csv.replace('not-an-email', 'two@example.org').replace(',xx,', ',nl,');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/people/import',
      headers: asSession(admin),
      payload: { csv: good },
    });
    expect(json(imported).imported).toBe(3);
  });

  it('keeps a partner user to exactly one fund', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/partners',
      headers: asSession(admin),
      payload: { code: 'acerta', nameFr: 'Acerta', nameNl: 'Acerta', kind: 'fund' },
    });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/people',
      headers: asSession(admin),
      payload: {
        username: 'p.acerta',
        name: 'P',
        email: 'p@acerta.example',
        roles: ['partner'],
        partner: 'acerta',
      },
    });
    expect(ok.statusCode).toBe(201);
    const me = json(
      await t.app.inject({
        url: '/api/v1/me',
        headers: asSession(
          await (async () => {
            await t.app.inject({
              method: 'PATCH',
              url: `/api/v1/directory/people/${json(ok).id}`,
              headers: asSession(admin),
              payload: { password: 'partner-password' },
            });
            return login(t.app, 'p.acerta', 'partner-password');
          })(),
        ),
      }),
    );
    expect(me).toMatchObject({ username: 'p.acerta', roles: ['partner'], partner: 'acerta' });
  });
});

describe.each(DIALECTS)('%s: identities by e-mail', (dialect) => {
  it('identifies nobody by an e-mail address two people share (a shared mailbox)', async () => {
    const { directoryIdentities } = await import('./identity-source.js');
    const t = await createTestApp(dialect);
    try {
      const admin = await makePerson(t.app, { roles: ['admin'] });
      const agent = await makePerson(t.app, { roles: ['agent'] });
      expect(
        (await directoryIdentities.findByEmail(t.app.db, `${agent.username}@example.org`))?.username,
      ).toBe(agent.username);
      await t.app.db
        .updateTable('directory_person')
        .set({ email: 'desk@example.org' })
        .where('id', 'in', [admin.id, agent.id])
        .execute();
      expect(await directoryIdentities.findByEmail(t.app.db, 'desk@example.org')).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
