import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { readWorkbook } from '../../test-support/xlsx.js';
import { allMatchingInquiries, findInquiries } from './find-inquiries.js';

const call = (question: string, extra: object = {}) => ({
  channel: 'phone',
  language: 'fr',
  question,
  ...extra,
});

describe.each(DIALECTS)('%s: inquiries downloaded as CSV and XLSX', (dialect) => {
  const t = withApp(dialect, {
    as: {
      agent: { username: 'agent', language: 'fr' },
      admin: {},
      acerta: { roles: ['partner'], partner: 'acerta' },
      manager: {},
    },
  });
  let agent: Session;
  let admin: Session;
  let acerta: Session;
  const send = (...args: Parameters<typeof t.send>) => t.send(...args);

  beforeAll(async () => {
    ({ agent, admin, acerta } = t.people);
    const questions = [
      'Droit passerelle ?',
      '=HYPERLINK("http://x.example","ici")',
      'Report de cotisations ?',
    ];
    for (const question of questions) {
      const created = await send(agent, 'POST', '/api/v1/inquiries', {
        ...call(question),
        requester: { name: 'Marie Dubois', niss: '85.07.30-033.28' },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    // Logged by a fund: its own export holds it and nothing else.
    const fromFund = await send(
      acerta,
      'POST',
      '/api/v1/inquiries',
      call('Question de la caisse ?', { channel: 'partner' }),
    );
    expect(fromFund.statusCode, fromFund.body).toBe(201);
  });

  const download = (session: Session, query: string) =>
    t.app.inject({
      url: `/api/v1/inquiries?${query}`,
      headers: { cookie: session.cookie, 'accept-language': 'fr' },
    });

  it('downloads every matching inquiry as CSV, masked as in the list, formulas defused, and audits it', async () => {
    const response = await download(agent, 'format=csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="relais-inquiries-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const { total } = json(await send(agent, 'GET', '/api/v1/inquiries?limit=1'));
    expect(lines).toHaveLength(total + 1);
    expect(lines[0]).toContain('Référence');
    expect(response.body).toContain('85.07.30-***.**');
    expect(response.body).not.toContain('85.07.30-033.28');
    expect(response.body).toContain(`"'=HYPERLINK(""http://x.example"",""ici"")"`);
    const audit = json(await send(admin, 'GET', '/api/v1/audit?action=inquiries.exported'));
    expect(audit.items[0]).toMatchObject({ actorUsername: 'agent', summary: { format: 'csv' } });
  });

  it('downloads the same rows as XLSX, with the filters of the list', async () => {
    const response = await download(agent, 'format=xlsx&q=cotisations');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = await readWorkbook(response.rawPayload);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toMatch(/^Q-\d{4}-\d{6}$/);
    expect(sheet.getRow(2).getCell(2).value).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(15).value).toBe('Report de cotisations ?');
  });

  it('gives a fund only its own inquiries', async () => {
    const response = await download(acerta, 'format=csv');
    expect(response.statusCode, response.body).toBe(200);
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Question de la caisse ?');
  });

  it('walks every row once, in the list’s order, batch after batch, even among equal times', async () => {
    const caller = {
      actor: { id: null, username: 'test' },
      partnerId: null,
      seesPersonalData: false,
      kind: 'citizen' as const,
      requesterId: null,
    };
    const { items } = await findInquiries(t.app.db, caller, { limit: 500 });
    const walked: string[] = [];
    for await (const inquiry of allMatchingInquiries(t.app.db, caller, {}, 2)) walked.push(inquiry.ref);
    expect(walked).toEqual(items.map((i) => i.ref));
    // Same instant for all: the reference alone orders them, and no batch repeats or skips one.
    await t.app.db
      .updateTable('inquiry' as never)
      .set({ created_at: '2020-03-18T09:00:00.000Z' } as never)
      .execute();
    const sameTime: string[] = [];
    for await (const inquiry of allMatchingInquiries(t.app.db, caller, {}, 3)) sameTime.push(inquiry.ref);
    expect(sameTime).toEqual([...walked].sort().reverse());
  });

  it('downloads the figures of a period as a day per row, counts as numbers', async () => {
    const manager = t.people.manager;
    const response = await t.app.inject({
      url: '/api/v1/inquiries/figures?from=2020-03-16&to=2020-03-22&format=xlsx',
      headers: { cookie: manager.cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      'relais-inquiry-figures-2020-03-16-2020-03-22.xlsx',
    );
    const sheet = (await readWorkbook(response.rawPayload)).worksheets[0]!;
    expect(sheet.rowCount).toBe(8);
    expect(sheet.getRow(2).getCell(1).value).toEqual(new Date('2020-03-16T00:00:00.000Z'));
    expect(sheet.getRow(8).getCell(sheet.columnCount).value).toBe(0);
  });
});
