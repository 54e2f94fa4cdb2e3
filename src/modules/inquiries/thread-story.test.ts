import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildEntry, buildInquiry, buildTeam, buildTheme } from '../../test-support/factories.js';
import { json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

describe.each(DIALECTS)('%s: the thread tells the whole story', (dialect) => {
  const t = withApp(dialect, {
    as: {
      agent: { name: 'Aline Agent' },
      expert: { name: 'Eric Expert' },
      acerta: { roles: ['partner'], partner: 'acerta' },
    },
  });
  let agent: Session;
  let expert: Session;
  beforeAll(async () => {
    ({ agent, expert } = t.people);
    await buildTeam(t.app, { code: 'story-team', members: [t.people.expert] });
    await buildTheme(t.app, { code: 'cotisations' });
    await buildTheme(t.app, { code: 'droit-passerelle' });
  });
  const send = (...args: Parameters<typeof t.send>) => t.send(...args);
  const read = async (ref: string, as: Session = expert) =>
    json(await send(as, 'GET', `/api/v1/inquiries/${ref}`));
  const escalated = async (requester: object) =>
    (
      await buildInquiry(t.app, {
        by: t.people.agent,
        question: 'Mes cotisations sont-elles reportées ?',
        theme: 'droit-passerelle',
        requester,
        status: 'escalated',
        team: 'story-team',
      })
    ).ref;

  it('shows every callback attempt with its outcome, the agent’s note, who called and when, then the closing', async () => {
    const ref = await escalated({ name: 'Lise Martin', phone: '+32 470 00 00 02', email: 'lise@example.be' });
    await send(expert, 'POST', `/api/v1/inquiries/${ref}/answer`, { body: 'Oui.', delivery: 'callback' });
    const { items } = json(await send(agent, 'GET', '/api/v1/inquiries/callbacks'));
    const callback = items.find((c: { inquiry_ref: string }) => c.inquiry_ref === ref);
    const attempt = (outcome: string, note?: string) =>
      send(agent, 'POST', `/api/v1/inquiries/callbacks/${callback.id}/attempts`, {
        outcome,
        ...(note && { note }),
      });
    await attempt('no_answer', 'Sonne dans le vide.');
    await attempt('voicemail', 'Message laissé à 14 h.');
    await attempt('no_answer');

    const { events } = await read(ref);
    const calls = events.filter((e: { kind: string }) => e.kind === 'callback_attempt');
    expect(calls).toEqual([
      expect.objectContaining({
        outcome: 'no_answer',
        note: 'Sonne dans le vide.',
        actor: expect.objectContaining({ name: 'Aline Agent' }),
      }),
      expect.objectContaining({ outcome: 'voicemail', note: 'Message laissé à 14 h.' }),
      expect.objectContaining({ outcome: 'no_answer', note: null }),
    ]);
    for (const call of calls) expect(Date.parse(call.at)).toBeGreaterThan(Date.now() - 60_000);
    // After the last attempt the answer went by mail (queued: no SMTP server here), and the inquiry closed.
    expect(events.at(-2)).toMatchObject({
      kind: 'mail',
      mail_status: 'queued',
      actor: { name: 'Aline Agent' },
    });
    expect(events.at(-1)).toMatchObject({
      kind: 'status_changed',
      from_status: 'callback_pending',
      to_status: 'closed',
      actor: { name: 'Aline Agent' },
    });
    // The story starts with the call being logged, by its agent.
    expect(events[0]).toMatchObject({ kind: 'status_changed', from_status: null, to_status: 'new' });
  });

  it('says who closed the inquiry and why', async () => {
    const ref = await escalated({ name: 'Tom Claes' });
    await send(expert, 'POST', `/api/v1/inquiries/${ref}/close`, {
      note: 'Doublon de la demande de la veille.',
    });
    const { events } = await read(ref);
    expect(events.at(-1)).toMatchObject({
      kind: 'status_changed',
      to_status: 'closed',
      note: 'Doublon de la demande de la veille.',
      actor: { name: 'Eric Expert' },
    });
  });

  it('records an answer from the FAQ with the entry and version', async () => {
    const entry = await buildEntry(t.app);
    const ref = (await buildInquiry(t.app, { by: t.people.agent })).ref;
    await send(agent, 'POST', `/api/v1/inquiries/${ref}/answer-from-faq`, { entry_ref: entry.ref });
    const { events } = await read(ref, agent);
    expect(events.find((e: { kind: string }) => e.kind === 'faq_linked')).toMatchObject({
      entry_ref: entry.ref,
      entry_version: entry.version,
      actor: { name: 'Aline Agent' },
    });
  });

  it('records the proposal to the FAQ, and the inquiry takes the theme the proposal chose', async () => {
    const ref = await escalated({ name: 'Inge Maes' });
    await send(expert, 'POST', `/api/v1/inquiries/${ref}/answer`, {
      body: 'Oui, sur demande.',
      delivery: 'none',
    });
    const { entry_ref } = json(
      await send(expert, 'POST', `/api/v1/inquiries/${ref}/propose-faq`, { theme: 'cotisations' }),
    );
    const inquiry = await read(ref);
    expect(inquiry.theme).toBe('cotisations');
    expect(inquiry.events.find((e: { kind: string }) => e.kind === 'faq_proposed')).toMatchObject({
      entry_ref,
      theme: 'cotisations',
      actor: { name: 'Eric Expert' },
    });
  });

  it('keeps the story, the institute’s working record, from the fund', async () => {
    const ref = (
      await buildInquiry(t.app, { by: t.people.acerta, channel: 'partner', requester: { name: 'Jan' } })
    ).ref;
    const seen = await read(ref, t.people.acerta);
    expect(seen.events).toEqual([]);
  });
});
