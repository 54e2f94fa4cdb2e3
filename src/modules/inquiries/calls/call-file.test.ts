import { describe, expect, it } from 'vitest';
import { parseCallFile, splitCsvLine } from './call-file.js';

const HEADER = 'call_id,line,caller_language,received_at,answered_at,ended_at,outcome';
const ROW1 =
  'C-1,3,nl,2020-03-16T08:00:28+01:00,2020-03-16T08:14:45+01:00,2020-03-16T08:22:02+01:00,answered';
const ROW2 = 'C-2,1,fr,2020-03-16T08:00:31+01:00,,2020-03-16T08:03:52+01:00,abandoned';
const file = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('parseCallFile', () => {
  it('reads every call of a good file (a BOM and Windows line ends too)', () => {
    const parsed = parseCallFile(`\uFEFF${[HEADER, ROW1, ROW2].join('\r\n')}\r\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.call_id)).toEqual(['C-1', 'C-2']);
  });

  it('refuses a wrong header column and names it', () => {
    const parsed = parseCallFile(file(HEADER.replace('caller_language', 'language'), ROW1));
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      expect.objectContaining({ field: 'line.1.language', code: 'inquiries.calls.header' }),
    ]);
    expect(parseCallFile(file(`${HEADER},extra`, ROW1)).errors[0]?.field).toBe('line.1.extra');
  });

  it('reports every bad line by number and column, and then gives no row at all', () => {
    const parsed = parseCallFile(
      file(
        HEADER,
        ROW1,
        ROW2.replace('2020-03-16T08:00:31', '2020-13-16T08:00:31'),
        ROW1.replace('C-1', 'C-3').replace(',3,', ',x,'),
      ),
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.badLines).toBe(2);
    expect(parsed.errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      'line.3.received_at inquiries.calls.bad_instant',
      'line.4.line inquiries.calls.bad_line',
    ]);
  });

  it('refuses a call id twice in one file, naming both lines', () => {
    const parsed = parseCallFile(file(HEADER, ROW1, ROW2, ROW1));
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        field: 'line.4.call_id',
        code: 'inquiries.calls.duplicate_call_id',
        params: { call_id: 'C-1', first: 2, line: 4 },
      },
    ]);
  });

  it('refuses a line with a cell too many, and a file with no call', () => {
    expect(parseCallFile(file(HEADER, `${ROW1},x`)).errors[0]).toMatchObject({
      field: 'line.2',
      code: 'inquiries.calls.cell_count',
    });
    expect(parseCallFile(file(HEADER)).errors[0]?.code).toBe('inquiries.calls.empty');
  });

  it('reads quoted cells with commas and doubled quotes', () => {
    expect(splitCsvLine('a,"b,c","d""e"')).toEqual(['a', 'b,c', 'd"e']);
  });
});
