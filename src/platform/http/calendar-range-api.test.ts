import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import {
  asSession,
  createTestApp,
  login,
  makePerson,
  type Session,
  type TestApp,
} from '../../test-support/test-app.js';
import { translate } from '../i18n/i18n.js';

// GET /api/v1/inquiries/figures?to=0000-01-01 was a 500 (RangeError from Date): every day and
// instant, in a query or a body, is now a real one from 1900 to 2199, checked by the shared formats.
describe.each(DIALECTS)('%s: days and instants out of range', (dialect) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const person = await makePerson(t.app, { roles: ['admin', 'manager'] });
    admin = await login(t.app, person.username);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ url, headers: asSession(admin) });

  it('refuses figures for a year outside 1900-2199 with a 400 naming the parameter', async () => {
    for (const query of [
      'to=0000-01-01',
      'to=10000-01-01',
      'to=-0001-01-01',
      'from=9999-12-30&to=9999-12-31',
      'from=1899-12-31&to=1900-01-05',
      'to=2020-02-30',
    ]) {
      const response = await get(`/api/v1/inquiries/figures?${query}`);
      expect(response.statusCode, query).toBe(400);
      const field = query.startsWith('from') ? 'querystring.from' : 'querystring.to';
      expect(response.json().errors, query).toContainEqual({
        field,
        code: 'input.date',
        message: translate('en', 'input.date', { earliest: '1900-01-01', latest: '2199-12-31' }),
      });
    }
  });

  it('still gives figures for days at the edges of the range', async () => {
    const first = await get('/api/v1/inquiries/figures?from=1900-01-01&to=1900-01-03');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ from: '1900-01-01', to: '1900-01-03', total: 0 });
    const last = await get('/api/v1/inquiries/figures?to=2199-12-31');
    expect(last.statusCode).toBe(200);
    expect(last.json().days).toHaveLength(30);
  });

  it('refuses an out-of-range day in the public search and an out-of-range instant in the audit log', async () => {
    const search = await t.app.inject({ url: '/api/v1/public/faq/search?q=chomage&as_of=0000-01-01' });
    expect(search.statusCode).toBe(400);
    expect(search.json().errors).toContainEqual(
      expect.objectContaining({ field: 'querystring.as_of', code: 'input.date' }),
    );
    for (const from of ['0000-01-01T00:00:00Z', '2020-01-01T00:00:00+01', '2016-12-31T23:59:60Z']) {
      const audit = await get(`/api/v1/audit?from=${encodeURIComponent(from)}`);
      expect(audit.statusCode, from).toBe(400);
      expect(audit.json().errors, from).toContainEqual(
        expect.objectContaining({ field: 'querystring.from', code: 'input.instant' }),
      );
    }
    const fine = await get(`/api/v1/audit?from=${encodeURIComponent('2020-03-18T10:30:00+01:00')}`);
    expect(fine.statusCode).toBe(200);
  });

  it('explains an out-of-range day on the public FAQ pages as it does a day that does not exist', async () => {
    for (const day of ['0000-01-01', '1899-12-31', '9999-12-31']) {
      const page = await t.app.inject({ url: `/faq/fr/search?q=montant&as_of=${day}` });
      expect(page.statusCode, day).toBe(400);
      expect(page.body, day).toContain(`« ${day} » n&#x27;est pas une date valable`);
    }
  });
});
