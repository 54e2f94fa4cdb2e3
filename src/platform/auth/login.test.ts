import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import {
  asSession,
  createTestApp,
  json,
  login,
  makePerson,
  TEST_PASSWORD,
  type TestApp,
} from '../../test-support/test-app.js';
import type { AuditTables } from '../audit/audit.js';

let addressCounter = 0;
/** Each test logs in from its own address, so the per-address limit of one test does not leak into another. */
const newAddress = () => `10.0.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

describe.each(DIALECTS)('%s: password login', (dialect) => {
  let t: TestApp;

  const attempt = (username: string, password: string, ip: string, language = 'en') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      headers: { 'accept-language': language },
      payload: { username, password },
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('logs in and sets an HttpOnly, SameSite session cookie that opens /me', async () => {
    const person = await makePerson(t.app, { roles: ['agent'] });
    const response = await attempt(person.username, TEST_PASSWORD, newAddress());

    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ username: person.username, authMethod: 'session' });
    expect(json(response).csrfToken).toEqual(expect.any(String));
    const cookie = response.cookies.find((c) => c.name === 'relais_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await t.app.inject({ url: '/api/v1/me', cookies: { relais_session: cookie.value } });
    expect(json(me).username).toBe(person.username);
  });

  it('logs in whatever the case of the username', async () => {
    const person = await makePerson(t.app);
    const response = await attempt(person.username.toUpperCase(), TEST_PASSWORD, newAddress());
    expect(response.statusCode).toBe(200);
  });

  it('gives the same 401 problem for a wrong password and an unknown user, and audits both', async () => {
    const person = await makePerson(t.app);
    const wrongPassword = await attempt(person.username, 'not-the-password', newAddress());
    const unknownUser = await attempt('nobody.here', 'not-the-password', newAddress());

    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    expect(wrongPassword.headers['content-type']).toContain('application/problem+json');
    const { instance: _a, ...first } = json(wrongPassword);
    const { instance: _b, ...second } = json(unknownUser);
    expect(first).toEqual(second);
    expect(first.code).toBe('auth.invalid_credentials');
    expect(wrongPassword.cookies).toEqual([]);

    const failures = await (t.app.db as Kysely<AuditTables>)
      .selectFrom('audit_log')
      .select(['actor_username', 'actor_id'])
      .where('action', '=', 'auth.login_failed')
      .where('actor_username', 'in', [person.username, 'nobody.here'])
      .execute();
    expect(failures).toHaveLength(2);
  });

  it('refuses the 6th attempt on one account from one address within 15 minutes, even with the right password', async () => {
    const person = await makePerson(t.app);
    const ip = newAddress();
    for (let i = 1; i <= 5; i++) {
      expect((await attempt(person.username, `wrong-${i}`, ip)).statusCode).toBe(401);
    }
    const sixth = await attempt(person.username, TEST_PASSWORD, ip);
    expect(sixth.statusCode).toBe(429);
    expect(json(sixth)).toMatchObject({ code: 'auth.throttled', minutes: 15 });
    expect(sixth.headers['retry-after']).toBe('900');
    expect(json(sixth).title).toBe('Too many failed attempts. Try again in 15 minutes.');
  });

  it('lets no more than 5 guesses at one account from one address through when they arrive all at once', async () => {
    const person = await makePerson(t.app);
    const ip = newAddress();
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(person.username, `wrong-${i}`, ip)),
    );
    const statuses = guesses.map((g) => g.statusCode);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
    // The refused ones cost nothing; the checked ones use up the window's budget of 5.
    for (let i = checked; i < 5; i++) {
      expect((await attempt(person.username, 'wrong', ip)).statusCode).toBe(401);
    }
    expect((await attempt(person.username, TEST_PASSWORD, ip)).statusCode).toBe(429);
  });

  it('words the refusal in the language of the caller', async () => {
    const person = await makePerson(t.app);
    const ip = newAddress();
    for (let i = 1; i <= 5; i++) await attempt(person.username, 'wrong', ip);

    const french = await attempt(person.username, TEST_PASSWORD, ip, 'fr-BE,fr;q=0.9');
    expect(json(french).title).toBe('Trop de tentatives échouées. Réessayez dans 15 minutes.');
    const dutch = await attempt(person.username, TEST_PASSWORD, ip, 'nl-BE');
    expect(json(dutch).title).toBe('Te veel mislukte pogingen. Probeer opnieuw over 15 minuten.');
  });

  describe("guesses at someone else's account do not lock its owner out", () => {
    const withDevice = (username: string, password: string, ip: string, device: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: ip,
        cookies: { relais_device: device },
        payload: { username, password },
      });
    const deviceOf = (response: Awaited<ReturnType<typeof attempt>>) =>
      response.cookies.find((c) => c.name === 'relais_device');

    it('gives a browser an HttpOnly device cookie, sent to the login routes only, when it logs in', async () => {
      const person = await makePerson(t.app);
      const response = await attempt(person.username, TEST_PASSWORD, newAddress());
      expect(deviceOf(response)).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    });

    it('lets the owner in from another address while the attacker, five guesses in, stays throttled', async () => {
      const owner = await makePerson(t.app);
      const attacker = newAddress();
      for (let i = 1; i <= 8; i++) await attempt(owner.username, `guess-${i}`, attacker);
      expect((await attempt(owner.username, TEST_PASSWORD, attacker)).statusCode).toBe(429);

      expect((await attempt(owner.username, TEST_PASSWORD, newAddress())).statusCode).toBe(200);
      // The owner's success gave the attacker nothing back.
      expect((await attempt(owner.username, TEST_PASSWORD, attacker)).statusCode).toBe(429);
    });

    it("lets the owner's known browser in even from the attacker's address (a shared NAT)", async () => {
      const owner = await makePerson(t.app);
      const attacker = newAddress();
      const device = deviceOf(await attempt(owner.username, TEST_PASSWORD, newAddress()))!.value;
      for (let i = 1; i <= 8; i++) await attempt(owner.username, `guess-${i}`, attacker);
      expect((await attempt(owner.username, TEST_PASSWORD, attacker)).statusCode).toBe(429);

      const known = await withDevice(owner.username, TEST_PASSWORD, attacker, device);
      expect(known.statusCode).toBe(200);
      // Its cookie was renewed, and the spent one no longer counts as known.
      const renewed = deviceOf(known)!.value;
      expect(renewed).not.toBe(device);
      expect((await withDevice(owner.username, TEST_PASSWORD, attacker, device)).statusCode).toBe(429);
      expect((await withDevice(owner.username, TEST_PASSWORD, attacker, renewed)).statusCode).toBe(200);
      expect((await attempt(owner.username, TEST_PASSWORD, attacker)).statusCode).toBe(429);
    });

    it('judges a device cookie by its own failures, and ignores one given for another account', async () => {
      const [owner, other] = [await makePerson(t.app), await makePerson(t.app)];
      const ip = newAddress();
      const ownersDevice = deviceOf(await attempt(owner.username, TEST_PASSWORD, ip))!.value;

      // A cookie of another account's browser is no key to this one: counted as unknown.
      for (let i = 1; i <= 5; i++) {
        expect((await withDevice(other.username, 'wrong', ip, ownersDevice)).statusCode).toBe(401);
      }
      expect((await withDevice(other.username, TEST_PASSWORD, ip, ownersDevice)).statusCode).toBe(429);

      // The device's own five failures close it, whatever the address.
      for (let i = 1; i <= 5; i++) {
        expect((await withDevice(owner.username, 'wrong', newAddress(), ownersDevice)).statusCode).toBe(401);
      }
      expect((await withDevice(owner.username, TEST_PASSWORD, newAddress(), ownersDevice)).statusCode).toBe(
        429,
      );
      // …while the owner can still come in from a browser that made no mistake.
      expect((await attempt(owner.username, TEST_PASSWORD, newAddress())).statusCode).toBe(200);
    });
  });

  it('refuses any login from an address after 30 failures in 15 minutes, while other addresses still get in', async () => {
    const ip = newAddress();
    const person = await makePerson(t.app);
    for (let i = 1; i <= 30; i++) {
      // Thirty different usernames: no single account reaches its own limit.
      expect((await attempt(`guess-${i}-${ip}`, 'wrong', ip)).statusCode).toBe(401);
    }
    const fromThere = await attempt(person.username, TEST_PASSWORD, ip);
    expect(fromThere.statusCode).toBe(429);
    expect(json(fromThere).code).toBe('auth.throttled');
    expect((await attempt(person.username, TEST_PASSWORD, newAddress())).statusCode).toBe(200);
  });

  it("clears an account's failures when it logs in", async () => {
    const person = await makePerson(t.app);
    for (let i = 1; i <= 4; i++) await attempt(person.username, 'wrong', newAddress());
    expect((await attempt(person.username, TEST_PASSWORD, newAddress())).statusCode).toBe(200);
    for (let i = 1; i <= 4; i++) {
      expect((await attempt(person.username, 'wrong', newAddress())).statusCode).toBe(401);
    }
    // Eight failures in the window, but only four since the success.
    expect((await attempt(person.username, TEST_PASSWORD, newAddress())).statusCode).toBe(200);
  });

  it('refuses a disabled person, even with the right password, and audits it', async () => {
    const admin = await login(t.app, (await makePerson(t.app, { roles: ['admin'] })).username);
    const person = await makePerson(t.app);
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/directory/people/${person.id}`,
      headers: asSession(admin),
      payload: { isActive: false },
    });
    expect(disable.statusCode).toBe(200);

    const response = await attempt(person.username, TEST_PASSWORD, newAddress());
    expect(response.statusCode).toBe(403);
    expect(json(response).code).toBe('auth.account_inactive');
    expect(response.cookies).toEqual([]);
    const audit = await (t.app.db as Kysely<AuditTables>)
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'auth.login_failed')
      .where('object_id', '=', person.id)
      .execute();
    expect(audit.map((a) => JSON.parse(a.summary))).toEqual([
      { method: 'password', reason: 'auth.account_inactive' },
    ]);
  });

  it('names the missing field when the body is incomplete', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: newAddress(),
      payload: { username: 'someone' },
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).errors.map((e: { field: string }) => e.field)).toEqual(['password']);
  });
});
