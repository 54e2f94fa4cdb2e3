import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { json, login, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { readWorkbook } from '../../test-support/xlsx.js';

describe.each(DIALECTS)('%s: the audit log downloaded', (dialect) => {
  // A few logins after the admin's, to have rows of the action filtered below.
  const t = withApp(dialect, { as: ['admin', 'agent', 'expert', 'editor'] });
  let admin: Session;
  beforeAll(() => {
    admin = t.people.admin;
  });

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
    const agent = await login(t.app, 'agent');
    const response = await t.app.inject({
      url: '/api/v1/audit?format=csv',
      headers: { cookie: agent.cookie },
    });
    expect(response.statusCode).toBe(403);
  });
});
