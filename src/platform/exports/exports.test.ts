import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../test-support/xlsx.js';
import { csvChunks } from './csv.js';
import { brusselsTimeText, brusselsWallClock, type TableExport } from './table.js';
import { xlsxStream } from './xlsx.js';

type Call = { ref: string; at: string; day: string; minutes: number; question: string };

const calls: Call[] = [
  {
    ref: 'Q-2020-000001',
    at: '2020-03-18T08:15:00.000Z',
    day: '2020-03-18',
    minutes: 12,
    question: '=HYPERLINK("x")',
  },
  {
    ref: 'Q-2020-000002',
    at: '2020-07-01T22:30:00.000Z',
    day: '2020-07-02',
    minutes: 3.5,
    question: ' \n＝1+1',
  },
  {
    ref: 'Q-2020-000003',
    at: '2020-12-31T23:59:59.000Z',
    day: '2021-01-01',
    minutes: 0,
    question: 'Bénéficiaire, "droit" ?',
  },
];

const table = (rows: Iterable<Call> | AsyncIterable<Call>): TableExport<Call> => ({
  name: 'calls',
  sheet: 'Appels',
  columns: [
    { header: 'Référence', value: (c) => c.ref },
    { header: 'Reçu', kind: 'instant', value: (c) => c.at },
    { header: 'Jour', kind: 'day', value: (c) => c.day },
    { header: 'Minutes', kind: 'number', value: (c) => c.minutes },
    { header: 'Question', value: (c) => c.question },
  ],
  rows,
});

async function* slowly(rows: Call[]) {
  for (const row of rows) {
    await new Promise((resolve) => setImmediate(resolve));
    yield row;
  }
}

describe('Brussels time', () => {
  it('shows an instant as the clock in Brussels read it, summer and winter', () => {
    expect(brusselsTimeText('2020-03-18T08:15:00.000Z')).toBe('2020-03-18 09:15:00');
    expect(brusselsTimeText('2020-07-01T22:30:00.000Z')).toBe('2020-07-02 00:30:00');
    expect(brusselsWallClock('2020-12-31T23:59:59.000Z').toISOString()).toBe('2021-01-01T00:59:59.000Z');
  });
});

describe('CSV export', () => {
  it('writes UTF-8 with a BOM, CRLF, quoted fields, Brussels times, and no formula', async () => {
    let text = '';
    for await (const chunk of csvChunks(table(slowly(calls)))) text += chunk;
    expect(text.startsWith('\uFEFFRéférence,Reçu,Jour,Minutes,Question\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(`Q-2020-000001,2020-03-18 09:15:00,2020-03-18,12,"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toBe(`Q-2020-000002,2020-07-02 00:30:00,2020-07-02,3.5,"' \n＝1+1"`);
    expect(text).toContain('"Bénéficiaire, ""droit"" ?"');
  });
});

describe('XLSX export', () => {
  it('writes a frozen, filtered header, numbers as numbers, dates in Brussels time, and no formula', async () => {
    const workbook = await readWorkbook(await buffer(xlsxStream(table(slowly(calls)))));
    const sheet = workbook.getWorksheet('Appels')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Référence', 'Reçu', 'Jour', 'Minutes', 'Question']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(4);
    const first = sheet.getRow(2);
    expect(first.getCell(2).value).toEqual(new Date('2020-03-18T09:15:00.000Z'));
    expect(first.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(3).value).toEqual(new Date('2020-03-18T00:00:00.000Z'));
    expect(first.getCell(4).value).toBe(12);
    expect(sheet.getRow(3).getCell(4).value).toBe(3.5);
    expect(first.getCell(5).value).toBe(`'=HYPERLINK("x")`);
    expect(first.getCell(5).formula).toBeUndefined();
  });

  it('writes a table of 20,000 rows whole, batch after batch', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      ...calls[i % 3]!,
      ref: `Q-2020-${String(i).padStart(6, '0')}`,
    }));
    const workbook = await readWorkbook(await buffer(xlsxStream(table(many))));
    expect(workbook.getWorksheet('Appels')!.rowCount).toBe(20_001);
  });
});
