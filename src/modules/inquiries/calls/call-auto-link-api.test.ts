import { beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../../platform/auth/tokens.js';
import { DIALECTS } from '../../../test-support/databases.js';
import { buildPerson } from '../../../test-support/factories.js';
import { json } from '../../../test-support/test-app.js';
import { withApp } from '../../../test-support/with-app.js';
import type { CallRecord } from '../contract.js';

// A phone inquiry logged on a line links to the telephony's record of the call on that line,
// whichever of the two arrives first (issue 16, point 3). Each test uses its own line, so that the
// calls and inquiries of one test are never candidates of another.

const at = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;

describe.each(DIALECTS)('%s: a call record links to the inquiry logged on its line', (dialect) => {
  const t = withApp(dialect, { as: ['agent'] });
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
  const push = (records: CallRecord[]) =>
    t.app.inject({ method: 'POST', url: '/api/v1/calls', headers: telephony, payload: { records } });
  /** A call answered `answeredAgo` minutes ago, that ended `endedAgo` minutes ago. */
  const call = (id: string, line: number, answeredAgo: number, endedAgo: number): CallRecord => ({
    call_id: id,
    line,
    caller_language: 'fr',
    received_at: at(Date.now() - (answeredAgo + 0.5) * MINUTE),
    answered_at: at(Date.now() - answeredAgo * MINUTE),
    ended_at: at(Date.now() - endedAgo * MINUTE),
    outcome: 'answered',
  });
  const logCall = async (body: Record<string, unknown>) => {
    const response = await t.send(t.people.agent, 'POST', '/api/v1/inquiries', {
      channel: 'phone',
      language: 'fr',
      question: 'Droit passerelle : à partir de quand ?',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return json(response) as { ref: string };
  };
  const detail = async (ref: string) => json(await t.send(t.people.agent, 'GET', `/api/v1/inquiries/${ref}`));

  it('links a call pushed after the agent logged it on its line: linked 1, shown on the inquiry', async () => {
    const { ref } = await logCall({ line: 11 });
    expect((await detail(ref)).line).toBe(11);
    const response = await push([call('AL-1', 11, 4, 1), call('AL-1b', 12, 4, 1)]);
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toMatchObject({ inserted: 2, linked: 1 });
    const shown = await detail(ref);
    expect(shown.call).toMatchObject({ call_id: 'AL-1', line: 11, wait_s: 30 });
    // Sent again, it is known and linked already: nothing more to link.
    expect(json(await push([call('AL-1', 11, 4, 1)]))).toMatchObject({ already_known: 1, linked: 0 });
  });

  it('links an inquiry logged after its call arrived (within the grace after the end)', async () => {
    expect(json(await push([call('AL-2', 13, 8, 5)]))).toMatchObject({ inserted: 1, linked: 0 });
    const { ref } = await logCall({ line: 13 });
    expect((await detail(ref)).call).toMatchObject({ call_id: 'AL-2', line: 13 });
  });

  it('links nothing when the call ended more than ten minutes before the inquiry was logged', async () => {
    await push([call('AL-3', 14, 20, 12)]);
    const { ref } = await logCall({ line: 14 });
    expect((await detail(ref)).call).toBeNull();
  });

  it('links nothing when two inquiries on the line fit the call, nor when an inquiry fits two calls', async () => {
    const first = await logCall({ line: 15 });
    const second = await logCall({ line: 15 });
    expect(json(await push([call('AL-4', 15, 3, 1)]))).toMatchObject({ inserted: 1, linked: 0 });
    expect((await detail(first.ref)).call).toBeNull();
    expect((await detail(second.ref)).call).toBeNull();

    await push([call('AL-5', 16, 9, 7), call('AL-6', 16, 6, 2)]);
    const { ref } = await logCall({ line: 16 });
    expect((await detail(ref)).call).toBeNull();
    // The console can still name the call.
    const named = await t.send(t.people.agent, 'POST', `/api/v1/inquiries/${ref}/call`, { call_id: 'AL-6' });
    expect(named.statusCode, named.body).toBe(200);
    expect((await detail(ref)).call).toMatchObject({ call_id: 'AL-6' });
  });

  it('links nothing to a phone inquiry logged without a line, nor on another line', async () => {
    const without = await logCall({});
    const other = await logCall({ line: 18 });
    expect(json(await push([call('AL-7', 17, 3, 1)]))).toMatchObject({ linked: 0 });
    expect((await detail(without.ref)).line).toBeNull();
    expect((await detail(without.ref)).call).toBeNull();
    expect((await detail(other.ref)).call).toBeNull();
  });

  it('refuses a line on an inquiry that came by mail, naming `line`, in the caller’s language', async () => {
    const response = await t.send(t.people.agent, 'POST', '/api/v1/inquiries', {
      channel: 'email',
      language: 'fr',
      question: 'Une question par mail',
      line: 2,
    });
    expect(response.statusCode, response.body).toBe(400);
    const problem = json(response);
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'line', code: 'inquiries.line_only_for_phone_channel' }),
    ]);
    // The agent reads English: the message is the words, not the code.
    expect(problem.errors[0].message).toContain('by phone');
  });

  it('refuses a line outside 1–99, naming `line`', async () => {
    const response = await t.send(t.people.agent, 'POST', '/api/v1/inquiries', {
      channel: 'phone',
      language: 'fr',
      question: 'Question',
      line: 100,
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(json(response).errors)).toContain('"field":"line"');
  });
});
