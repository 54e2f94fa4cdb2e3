import { describe, expect, it } from 'vitest';
import { assetFilterQuery, importProblemsOf } from './asset-words.js';

describe('asset page words', () => {
  it('reads import problems by line and column, in line order', () => {
    const problems = importProblemsOf(
      [
        { field: 'line.4.serial', code: 'x', message: 'taken' },
        { field: 'line.2.type', code: 'y', message: 'bad type' },
        { field: 'line.1', code: 'z', message: 'header' },
      ] as never,
      (e) => (e as { message: string }).message,
    );
    expect(problems).toEqual([
      { line: 1, column: '', message: 'header' },
      { line: 2, column: 'type', message: 'bad type' },
      { line: 4, column: 'serial', message: 'taken' },
    ]);
  });

  it('keeps only the filters set', () => {
    expect(assetFilterQuery(new URLSearchParams('q=LAP&type=&page=2'))).toEqual({
      q: 'LAP',
      type: undefined,
      status: undefined,
    });
  });
});
