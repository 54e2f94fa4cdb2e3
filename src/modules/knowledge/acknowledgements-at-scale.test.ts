import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildEntry, buildPartner } from '../../test-support/factories.js';
import { json } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

// Funds at scale (issue 12, point 5): a fund facing many changes filters them by theme and kind,
// pages through them, and acknowledges up to the latest in one idempotent, audited step; the
// institution's board pages too and shows who lags first.

describe.each(DIALECTS)('%s: acknowledging changes at scale', (dialect) => {
  const t = withApp(dialect, {
    as: { acerta: { roles: ['partner'], partner: 'acerta' }, manager: {}, admin: {} },
  });
  const seqs: number[] = [];

  beforeAll(async () => {
    await buildPartner(t.app, { code: 'ucm' });
    for (let i = 0; i < 5; i++) await buildEntry(t.app, { theme: 'cotisations' });
    for (let i = 0; i < 3; i++) await buildEntry(t.app, { theme: 'droit-passerelle' });
    const rows = await t.app.db.selectFrom('knowledge_change').select('seq').orderBy('seq').execute();
    seqs.push(...rows.map((r: { seq: number }) => Number(r.seq)));
  });

  const pending = async (query: string) =>
    json(await t.send(t.people.acerta, 'GET', `/api/v1/knowledge/changes/pending?${query}`));
  const acknowledge = async (body: object) =>
    json(await t.send(t.people.acerta, 'POST', '/api/v1/knowledge/changes/acknowledge', body)).acknowledged;

  it('pages through what a fund has to acknowledge, with the total and the newest change', async () => {
    const first = await pending('limit=3');
    expect(first.items.map((c: { seq: number }) => c.seq)).toEqual(seqs.slice(0, 3));
    expect(first).toMatchObject({ total: 8, latestSeq: seqs.at(-1), allPending: 8 });
    const last = await pending('limit=3&offset=6');
    expect(last.items.map((c: { seq: number }) => c.seq)).toEqual(seqs.slice(6));
  });

  it('filters by theme and by kind of change', async () => {
    const bridge = await pending('theme=droit-passerelle');
    expect(bridge.items.map((c: { theme: string }) => c.theme)).toEqual(Array(3).fill('droit-passerelle'));
    expect(bridge).toMatchObject({ total: 3, latestSeq: seqs.at(-1), allPending: 8 });
    expect((await pending('kind=withdrawn')).total).toBe(0);
    expect((await pending('kind=withdrawn')).latestSeq).toBeNull();
    const refused = await t.send(t.people.acerta, 'GET', '/api/v1/knowledge/changes/pending?kind=deleted');
    expect(refused.statusCode).toBe(400);
  });

  it('acknowledges up to the latest in one step, once, and audits it', async () => {
    const { latestSeq } = await pending('theme=droit-passerelle');
    expect(await acknowledge({ upTo: latestSeq, theme: 'droit-passerelle' })).toBe(3);
    // Asked again (a double click, a second tab): nothing more, nothing twice.
    expect(await acknowledge({ upTo: latestSeq, theme: 'droit-passerelle' })).toBe(0);
    expect((await pending('')).total).toBe(5);

    // The top of the page: the newest change still pending (the passerelle ones are done).
    const everything = await pending('limit=1');
    expect(everything.latestSeq).toBe(seqs[4]);
    expect(await acknowledge({ upTo: everything.latestSeq })).toBe(5);
    expect(await pending('')).toMatchObject({ total: 0, latestSeq: null, allPending: 0 });

    const audit = json(
      await t.send(t.people.admin, 'GET', '/api/v1/audit?action=knowledge.changes_acknowledged'),
    );
    expect(audit.items.map((e: { summary: object }) => e.summary)).toEqual([
      { count: 5, upToSeq: seqs[4] },
      { count: 3, upToSeq: seqs.at(-1), theme: 'droit-passerelle' },
    ]);
  });

  it('pages the board, newest change first, and puts the fund that lags first', async () => {
    const board = json(
      await t.send(t.people.manager, 'GET', '/api/v1/knowledge/changes/acknowledgements?limit=3&offset=3'),
    );
    expect(board.changesTotal).toBe(8);
    expect(board.changes.map((c: { seq: number }) => c.seq)).toEqual(seqs.slice().reverse().slice(3, 6));
    expect(board.funds.map((f: { code: string; pending: number }) => [f.code, f.pending])).toEqual([
      ['ucm', 8],
      ['acerta', 0],
    ]);
  });
});
