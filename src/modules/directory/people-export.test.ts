import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildPerson } from '../../test-support/factories.js';
import { json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { readWorkbook } from '../../test-support/xlsx.js';

describe.each(DIALECTS)('%s: the people list downloaded', (dialect) => {
  const t = withApp(dialect, { as: ['admin'] });
  let admin: Session;
  beforeAll(async () => {
    admin = t.people.admin;
    // More agents than the list's first page holds.
    for (let i = 1; i <= 55; i++)
      await buildPerson(t.app.db, { roles: ['agent'], username: `agent${i}`, canLogIn: false });
  });

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
