import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { projectFile } from '../../platform/project-files.js';
import { DIALECTS } from '../../test-support/databases.js';
import { asSession } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { readWorkbook } from '../../test-support/xlsx.js';
import { listStatAgreements, listStatEmployees } from './repository.js';
import { importStatistics } from './statistics-import.js';
import { yearlyStatistics } from './statistics-rules.js';

// The shipped organisation (Senate written question 5-10816): its report must be the published one.

const FOLDER = projectFile('demo', 'telework', 'spf-securite-sociale');
const file = (name: string) => ({ name, text: fs.readFileSync(`${FOLDER}/${name}`, 'utf8') });
const expected = JSON.parse(fs.readFileSync(`${FOLDER}/expected-report.json`, 'utf8'));
const URL = '/api/v1/telework/statistics';

describe.each(DIALECTS)('%s: telework statistics of the SPF Sécurité sociale', (dialect) => {
  const t = withApp(dialect, { as: ['hr', 'employee'] });
  const load = (
    employees = file('employees.csv'),
    agreements = file('telework_agreements.csv'),
    organisation = 'Test SPF',
  ) => importStatistics(t.app.db, CLI_ACTOR, { organisation, employees, agreements });

  it('imports the shipped files, and a second import of the same files changes nothing', async () => {
    const first = await load(undefined, undefined, 'SPF Sécurité sociale');
    expect(first.organisation).toEqual({
      id: 'spf-securite-sociale',
      name: 'SPF Sécurité sociale',
      isNew: true,
    });
    expect(first.employees).toEqual({ created: 1459, updated: 0, unchanged: 0, removed: 0 });
    expect(first.agreements).toEqual({ created: 803, updated: 0, unchanged: 0, removed: 0 });
    const again = await load(undefined, undefined, 'SPF Sécurité sociale');
    expect(again.employees).toEqual({ created: 0, updated: 0, unchanged: 1459, removed: 0 });
    expect(again.agreements).toEqual({ created: 0, updated: 0, unchanged: 803, removed: 0 });
  });

  it('gives, through the API, exactly the report of expected-report.json', async () => {
    const response = await t.send(t.people.hr, 'GET', `${URL}?org=spf-securite-sociale&from=2009&to=2013`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.organisation).toBe(expected.organisation);
    expect(report.rows).toEqual(expected.rows);
  });

  it('counts the stored rows by the rules, on 31 December and on other days', async () => {
    const employees = (await listStatEmployees(t.app.db, 'spf-securite-sociale')).map((e) => ({
      employeeId: e.employee_id,
      hiredOn: e.hired_on,
      leftOn: e.left_on,
    }));
    const agreements = (await listStatAgreements(t.app.db, 'spf-securite-sociale')).map((a) => ({
      employeeId: a.employee_id,
      regime: a.regime as 'structural',
      daysPerWeek: a.days_per_week === null ? null : Number(a.days_per_week),
      startDate: a.start_date,
      endDate: a.end_date,
    }));
    expect(yearlyStatistics(employees, agreements, { from: 2009, to: 2013 })).toEqual(expected.rows);
    for (const at of ['12-31', '03-18', '06-30', '01-01']) {
      const response = await t.send(
        t.people.hr,
        'GET',
        `${URL}?org=spf-securite-sociale&from=2005&to=2016&at=${at}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().rows).toEqual(
        yearlyStatistics(employees, agreements, { from: 2005, to: 2016, at }),
      );
    }
  });

  it('updates a changed row, removes a row no longer in the files, and the report counts what they say', async () => {
    await load();
    const employees = file('employees.csv');
    const lines = employees.text.trimEnd().split('\r\n');
    // SS00001: occupation 100 → 80; the last employee leaves the file (has no agreement).
    lines[1] = lines[1]!.replace(',100,yes', ',80,yes');
    const agreementIds = new Set(
      file('telework_agreements.csv')
        .text.split('\n')
        .map((l) => l.split(',')[0]),
    );
    const lastWithout = lines.findLastIndex((l) => !agreementIds.has(l.split(',')[0]));
    lines.splice(lastWithout, 1);
    const report = await load({ name: 'employees.csv', text: `${lines.join('\r\n')}\r\n` });
    expect(report.employees).toEqual({ created: 0, updated: 1, unchanged: 1457, removed: 1 });
    expect(report.agreements.unchanged).toBe(803);
  });

  it('writes nothing from files with a bad line, and names the file and line', async () => {
    const before = await listStatAgreements(t.app.db, 'test-spf');
    const agreements = file('telework_agreements.csv');
    // The shipped files end their lines with CRLF.
    const bad = `${agreements.text}SS99999,structural,1,2012-01-01,\r\nSS00001,occasional,2,2012-01-01,\r\n`;
    const lineCount = agreements.text.trimEnd().split('\r\n').length;
    await expect(load(undefined, { name: 'telework_agreements.csv', text: bad })).rejects.toMatchObject({
      code: 'telework.statistics.import_failed',
      params: { count: 2 },
      fieldErrors: [
        expect.objectContaining({ field: `telework_agreements.csv.line.${lineCount + 1}.employee_id` }),
        expect.objectContaining({ field: `telework_agreements.csv.line.${lineCount + 2}.days_per_week` }),
      ],
    });
    expect(await listStatAgreements(t.app.db, 'test-spf')).toEqual(before);
  });

  it('lists the organisations and keeps a target share of staff', async () => {
    const set = await t.send(t.people.hr, 'PUT', `${URL}/organisations/spf-securite-sociale/target`, {
      targetPct: 30,
    });
    expect(set.statusCode, set.body).toBe(200);
    const list = await t.send(t.people.hr, 'GET', `${URL}/organisations`);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({
        id: 'spf-securite-sociale',
        targetPct: 30,
        employees: 1459,
        agreements: 803,
        firstYear: 1975,
      }),
    );
    const report = await t.send(t.people.hr, 'GET', `${URL}?org=spf-securite-sociale&from=2009&to=2009`);
    expect(report.json().target_pct).toBe(30);
  });

  it('downloads the report laid out like an answer to parliament: years as columns, labels in the language', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `${URL}?org=spf-securite-sociale&from=2009&to=2013&format=xlsx&lang=fr`,
      headers: asSession(t.people.hr),
    });
    expect(response.statusCode).toBe(200);
    const sheet = (await readWorkbook(response.rawPayload)).worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Donnée', '2009', '2010', '2011', '2012', '2013']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Effectif', 1231, 1275, 1280, 1254, 1248]);
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      "Télétravailleurs (% de l'effectif)",
      30.71,
      45.02,
      46.48,
      47.93,
      49.92,
    ]);
  });

  it('refuses an unknown organisation, a reversed range and 31 April, naming the field', async () => {
    const get = (query: string) => t.send(t.people.hr, 'GET', `${URL}?${query}`);
    expect((await get('org=nobody&from=2009&to=2010')).statusCode).toBe(404);
    const reversed = await get('org=spf-securite-sociale&from=2013&to=2009');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('to');
    const april = await get('org=spf-securite-sociale&from=2009&to=2010&at=04-31');
    expect(april.statusCode).toBe(400);
    expect(april.json().errors[0].field).toBe('at');
  });

  it('is for HR, management and admin: an employee is refused', async () => {
    const response = await t.send(t.people.employee, 'GET', `${URL}/organisations`);
    expect(response.statusCode).toBe(403);
  });
});
