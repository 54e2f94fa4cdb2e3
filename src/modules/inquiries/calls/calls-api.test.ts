import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../../platform/audit/audit.js';
import { createToken } from '../../../platform/auth/tokens.js';
import { DIALECTS } from '../../../test-support/databases.js';
import { buildInquiry, buildPerson } from '../../../test-support/factories.js';
import { json } from '../../../test-support/test-app.js';
import { withApp } from '../../../test-support/with-app.js';
import { readWorkbook } from '../../../test-support/xlsx.js';
import { CALL_BATCH_MAX, type CallRecord } from '../contract.js';
import { DEMO_CALLS_FILE } from '../demo-seed.js';
import type { Db } from '../repository/db.js';
import { importCallFile } from './store-calls.js';

// The call center's figures over the telephony's 2020 (demo/callcenter/calls-2020.csv), checked
// against what the file itself says, counted here by a plain reading of its lines.
const FILE_TEXT = fs.readFileSync(DEMO_CALLS_FILE, 'utf8');
const FILE_CALLS = FILE_TEXT.trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [callId, lineNo, language, received, answered, , outcome] = line.split(',');
    return {
      callId: callId!,
      line: lineNo!,
      language: language!,
      // The file writes Brussels time with its offset: the first ten characters are the Brussels day.
      day: received!.slice(0, 10),
      hour: received!.slice(11, 13),
      wait: answered ? (Date.parse(answered) - Date.parse(received!)) / 1000 : null,
      outcome: outcome!,
    };
  });

const callRecord = (id: string, overrides: Partial<CallRecord> = {}): CallRecord => ({
  call_id: id,
  line: 2,
  caller_language: 'fr',
  received_at: '2021-05-03T08:00:00Z',
  answered_at: '2021-05-03T08:00:15Z',
  ended_at: '2021-05-03T08:05:00Z',
  outcome: 'answered',
  ...overrides,
});

describe.each(DIALECTS)('%s: the call center’s figures from the 2020 records', (dialect) => {
  const t = withApp(dialect, { as: ['manager', 'agent'] });
  beforeAll(async () => {
    await importCallFile(t.app.db, CLI_ACTOR, FILE_TEXT);
  }, 60_000);
  const stats = async (query: string) => {
    const response = await t.send(t.people.manager, 'GET', `/api/v1/stats/calls${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return json(response);
  };

  it('shows 43,385 calls in 2020 and 5,634 on 18 March, every day of the year a row', async () => {
    const figures = await stats('');
    expect(figures).toMatchObject({
      from: '2020-01-01',
      to: '2020-12-31',
      by: 'day',
      service_level_seconds: 20,
    });
    expect(figures.totals.received).toBe(FILE_CALLS.length);
    expect(figures.totals.received).toBe(43_385);
    expect(figures.rows).toHaveLength(366);
    const march18 = figures.rows.find((row: { key: string }) => row.key === '2020-03-18');
    expect(march18.received).toBe(5_634);
    expect(figures.rows.find((row: { key: string }) => row.key === '2020-01-01')).toMatchObject({
      received: 0,
      avg_wait_s: null,
      service_level: null,
    });
  });

  it('gives the same totals by hour, line and language, and each group as the file counts it', async () => {
    const total = (await stats('?by=day')).totals;
    for (const [by, keyOf] of [
      ['hour', (c: (typeof FILE_CALLS)[number]) => c.hour],
      ['line', (c: (typeof FILE_CALLS)[number]) => c.line],
      ['language', (c: (typeof FILE_CALLS)[number]) => c.language],
    ] as const) {
      const figures = await stats(`?from=2020-01-01&to=2020-12-31&by=${by}`);
      expect(figures.totals).toEqual(total);
      const sum = (field: string) =>
        figures.rows.reduce((s: number, row: Record<string, number>) => s + row[field]!, 0);
      expect([sum('received'), sum('answered'), sum('abandoned')]).toEqual([
        total.received,
        total.answered,
        total.abandoned,
      ]);
      const expected = new Map<string, number>();
      for (const call of FILE_CALLS) expected.set(keyOf(call), (expected.get(keyOf(call)) ?? 0) + 1);
      expect(
        Object.fromEntries(
          figures.rows.map((row: { key: string; received: number }) => [row.key, row.received]),
        ),
      ).toEqual(Object.fromEntries(expected));
    }
  });

  it('computes the mean and 90th percentile wait and the service level of a day as the file gives them', async () => {
    const day = FILE_CALLS.filter((call) => call.day === '2020-03-18');
    const waits = day.flatMap((call) => (call.wait === null ? [] : [call.wait])).sort((a, b) => a - b);
    const figures = await stats('?from=2020-03-18&to=2020-03-18&by=hour');
    expect(figures.totals).toEqual({
      received: day.length,
      answered: waits.length,
      abandoned: day.filter((call) => call.outcome === 'abandoned').length,
      avg_wait_s: Math.round((waits.reduce((s, w) => s + w, 0) / waits.length) * 10) / 10,
      p90_wait_s: waits[Math.ceil(0.9 * waits.length) - 1],
      service_level: Math.round((waits.filter((w) => w <= 20).length / day.length) * 10_000) / 10_000,
    });
    expect(figures.rows.map((row: { key: string }) => row.key)).toEqual(
      [...new Set(day.map((call) => call.hour))].sort(),
    );
  });

  it('keeps to one line when asked', async () => {
    const figures = await stats('?from=2020-01-01&to=2020-12-31&by=language&line=3');
    expect(figures.totals.received).toBe(FILE_CALLS.filter((call) => call.line === '3').length);
  });

  it('refuses a period that ends before it starts, naming `to`', async () => {
    const response = await t.send(
      t.people.manager,
      'GET',
      '/api/v1/stats/calls?from=2020-03-18&to=2020-03-01',
    );
    expect(response.statusCode).toBe(400);
    expect(json(response).errors[0]).toMatchObject({ field: 'to', code: 'inquiries.figures_period_order' });
  });

  it('is for management: an agent is refused', async () => {
    expect((await t.send(t.people.agent, 'GET', '/api/v1/stats/calls')).statusCode).toBe(403);
  });

  it('downloads the days as CSV and the hours as XLSX', async () => {
    const csv = await t.send(t.people.manager, 'GET', '/api/v1/stats/calls?by=day&format=csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('relais-calls-day-2020-01-01-2020-12-31.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(367);
    expect(lines.find((line) => line.startsWith('2020-03-18'))).toMatch(/^2020-03-18[,;]5634[,;]/);

    const xlsx = await t.send(
      t.people.manager,
      'GET',
      '/api/v1/stats/calls?from=2020-03-18&to=2020-03-18&by=hour&format=xlsx',
    );
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const sheet = (await readWorkbook(xlsx.rawPayload)).worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Hour');
    let received = 0;
    for (let row = 2; row <= sheet.rowCount; row++) received += Number(sheet.getRow(row).getCell(2).value);
    expect(received).toBe(5_634);
  });
});

describe.each(DIALECTS)('%s: the telephony pushes its records', (dialect) => {
  const t = withApp(dialect, { as: ['manager', 'agent'] });
  let telephony: { authorization: string };
  beforeAll(async () => {
    const account = await buildPerson(t.app.db, { roles: ['integration'], canLogIn: false });
    const { token } = await createToken(t.app.db, {
      personId: account.id,
      name: 'telephony',
      createdBy: null,
    });
    telephony = { authorization: `Bearer ${token}` };
  });
  const push = (records: unknown, headers = telephony) =>
    t.app.inject({ method: 'POST', url: '/api/v1/calls', headers, payload: { records } });
  const countCalls = async () =>
    Number(
      (
        await (t.app.db as Db)
          .selectFrom('inquiry_call_record')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores a batch once: the same batch again inserts nothing', async () => {
    const batch = [
      callRecord('P-1'),
      callRecord('P-2', { answered_at: null, outcome: 'abandoned' }),
      callRecord('P-3', { line: 5, caller_language: 'nl' }),
    ];
    const first = await push(batch);
    expect(first.statusCode, first.body).toBe(200);
    expect(json(first)).toEqual({ received: 3, inserted: 3, already_known: 0, linked: 0 });
    const again = await push([...batch, callRecord('P-4')]);
    expect(json(again)).toEqual({ received: 4, inserted: 1, already_known: 3, linked: 0 });
    expect(await countCalls()).toBe(4);
    const figures = json(
      await t.send(t.people.manager, 'GET', '/api/v1/stats/calls?from=2021-05-03&to=2021-05-03'),
    );
    expect(figures.totals).toMatchObject({
      received: 4,
      answered: 3,
      abandoned: 1,
      avg_wait_s: 15,
      p90_wait_s: 15,
    });
    expect(figures.rows).toEqual([
      expect.objectContaining({ key: '2021-05-03', received: 4, service_level: 0.75 }),
    ]);
  });

  it('refuses a batch with a bad record whole, naming the record and its field', async () => {
    const before = await countCalls();
    const response = await push([
      callRecord('B-1'),
      callRecord('B-2', { answered_at: null }),
      callRecord('B-3', { ended_at: '2021-05-03T07:00:00Z' }),
      callRecord('B-1'),
    ]);
    expect(response.statusCode, response.body).toBe(400);
    expect(json(response).errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual(
      [
        'records.1.answered_at inquiries.calls.answered_without_time',
        'records.2.ended_at inquiries.calls.out_of_order',
        'records.3.call_id inquiries.calls.duplicate_in_batch',
      ],
    );
    expect(await countCalls()).toBe(before);
  });

  it('takes a full batch of 5,000 records and refuses one more, naming `records`', async () => {
    const full = Array.from({ length: CALL_BATCH_MAX }, (_, i) => callRecord(`F-${i}`));
    const accepted = await push(full);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(json(accepted).inserted).toBe(CALL_BATCH_MAX);
    const over = await push([...full, callRecord('F-over')]);
    expect([400, 413]).toContain(over.statusCode);
    expect(JSON.stringify(json(over).errors)).toContain('"field":"records"');
    expect(await countCalls()).toBeGreaterThanOrEqual(CALL_BATCH_MAX);
  }, 60_000);

  it('refuses a batch of 100,000 records with a 413 naming `records`, and keeps serving', async () => {
    const before = await countCalls();
    const huge = Array.from({ length: 100_000 }, (_, i) => callRecord(`H-${i}`));
    const response = await push(huge);
    expect(response.statusCode).toBe(413);
    expect(json(response)).toMatchObject({
      code: 'inquiries.calls.batch_too_large',
      errors: [{ field: 'records' }],
    });
    expect(await countCalls()).toBe(before);
    expect((await push([callRecord('H-after')])).statusCode).toBe(200);
  }, 60_000);

  it('is for the telephony: an agent may not push', async () => {
    expect(
      (await t.send(t.people.agent, 'POST', '/api/v1/calls', { records: [callRecord('A-1')] })).statusCode,
    ).toBe(403);
  });
});

describe.each(DIALECTS)('%s: an inquiry names its call', (dialect) => {
  const t = withApp(dialect, { as: ['agent', 'manager'] });
  beforeAll(async () => {
    await importCallFile(
      t.app.db,
      CLI_ACTOR,
      [
        'call_id,line,caller_language,received_at,answered_at,ended_at,outcome',
        'L-1,3,fr,2020-03-18T09:00:00+01:00,2020-03-18T09:00:12+01:00,2020-03-18T09:06:00+01:00,answered',
        'L-2,3,fr,2020-03-18T09:01:00+01:00,,2020-03-18T09:02:00+01:00,abandoned',
        'L-3,4,nl,2020-03-18T09:02:00+01:00,2020-03-18T09:02:30+01:00,2020-03-18T09:09:00+01:00,answered',
      ].join('\n'),
    );
  });
  const link = (ref: string, callId: string) =>
    t.send(t.people.agent, 'POST', `/api/v1/inquiries/${ref}/call`, { call_id: callId });

  it('links the call the agent names, once; naming it again changes nothing', async () => {
    const { ref, id } = await buildInquiry(t.app.db, { channel: 'phone' });
    const response = await link(ref, 'L-1');
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toEqual({
      call_id: 'L-1',
      inquiry_ref: ref,
      received_at: '2020-03-18T08:00:00.000Z',
    });
    expect((await link(ref, 'L-1')).statusCode).toBe(200);
    const row = await (t.app.db as Db)
      .selectFrom('inquiry_call_record')
      .select('inquiry_id')
      .where('call_id', '=', 'L-1')
      .executeTakeFirstOrThrow();
    expect(row.inquiry_id).toBe(id);

    const other = await buildInquiry(t.app.db, { channel: 'phone' });
    const taken = await link(other.ref, 'L-1');
    expect(taken.statusCode).toBe(409);
    expect(json(taken).code).toBe('inquiries.calls.linked_elsewhere');
  });

  it('answers 404 for a call the telephony never sent', async () => {
    const { ref } = await buildInquiry(t.app.db, { channel: 'phone' });
    const response = await link(ref, 'NOPE-1');
    expect(response.statusCode).toBe(404);
    expect(json(response)).toMatchObject({ code: 'inquiries.calls.call_not_found' });
    expect(json(response).title).toContain('NOPE-1');
  });

  it('refuses an abandoned call and an inquiry that came by mail', async () => {
    const phone = await buildInquiry(t.app.db, { channel: 'phone' });
    expect(json(await link(phone.ref, 'L-2')).code).toBe('inquiries.calls.not_answered');
    const mail = await buildInquiry(t.app.db, { channel: 'email' });
    expect(json(await link(mail.ref, 'L-3')).code).toBe('inquiries.calls.not_a_phone_inquiry');
  });

  it('is for those who work on inquiries: a manager is refused', async () => {
    const { ref } = await buildInquiry(t.app.db, { channel: 'phone' });
    expect(
      (await t.send(t.people.manager, 'POST', `/api/v1/inquiries/${ref}/call`, { call_id: 'L-3' }))
        .statusCode,
    ).toBe(403);
  });
});
