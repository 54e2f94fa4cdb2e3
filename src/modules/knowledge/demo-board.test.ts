import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { json } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

describe.each(DIALECTS)('%s: the demo acknowledgement board', (dialect) => {
  const t = withApp(dialect, { seed: 'demo', as: { boardreader: { roles: ['manager'] } } });

  it('shows who lags, not the whole history pending for every fund', async () => {
    const board = json(
      await t.send(t.people.boardreader, 'GET', '/api/v1/knowledge/changes/acknowledgements'),
    );
    expect(board.changesTotal).toBeGreaterThan(100);
    const behind = board.funds.map((fund: { code: string; pending: number }) => [fund.code, fund.pending]);
    expect(behind.slice(0, 2).map(([code]: [string]) => code)).toEqual(['cna', 'xerius']);
    expect(behind[1][1]).toBeGreaterThan(20);
    expect(behind.slice(2).every(([, pending]: [string, number]) => pending <= 3)).toBe(true);
  });
});
