import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import {
  asSession,
  createTestApp,
  json,
  login,
  makePerson,
  type Session,
  type TestApp,
} from '../../test-support/test-app.js';

describe.each(DIALECTS)('%s: the passwords a person may be given', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await login(t.app, (await makePerson(t.app, { roles: ['admin'] })).username);
  });
  afterAll(() => t.close());

  const create = (username: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/people',
      headers: asSession(admin),
      payload: {
        username,
        name: 'New Colleague',
        email: `${username}@example.org`,
        roles: ['agent'],
        password,
      },
    });
  const setPassword = (id: string, password: string) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/directory/people/${id}`,
      headers: asSession(admin),
      payload: { password },
    });

  it('refuses a password shorter than 12 characters', async () => {
    const refused = await create('eleven', 'eleven-char');
    expect(refused.statusCode).toBe(400);
    expect(json(refused).errors).toEqual([
      expect.objectContaining({
        field: 'password',
        code: 'validation.minLength',
        message: 'At least 12 characters.',
      }),
    ]);
    const person = await makePerson(t.app);
    expect((await setPassword(person.id, 'eleven-char')).statusCode).toBe(400);
    expect((await setPassword(person.id, 'twelve-chars')).statusCode).toBe(200);
    await login(t.app, person.username, 'twelve-chars');
  });

  it('refuses a password from the list of common passwords, whatever its case, and says why', async () => {
    const refused = await create('common', 'QWERTY123456');
    expect(refused.statusCode).toBe(400);
    expect(json(refused).errors).toEqual([
      expect.objectContaining({ field: 'password', code: 'credentials.password_too_common' }),
    ]);
    expect(json(refused).errors[0].message).toMatch(/common/);
    const person = await makePerson(t.app);
    const patched = await setPassword(person.id, '1qaz2wsx3edc');
    expect(patched.statusCode).toBe(400);
    expect(json(patched).errors[0].code).toBe('credentials.password_too_common');
    // Nothing was changed: the old password still logs in.
    await login(t.app, person.username);
  });
});
