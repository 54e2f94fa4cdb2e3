import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildInquiry, buildTeam, buildTheme } from '../../test-support/factories.js';
import { json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

describe.each(DIALECTS)('%s: research with a fund, the answer and the callback', (dialect) => {
  const t = withApp(dialect, {
    as: {
      agent: {},
      expert: {},
      acerta: { roles: ['partner'], partner: 'acerta' },
      ucm: { roles: ['partner'], partner: 'ucm' },
      admin: {},
    },
  });
  let agent: Session;
  let expert: Session;
  let acerta: Session;
  let ucm: Session;
  let admin: Session;
  beforeAll(async () => {
    ({ agent, expert, acerta, ucm, admin } = t.people);
    await buildTeam(t.app, { code: 'audit-externe', members: [t.people.expert] });
    await buildTheme(t.app, { code: 'cotisations' });
  });

  const send = (...args: Parameters<typeof t.send>) => t.send(...args);
  const read = async (ref: string) => json(await send(expert, 'GET', `/api/v1/inquiries/${ref}`));
  const escalatedCall = async (requester: object) =>
    (
      await buildInquiry(t.app, {
        by: t.people.agent,
        channel: 'phone',
        language: 'fr',
        question: 'Mes cotisations du 2e trimestre 2020 ont-elles été reportées ?',
        requester,
        status: 'escalated',
        team: 'audit-externe',
        note: 'Vérifier le dossier.',
      })
    ).ref;

  it('asks a fund, which alone sees and answers the request, and brings the inquiry back to research', async () => {
    const ref = await escalatedCall({ name: 'Jan Peeters', niss: '85073003328' });
    const asked = await send(expert, 'POST', `/api/v1/inquiries/${ref}/partner-requests`, {
      fund: 'acerta',
      question: 'Le report a-t-il été accordé pour le T2 2020 ?',
    });
    expect(asked.statusCode).toBe(201);
    const waiting = await read(ref);
    expect(waiting.status).toBe('waiting_partner');
    expect(waiting.deadlines.first_answer).toMatchObject({ state: 'paused', due_at: null });

    const forAcerta = json(await send(acerta, 'GET', '/api/v1/inquiries/partner-requests?status=open'));
    const request = forAcerta.items.find((r: { inquiry_ref: string }) => r.inquiry_ref === ref);
    expect(request).toMatchObject({
      fund: 'acerta',
      person: { name: 'Jan Peeters', niss: '85.07.30-033.28' },
    });
    const forUcm = json(await send(ucm, 'GET', '/api/v1/inquiries/partner-requests'));
    expect(forUcm.items.map((r: { id: string }) => r.id)).not.toContain(request.id);

    const intruder = await send(ucm, 'POST', `/api/v1/inquiries/partner-requests/${request.id}/answer`, {
      answer: 'x',
    });
    expect(intruder.statusCode).toBe(404);
    const refusals = json(
      await send(admin, 'GET', `/api/v1/audit?action=inquiries.access_refused&objectId=${request.id}`),
    );
    expect(refusals.total).toBe(1);

    const answered = await send(acerta, 'POST', `/api/v1/inquiries/partner-requests/${request.id}/answer`, {
      answer: 'Oui, report accordé le 2 avril 2020.',
    });
    expect(answered.statusCode).toBe(204);
    const inquiry = await read(ref);
    expect(inquiry.status).toBe('in_research');
    expect(inquiry.messages.at(-1)).toMatchObject({
      kind: 'incoming',
      via: 'portal',
      body: 'Oui, report accordé le 2 avril 2020.',
    });
    const twice = await send(acerta, 'POST', `/api/v1/inquiries/partner-requests/${request.id}/answer`, {
      answer: 'bis',
    });
    expect(json(twice).code).toBe('inquiries.partner_request_answered');
  });

  it('turns an answer into a callback; after three failed calls the answer goes by mail', async () => {
    const ref = await escalatedCall({ name: 'Lise Martin', email: 'lise.martin@example.be' });
    const answer = 'Votre report est accordé ; aucune majoration ne sera appliquée.';
    expect(
      (await send(expert, 'POST', `/api/v1/inquiries/${ref}/answer`, { body: answer, delivery: 'callback' }))
        .statusCode,
    ).toBe(204);
    expect((await read(ref)).status).toBe('callback_pending');

    const pool = json(await send(agent, 'GET', '/api/v1/inquiries/callbacks'));
    const callback = pool.items.find((c: { inquiry_ref: string }) => c.inquiry_ref === ref);
    expect(callback).toMatchObject({ status: 'pending', attempts: 0, max_attempts: 3 });
    expect((await send(agent, 'POST', `/api/v1/inquiries/callbacks/${callback.id}/claim`)).statusCode).toBe(
      204,
    );

    const first = json(
      await send(agent, 'POST', `/api/v1/inquiries/callbacks/${callback.id}/attempts`, {
        outcome: 'no_answer',
      }),
    );
    expect(first.status).toBe('pending');
    expect(Date.parse(first.due_at)).toBeGreaterThan(Date.now() + 100 * 60_000);
    await send(agent, 'POST', `/api/v1/inquiries/callbacks/${callback.id}/attempts`, {
      outcome: 'voicemail',
    });
    const last = json(
      await send(agent, 'POST', `/api/v1/inquiries/callbacks/${callback.id}/attempts`, {
        outcome: 'no_answer',
      }),
    );
    expect(last.status).toBe('gave_up');

    const inquiry = await read(ref);
    expect(inquiry.status).toBe('closed');
    // No SMTP server in this app: the mail waits in the outbox, and the thread says so.
    expect(inquiry.messages.at(-1)).toMatchObject({
      kind: 'outgoing',
      via: 'email',
      body: answer,
      mail_status: 'queued',
    });
    const mail = await t.app.db
      .selectFrom('platform_mail_outbox')
      .selectAll()
      .where('object_ref', '=', inquiry.messages.at(-1).id)
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      to_address: 'lise.martin@example.be',
      subject: `[${ref}] Réponse à votre question`,
    });
    expect(mail.text_body).toContain(answer);
    const again = await send(agent, 'POST', `/api/v1/inquiries/callbacks/${callback.id}/attempts`, {
      outcome: 'reached',
    });
    expect(json(again).code).toBe('inquiries.callback_closed');
  });

  it('closes the inquiry when the person is reached', async () => {
    const ref = await escalatedCall({ name: 'Tom Claes', phone: '+32 470 00 00 01' });
    await send(expert, 'POST', `/api/v1/inquiries/${ref}/answer`, { body: 'Oui.', delivery: 'callback' });
    const { items } = json(await send(agent, 'GET', '/api/v1/inquiries/callbacks'));
    const callback = items.find((c: { inquiry_ref: string }) => c.inquiry_ref === ref);
    const reached = json(
      await send(agent, 'POST', `/api/v1/inquiries/callbacks/${callback.id}/attempts`, {
        outcome: 'reached',
      }),
    );
    expect(reached.status).toBe('done');
    expect((await read(ref)).status).toBe('closed');
  });

  it('proposes the answer as an FAQ draft, in the inquiry’s language, once', async () => {
    const ref = await escalatedCall({ name: 'Inge Maes' });
    const early = await send(expert, 'POST', `/api/v1/inquiries/${ref}/propose-faq`, {
      theme: 'cotisations',
    });
    expect(json(early).errors).toEqual([
      expect.objectContaining({ field: 'answer', code: 'inquiries.no_answer_yet' }),
    ]);

    const answer = 'Oui : le report des cotisations du T2 2020 est accordé sur simple demande.';
    await send(expert, 'POST', `/api/v1/inquiries/${ref}/answer`, { body: answer, delivery: 'none' });
    const proposed = await send(expert, 'POST', `/api/v1/inquiries/${ref}/propose-faq`, {
      theme: 'cotisations',
    });
    expect(proposed.statusCode).toBe(201);
    const { entry_ref } = json(proposed);
    // Written in French only: the draft goes to translation into Dutch, not yet to review.
    expect(json(proposed)).toMatchObject({ next_step: 'translation', awaits_language: 'nl' });
    const draft = json(await send(expert, 'GET', `/api/v1/knowledge/entries/${entry_ref}/draft`));
    expect(draft.content?.fr ?? draft.fr).toEqual({
      question: 'Mes cotisations du 2e trimestre 2020 ont-elles été reportées ?',
      answer,
    });
    expect((await read(ref)).faq_draft).toBe(entry_ref);
    const again = await send(expert, 'POST', `/api/v1/inquiries/${ref}/propose-faq`, {
      theme: 'cotisations',
    });
    expect(json(again).code).toBe('inquiries.already_proposed');
    expect((await send(agent, 'POST', `/api/v1/inquiries/${ref}/propose-faq`, {})).statusCode).toBe(403);
  });
});
