import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildInquiry, buildTeam } from '../../test-support/factories.js';
import { json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { daysBetween } from './figures.js';
import type { Db } from './repository/db.js';

describe('the days of a period', () => {
  it('counts both ends, across a month and a leap day', () => {
    expect(daysBetween('2020-02-27', '2020-03-01')).toEqual([
      '2020-02-27',
      '2020-02-28',
      '2020-02-29',
      '2020-03-01',
    ]);
    expect(daysBetween('2020-03-18', '2020-03-18')).toEqual(['2020-03-18']);
  });
});

describe.each(DIALECTS)('%s: the figures management reports', (dialect) => {
  const t = withApp(dialect, {
    as: { manager: { language: 'fr' }, agent: {}, partner: { partner: 'acerta' } },
  });
  let manager: Session;
  let agent: Session;
  let partner: Session;
  beforeAll(() => {
    ({ manager, agent, partner } = t.people);
  });
  const send = (...args: Parameters<typeof t.send>) => t.send(...args);

  /** Inquiries logged "at" given instants: the clock is the database's column, set as a call centre would have. */
  const logAt = async (at: string, payload: object) => {
    const created = json(await send(agent, 'POST', '/api/v1/inquiries', payload));
    await t.app.db
      .updateTable('inquiry' as never)
      .set({ created_at: at } as never)
      .where('ref' as never, '=', created.ref as never)
      .execute();
    return created.ref as string;
  };

  it('counts by origin, channel, status and day of Brussels, the quiet days too', async () => {
    const call = { channel: 'phone', language: 'fr', question: 'Droit passerelle ?' };
    // 23:30 UTC on 17 March is 00:30 on 18 March in Brussels.
    await logAt('2020-03-17T23:30:00.000Z', call);
    await logAt('2020-03-18T09:00:00.000Z', { ...call, origin: 'minister_office', channel: 'email' });
    await logAt('2020-03-18T22:59:00.000Z', { ...call, language: 'nl' });
    // 23:00 UTC on 18 March is midnight: the 19th in Brussels.
    await logAt('2020-03-18T23:00:00.000Z', call);
    await logAt('2020-03-20T10:00:00.000Z', { ...call, origin: 'complaints_service' });

    const response = await send(manager, 'GET', '/api/v1/inquiries/figures?from=2020-03-18&to=2020-03-20');
    expect(response.statusCode, response.body).toBe(200);
    const figures = json(response);
    expect(figures.total).toBe(5);
    expect(figures.by_origin).toMatchObject({
      self_employed: 3,
      minister_office: 1,
      complaints_service: 1,
      fund: 0,
    });
    expect(figures.by_channel).toMatchObject({ phone: 4, email: 1, partner: 0 });
    expect(figures.by_language).toMatchObject({ fr: 4, nl: 1 });
    expect(figures.by_status.new).toBe(5);
    expect(figures.days.map((d: { day: string; total: number }) => [d.day, d.total])).toEqual([
      ['2020-03-18', 3],
      ['2020-03-19', 1],
      ['2020-03-20', 1],
    ]);
    expect(figures.by_team).toEqual([{ code: null, name_fr: null, name_nl: null, count: 5, open: 5 }]);
  });

  it('refuses a period that ends before it starts, or is over a year, naming the field in the manager’s language', async () => {
    const backwards = await send(manager, 'GET', '/api/v1/inquiries/figures?from=2020-03-20&to=2020-03-18');
    expect(backwards.statusCode).toBe(400);
    expect(json(backwards).errors).toEqual([
      expect.objectContaining({
        field: 'to',
        code: 'inquiries.figures_period_order',
        // The manager works in French.
        message: 'La fin de la période précède son début.',
      }),
    ]);
    const tooLong = await send(manager, 'GET', '/api/v1/inquiries/figures?from=2019-01-01&to=2020-03-18');
    expect(json(tooLong).errors).toEqual([
      expect.objectContaining({ field: 'to', code: 'inquiries.figures_period_too_long' }),
    ]);
    expect((await send(manager, 'GET', '/api/v1/inquiries/figures?from=18-03-2020')).statusCode).toBe(400);
  });

  it('tells how fast inquiries were answered and closed, and how often each team kept its service level', async () => {
    // Monday 6 April 2020 (Brussels, UTC+2): a team promising a first answer within two working hours.
    const team = await buildTeam(t.app, { code: 'sl-figures', firstAnswerMinutes: 120 });
    const db = t.app.db as Db;
    /** An inquiry that came in at `at` and reached the team 5 minutes later, answered (and closed) when given. */
    const escalatedAt = async (at: string, answeredAt: string | null, closedAt: string | null) => {
      const { id } = await buildInquiry(t.app, { status: 'escalated', team });
      const reached = new Date(Date.parse(at) + 5 * 60_000).toISOString();
      await db
        .updateTable('inquiry_status_change')
        .set({ at: reached })
        .where('inquiry_id', '=', id)
        .execute();
      const later = [
        ...(answeredAt ? [{ to: 'answered', at: answeredAt }] : []),
        ...(closedAt ? [{ to: 'closed', at: closedAt }] : []),
      ];
      for (const [index, change] of later.entries())
        await db
          .insertInto('inquiry_status_change')
          .values({
            id: `${id}-${index}`,
            inquiry_id: id,
            from_status: null,
            to_status: change.to,
            at: change.at,
            actor_id: null,
          })
          .execute();
      await db
        .updateTable('inquiry')
        .set({
          created_at: at,
          first_answered_at: answeredAt,
          closed_at: closedAt,
          status: closedAt ? 'closed' : answeredAt ? 'answered' : 'escalated',
        })
        .where('id', '=', id)
        .execute();
    };
    // In time (35 min), closed an hour later; late (4 h); never answered, long overdue.
    await escalatedAt('2020-04-06T07:00:00.000Z', '2020-04-06T07:35:00.000Z', '2020-04-06T08:00:00.000Z');
    await escalatedAt('2020-04-06T07:00:00.000Z', '2020-04-06T11:00:00.000Z', null);
    await escalatedAt('2020-04-06T07:00:00.000Z', null, null);

    const response = await send(manager, 'GET', '/api/v1/inquiries/figures?from=2020-04-06&to=2020-04-06');
    expect(response.statusCode, response.body).toBe(200);
    const figures = json(response);
    expect(figures.times).toEqual({
      first_answer: { count: 2, median_minutes: 35, p90_minutes: 240 },
      closure: { count: 1, median_minutes: 60, p90_minutes: 60 },
    });
    expect(figures.service_levels).toEqual([
      expect.objectContaining({
        code: 'sl-figures',
        count: 3,
        // The unanswered one is overdue by now: decided, and late.
        first_answer: { measured: 3, in_time: 1, rate: 1 / 3 },
        time_to_first_answer: { count: 2, median_minutes: 35, p90_minutes: 240 },
      }),
    ]);

    // The same, a team per row, as a file for the spreadsheet.
    const file = await send(
      manager,
      'GET',
      '/api/v1/inquiries/figures?from=2020-04-06&to=2020-04-06&format=csv&table=teams',
    );
    expect(file.statusCode, file.body).toBe(200);
    const [header, row] = file.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toContain('Premières réponses à temps (%)');
    expect(row).toContain('33.3');
  });

  it('is for management: agents and funds are refused', async () => {
    expect((await send(agent, 'GET', '/api/v1/inquiries/figures')).statusCode).toBe(403);
    expect((await send(partner, 'GET', '/api/v1/inquiries/figures')).statusCode).toBe(403);
    expect((await send(manager, 'GET', '/api/v1/inquiries/figures')).statusCode).toBe(200);
  });
});
