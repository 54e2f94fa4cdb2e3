import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, json, makePerson, TEST_PASSWORD, type TestApp } from '../../test-support/test-app.js';

describe.each(DIALECTS)('%s: the session cookie’s name', (dialect) => {
  describe.each([
    { url: 'https://relais.example.be', name: '__Host-relais_session', isSecure: true },
    { url: 'http://localhost:8080', name: 'relais_session', isSecure: false },
  ])('served at $url', ({ url, name, isSecure }) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect, { env: { RELAIS_PUBLIC_URL: url } });
    });
    afterAll(() => t.close());

    const logIn = async () => {
      const person = await makePerson(t.app);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: person.username, password: TEST_PASSWORD },
      });
      expect(response.statusCode, response.body).toBe(200);
      return { person, response };
    };

    it(`is ${name}, with Path=/, no Domain${isSecure ? ', Secure' : ''}, and only that name opens a session`, async () => {
      const { person, response } = await logIn();
      // Beside it, the device cookie that spares a known browser the login throttle (login-devices.ts).
      expect(response.cookies.map((c) => c.name).filter((n) => n !== 'relais_device')).toEqual([name]);
      const cookie = response.cookies.find((c) => c.name === name)!;
      expect(cookie).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax' });
      expect(cookie.domain).toBeUndefined();
      expect(Boolean(cookie.secure)).toBe(isSecure);

      const me = await t.app.inject({ url: '/api/v1/me', cookies: { [name]: cookie.value } });
      expect(json(me).username).toBe(person.username);
      const other = name === 'relais_session' ? '__Host-relais_session' : 'relais_session';
      expect((await t.app.inject({ url: '/api/v1/me', cookies: { [other]: cookie.value } })).statusCode).toBe(
        401,
      );

      const spec = json(await t.app.inject({ url: '/api/openapi.json' }));
      expect(spec.components.securitySchemes.session.name).toBe(name);
    });

    it('is cleared under the same name and attributes at logout', async () => {
      const { response } = await logIn();
      const cookie = response.cookies.find((c) => c.name === name)!;
      const logout = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        cookies: { [name]: cookie.value },
        headers: { 'x-csrf-token': json(response).csrfToken },
      });
      expect(logout.statusCode).toBe(204);
      const cleared = logout.cookies.find((c) => c.name === name);
      expect(cleared).toMatchObject({ value: '', path: '/' });
      expect(Boolean(cleared?.secure)).toBe(isSecure);
    });
  });
});
