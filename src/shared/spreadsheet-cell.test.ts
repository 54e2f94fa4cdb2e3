import { describe, expect, it } from 'vitest';
import { csvCell, isFormulaLike, spreadsheetCell, toCsv } from './spreadsheet-cell.js';

describe('isFormulaLike', () => {
  it('sees a formula whatever blank comes first, ASCII or full-width', () => {
    const formulas = [
      '=1+1',
      '+1',
      '-1',
      '@SUM(A1)',
      ' =HYPERLINK("http://x")',
      '  +cmd',
      '\n=1+1',
      '\r\n-2',
      '\u00A0=1',
      '\u3000=1',
      '\u200B=1',
      '\uFF1D1+1',
      '\uFF0B1',
      '\uFF0D1',
      '\uFF20SUM(A1)',
      ' \uFF1D1',
      '\tanything',
      '\ranything',
    ];
    for (const text of formulas) expect(isFormulaLike(text), JSON.stringify(text)).toBe(true);
  });

  it('leaves ordinary text alone, formula characters inside it included', () => {
    for (const text of [
      '',
      ' ',
      'Q-2020-000001',
      'a=b',
      'chômage temporaire',
      '12',
      "'=already",
      'x - y',
      '#1',
      '_x',
    ]) {
      expect(isFormulaLike(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('spreadsheet cells and CSV', () => {
  it('prefixes a formula-like cell with a single quote and keeps the rest as written', () => {
    expect(spreadsheetCell(' =1+1')).toBe("' =1+1");
    expect(spreadsheetCell('\uFF1D1+1')).toBe("'\uFF1D1+1");
    expect(spreadsheetCell('Q-2020-000001')).toBe('Q-2020-000001');
  });

  it('defuses first, then quotes what needs quoting', () => {
    expect(csvCell('\n=1+1')).toBe(`"'\n=1+1"`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  it('writes rows with CRLF by default, or the line end asked for', () => {
    expect(
      toCsv([
        ['a', '=b'],
        ['c', 'd'],
      ]),
    ).toBe("a,'=b\r\nc,d\r\n");
    expect(toCsv([['a', '-1']], '\n')).toBe("a,'-1\n");
  });
});
