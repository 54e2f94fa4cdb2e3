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

describe.each(DIALECTS)('%s: the audit log downloaded', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
    admin = await login(t.app, 'admin', DEMO_PASSWORD);
    // A few logins to have rows of the action filtered below.
    for (const username of ['agent', 'expert', 'editor']) await login(t.app, username, DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ url, headers: { cookie: admin.cookie } });

  it('gives every entry of the filter as CSV and XLSX, newest first, and records the download', async () => {
    const { total } = json(await get('/api/v1/audit?action=auth.login&limit=1'));
    expect(total).toBeGreaterThanOrEqual(4);

    const csv = await get('/api/v1/audit?action=auth.login&format=csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/filename="relais-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(total + 1);
    expect(lines[1]).toContain('editor');

    const xlsx = await get('/api/v1/audit?action=auth.login&format=xlsx');
    const sheet = (await readWorkbook(xlsx.rawPayload)).worksheets[0]!;
    expect(sheet.rowCount).toBe(total + 1);
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(3).value).toBe('auth.login');

    const downloads = json(await get('/api/v1/audit?action=audit.exported'));
    expect(downloads.items.map((e: { summary: { format: string } }) => e.summary.format)).toEqual([
      'xlsx',
      'csv',
    ]);
  });

  it('refuses the download to whoever may not read the log', async () => {
    const agent = await login(t.app, 'agent', DEMO_PASSWORD);
    const response = await t.app.inject({
      url: '/api/v1/audit?format=csv',
      headers: { cookie: agent.cookie },
    });
    expect(response.statusCode).toBe(403);
  });
});
