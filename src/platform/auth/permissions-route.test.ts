import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import {
  asSession,
  createTestApp,
  json,
  login,
  makePerson,
  type TestApp,
} from '../../test-support/test-app.js';
import { ABILITIES } from './permissions.js';

describe.each(DIALECTS)('%s: GET /api/v1/auth/permissions', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('shows any logged-in person the whole roles→abilities table', async () => {
    const employee = await makePerson(t.app, { roles: ['employee'] });
    const session = await login(t.app, employee.username);
    const response = await t.app.inject({ url: '/api/v1/auth/permissions', headers: asSession(session) });
    expect(response.statusCode).toBe(200);
    const table = json(response);
    expect(table.roles).toContain('admin');
    expect(table.abilities).toContainEqual({ ability: 'audit.read', roles: ['admin'] });
    expect(table.abilities).toHaveLength(Object.keys(ABILITIES).length);
  });

  it('refuses an anonymous caller with 401', async () => {
    const response = await t.app.inject({ url: '/api/v1/auth/permissions' });
    expect(response.statusCode).toBe(401);
    expect(json(response).code).toBe('http.unauthorized');
  });
});
