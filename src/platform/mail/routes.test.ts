import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

// The admin's outbox through the API: counts per status beside the list, and a failed mail sent
// again, on an app without SMTP (the mails an answer queues stay queued, as with `npm start`).

describe.each(DIALECTS)('%s: the outbox API', (dialect) => {
  const t = withApp(dialect, { as: { admin: { language: 'fr' }, agent: {} } });
  let admin: Session;
  let agent: Session;
  beforeAll(() => {
    ({ admin, agent } = t.people);
  });

  const send = (...args: Parameters<typeof t.send>) => t.send(...args);
  const outbox = async (query = '') => json(await send(admin, 'GET', `/api/v1/mail/outbox${query}`));

  /** An answer by mail to a call with an address: the real flow that queues a mail. */
  const answeredByMail = async () => {
    const { ref } = json(
      await send(agent, 'POST', '/api/v1/inquiries', {
        channel: 'phone',
        language: 'fr',
        question: 'Puis-je reporter mes cotisations ?',
        requester: { name: 'Lise Martin', email: 'lise.martin@example.be' },
      }),
    );
    const answered = await send(agent, 'POST', `/api/v1/inquiries/${ref}/answer`, {
      body: 'Oui, jusqu’au 31 décembre.',
      delivery: 'mail',
    });
    expect(answered.statusCode, answered.body).toBe(204);
    const mail = (await outbox('?status=queued&limit=500')).items.find((m: { subject: string }) =>
      m.subject.includes(ref),
    );
    return mail as { id: string; subject: string };
  };

  /** What the sender leaves after its eighth failed try. */
  const giveUp = (id: string) =>
    t.app.db
      .updateTable('platform_mail_outbox')
      .set({ status: 'failed', attempts: 8, last_error: 'connect ECONNREFUSED 127.0.0.1:25' })
      .where('id', '=', id)
      .execute();

  it('answers the list with the count of each status over the whole outbox', async () => {
    const first = await outbox();
    const before = first.counts;
    expect(Object.keys(before).sort()).toEqual(['failed', 'queued', 'sent']);
    // No SMTP server is configured, as with `npm start`: the screen says why mails wait.
    expect(first.smtp_configured).toBe(false);
    const mail = await answeredByMail();
    const afterAnswer = await outbox('?status=sent');
    expect(afterAnswer.counts).toEqual({ ...before, queued: before.queued + 1 });
    expect(afterAnswer.total).toBe(afterAnswer.counts.sent);
    await giveUp(mail.id);
    expect((await outbox()).counts).toEqual({ ...before, failed: before.failed + 1 });
  });

  it('sends a failed mail again: queued, no tries counted, due now, and audited', async () => {
    const mail = await answeredByMail();
    await giveUp(mail.id);
    const failed = (await outbox('?status=failed')).items.find((m: { id: string }) => m.id === mail.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 8, can_retry: true });

    const retried = await send(admin, 'POST', `/api/v1/mail/outbox/${mail.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(json(retried)).toMatchObject({ id: mail.id, status: 'queued', attempts: 0, last_error: null });
    expect(Date.parse(json(retried).next_attempt_at)).toBeLessThanOrEqual(Date.now());
    const queued = (await outbox('?status=queued&limit=500')).items.find(
      (m: { id: string }) => m.id === mail.id,
    );
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, can_retry: false });

    const audit = json(await send(admin, 'GET', `/api/v1/audit?objectId=${mail.id}`));
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'mail.outbox_retried',
        objectType: 'mail',
        actorUsername: 'admin',
        summary: { to_domain: 'example.be', source: 'inquiries', attempts: 8 },
      }),
    ]);
  });

  it('refuses with 409, in the admin’s language, to send again a mail that is not failed', async () => {
    const mail = await answeredByMail();
    const refused = await send(admin, 'POST', `/api/v1/mail/outbox/${mail.id}/retry`);
    expect(refused.statusCode).toBe(409);
    expect(json(refused)).toMatchObject({
      code: 'mail.outbox_not_failed',
      mail_status: 'queued',
      // The admin reads Relais in French.
      title: 'Seul un courrier en échec peut être renvoyé : celui-ci est en attente ou a été envoyé.',
    });
  });

  it('answers 404 for an unknown mail, and 403 to anyone but the admin', async () => {
    const unknown = await send(
      admin,
      'POST',
      '/api/v1/mail/outbox/6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b/retry',
    );
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown).code).toBe('mail.outbox_not_found');
    const mail = await answeredByMail();
    await giveUp(mail.id);
    expect((await send(agent, 'POST', `/api/v1/mail/outbox/${mail.id}/retry`)).statusCode).toBe(403);
  });
});
