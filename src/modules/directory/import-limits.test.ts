import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPORTED_ERRORS } from '../../platform/http/problem.js';
import { DIALECTS } from '../../test-support/databases.js';
import { asSession, json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { IMPORT_COLUMNS } from './contract.js';
import { IMPORT_MAX_RECORD_CHARS, IMPORT_MAX_ROWS } from './import-people.js';

const HEADER = IMPORT_COLUMNS.join(',');

describe.each(DIALECTS)('%s: people import of a hostile file', (dialect) => {
  const t = withApp(dialect, { as: ['admin'] });
  let admin: Session;

  beforeAll(() => {
    admin = t.people.admin;
  });

  const importCsv = (csv: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/people/import',
      headers: asSession(admin),
      payload: { csv },
    });

  it('counts every bad row of a file of 5,000 but answers with a short list', async () => {
    const rows = Array.from(
      { length: IMPORT_MAX_ROWS },
      (_, i) => `bad.${i},Name ${i},not-an-email,xx,nobody,,`,
    );
    const start = performance.now();
    const response = await importCsv([HEADER, ...rows].join('\n'));
    const ms = performance.now() - start;
    expect(response.statusCode).toBe(400);
    const problem = json(response);
    expect(problem).toMatchObject({ code: 'directory.import_failed', count: IMPORT_MAX_ROWS });
    expect(problem.errors.length).toBeLessThanOrEqual(MAX_REPORTED_ERRORS);
    expect(problem.errors[0].field).toBe('line.2.email');
    expect(response.body.length).toBeLessThan(20_000);
    expect(ms).toBeLessThan(3_000);
  });

  it('refuses a record longer than the limit, naming its line', async () => {
    const long = `imp.long,${'x'.repeat(IMPORT_MAX_RECORD_CHARS)},long@example.org,fr,agent,,`;
    const response = await importCsv([HEADER, 'imp.ok,Ok,ok@example.org,fr,agent,,', long].join('\n'));
    expect(response.statusCode).toBe(400);
    expect(json(response).errors).toEqual([
      expect.objectContaining({ field: 'line.3', code: 'validation.maxLength' }),
    ]);
  });

  it('refuses a file over the row limit without reading it all', async () => {
    const rows = Array.from(
      { length: IMPORT_MAX_ROWS + 500 },
      (_, i) => `v.${i},V,v${i}@example.org,fr,agent,,`,
    );
    const response = await importCsv([HEADER, ...rows].join('\n'));
    expect(response.statusCode).toBe(400);
    expect(json(response).errors).toEqual([
      expect.objectContaining({ field: 'file', code: 'validation.maxItems' }),
    ]);
  });
});
