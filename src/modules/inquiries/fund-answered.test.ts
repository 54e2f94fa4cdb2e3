import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildInquiry, buildPerson, buildTeam, type LoggedInPerson } from '../../test-support/factories.js';
import { asSession, createTestApp, json, type TestApp } from '../../test-support/test-app.js';

/** Reads a server-sent event stream until `until` holds for the text received, or `ms` pass. */
async function readStream(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  until: (text: string) => boolean,
  ms = 5000,
) {
  let text = '';
  const deadline = Date.now() + ms;
  while (!until(text) && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<undefined>((resolve) =>
        setTimeout(() => resolve(undefined), Math.max(1, deadline - Date.now())),
      ),
    ]);
    if (!chunk || chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
  }
  return text;
}

describe.each(DIALECTS)('%s: the expert sees what a fund answered', (dialect) => {
  let t: TestApp;
  let address: string;
  let expert: LoggedInPerson;
  let outsider: LoggedInPerson;
  let acerta: LoggedInPerson;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    expert = await buildPerson(t.app, { roles: ['expert'] });
    outsider = await buildPerson(t.app, { roles: ['expert'] });
    acerta = await buildPerson(t.app, { roles: ['partner'], partner: 'acerta' });
    await buildTeam(t.app, { code: 'fund-team', members: [expert] });
    await buildTeam(t.app, { code: 'other-team', members: [outsider] });
  });
  afterAll(() => t.close());

  const send = (as: LoggedInPerson, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: asSession(as), ...(payload && { payload }) });
  const openStream = async (as: LoggedInPerson, lastEventId?: string) => {
    const response = await fetch(`${address}/api/v1/inquiries/events`, {
      headers: {
        cookie: as.cookie,
        accept: 'text/event-stream',
        ...(lastEventId && { 'last-event-id': lastEventId }),
      },
    });
    expect(response.status).toBe(200);
    return response.body!.getReader();
  };
  const waitingOnFund = async () => {
    const { ref } = await buildInquiry(t.app, { status: 'in_research', team: 'fund-team', assignee: expert });
    expect(
      (
        await send(expert, 'POST', `/api/v1/inquiries/${ref}/partner-requests`, {
          fund: 'acerta',
          question: 'Report accordé ?',
        })
      ).statusCode,
    ).toBe(201);
    const { items } = json(await send(acerta, 'GET', '/api/v1/inquiries/partner-requests?status=open'));
    return { ref, requestId: items.find((r: { inquiry_ref: string }) => r.inquiry_ref === ref).id as string };
  };

  it('marks the inquiry as answered by the fund, with its deadline running again, until the expert moves it on', async () => {
    const { ref, requestId } = await waitingOnFund();
    const waiting = json(await send(expert, 'GET', `/api/v1/inquiries/${ref}`));
    expect(waiting).toMatchObject({ status: 'waiting_partner', partner_answered_at: null });
    expect(waiting.deadlines.resolution.state).toBe('paused');

    await send(acerta, 'POST', `/api/v1/inquiries/partner-requests/${requestId}/answer`, { answer: 'Oui.' });
    const mine = json(await send(expert, 'GET', '/api/v1/inquiries?assignee=me&open=true'));
    const answered = mine.items.find((i: { ref: string }) => i.ref === ref);
    expect(answered.status).toBe('in_research');
    expect(Date.parse(answered.partner_answered_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(answered.deadlines.resolution.state).not.toBe('paused');

    await send(expert, 'POST', `/api/v1/inquiries/${ref}/answer`, {
      body: 'Oui, accordé.',
      delivery: 'none',
    });
    expect(json(await send(expert, 'GET', `/api/v1/inquiries/${ref}`)).partner_answered_at).toBeNull();
  });

  it('tells the expert’s open screen at once, not another team’s, and replays what a reconnecting screen missed', async () => {
    const { ref, requestId } = await waitingOnFund();
    const [mine, theirs] = await Promise.all([openStream(expert), openStream(outsider)]);
    await readStream(mine, (text) => text.includes('retry:'));
    await readStream(theirs, (text) => text.includes('retry:'));
    // The feed is read from the database (any instance may have written it): give it a poll to start.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await send(acerta, 'POST', `/api/v1/inquiries/partner-requests/${requestId}/answer`, { answer: 'Oui.' });
    const received = await readStream(mine, (text) => text.includes(ref));
    expect(received).toContain('event: partner_answered');
    expect(received).toContain(`"ref":"${ref}"`);
    const id = /id: (\d+)/.exec(received)![1]!;
    expect(await readStream(theirs, (text) => text.includes(ref), 2500)).not.toContain(ref);
    await Promise.all([mine.cancel(), theirs.cancel()]);

    // A screen that had seen the notice before it is missed gets it replayed.
    const replayed = await openStream(expert, String(Number(id) - 1));
    expect(await readStream(replayed, (text) => text.includes(ref))).toContain(`id: ${id}`);
    await replayed.cancel();
    const refused = await t.app.inject({
      url: '/api/v1/inquiries/events',
      headers: { cookie: acerta.cookie, accept: 'text/event-stream' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
