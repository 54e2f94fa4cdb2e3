import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import {
  createTestApp,
  DEMO_PASSWORD,
  json,
  login,
  type Session,
  type TestApp,
} from '../../test-support/test-app.js';
import { readWorkbook } from '../../test-support/xlsx.js';

describe.each(DIALECTS)('%s: the people list downloaded', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
    admin = await login(t.app, 'admin', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  const get = (url: string) =>
    t.app.inject({ url, headers: { cookie: admin.cookie, 'accept-language': 'nl' } });

  it('gives everyone of the filter, past the first page, as CSV and XLSX, and records the download', async () => {
    const { total } = json(await get('/api/v1/directory/people?role=agent&limit=1'));
    expect(total).toBeGreaterThan(50);
    const csv = await get('/api/v1/directory/people?role=agent&format=csv');
    expect(csv.statusCode, csv.body).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(total + 1);
    expect(lines.slice(1).every((line) => line.includes('agent'))).toBe(true);

    const sheet = (
      await readWorkbook((await get('/api/v1/directory/people?role=agent&format=xlsx')).rawPayload)
    ).worksheets[0]!;
    expect(sheet.rowCount).toBe(total + 1);

    const audit = json(await get('/api/v1/audit?action=directory.people_exported'));
    expect(audit.total).toBe(2);
  });
});
