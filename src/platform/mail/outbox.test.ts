import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, secondConnection } from '../../test-support/databases.js';
import { startSmtpServer, type TestSmtp } from '../../test-support/mail-servers.js';
import { CLI_ACTOR } from '../audit/audit.js';
import type { DatabaseHandle } from '../db/database.js';
import { withTransaction } from '../db/transaction.js';
import {
  countOutbox,
  enqueueMail,
  forgetMails,
  listOutbox,
  mailStatesOf,
  type OutgoingMail,
  retryMail,
  retryRefusal,
} from './outbox.js';
import { MailSender } from './sender.js';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const FROM = 'Relais <crisis@relais.example>';
let counter = 0;
const mail = (overrides: Partial<OutgoingMail> = {}): OutgoingMail => {
  counter += 1;
  return {
    to: 'marie.dubois@example.be',
    subject: `[Q-2020-00012${counter % 10}] Réponse à votre question`,
    text: `Bonjour,\n\nvoici la réponse ${counter}.`,
    source: 'test',
    objectRef: `object-${counter}`,
    ...overrides,
  };
};

describe('retryRefusal', () => {
  it('lets a failed mail that still has its address be sent again', () => {
    expect(retryRefusal('failed', 'marie.dubois@example.be')).toBeNull();
  });

  it('refuses a queued or sent mail: it is on its way or has left, and would arrive twice', () => {
    expect(retryRefusal('queued', 'marie.dubois@example.be')).toBe('mail.outbox_not_failed');
    expect(retryRefusal('sent', 'marie.dubois@example.be')).toBe('mail.outbox_not_failed');
  });

  it('refuses a mail forgotten with its inquiry: nobody is left to send it to', () => {
    expect(retryRefusal('failed', '')).toBe('mail.outbox_forgotten');
  });
});

describe.each(DIALECTS)('%s: the mail outbox', (dialect) => {
  let database: TestDatabase;
  let other: DatabaseHandle;
  let smtp: TestSmtp;
  beforeAll(async () => {
    [database, smtp] = await Promise.all([createTestDatabase(dialect), startSmtpServer()]);
    other = secondConnection(database);
  });
  afterAll(async () => {
    await other.close();
    await Promise.all([database.close(), smtp.close()]);
  });

  it('queues a mail only if the transaction that asked for it commits', async () => {
    const kept = mail();
    const dropped = mail();
    await withTransaction(database.db, (trx) => enqueueMail(trx, kept));
    await expect(
      withTransaction(database.db, async (trx) => {
        await enqueueMail(trx, dropped);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const states = await mailStatesOf(database.db, 'test', [kept.objectRef!, dropped.objectRef!]);
    expect(states.get(kept.objectRef!)).toMatchObject({ status: 'queued', attempts: 0, sentAt: null });
    expect(states.has(dropped.objectRef!)).toBe(false);
  });

  it('leaves mails queued, without error, when no SMTP server is configured', async () => {
    const waiting = mail();
    await enqueueMail(database.db, waiting);
    const sender = new MailSender(database.db, { from: FROM });
    expect(sender.isConfigured).toBe(false);
    sender.start();
    expect(await sender.sendDue()).toBe(0);
    await sender.stop();
    expect(
      (await mailStatesOf(database.db, 'test', [waiting.objectRef!])).get(waiting.objectRef!)?.status,
    ).toBe('queued');
  });

  it('sends a queued mail over SMTP with its threading headers, and marks it sent', async () => {
    const answer = mail({
      inReplyTo: '<question-1@example.be>',
      references: ['<question-1@example.be>', '<ack-1@relais.example>'],
      isAutomatic: true,
    });
    const { messageId } = await enqueueMail(database.db, answer);
    const sender = new MailSender(database.db, { smtpUrl: smtp.url, from: FROM });
    const before = smtp.received.length;
    await sender.sendDue();
    await sender.stop();
    const [received] = (await smtp.waitFor(before + 1))
      .slice(before)
      .filter((r) => r.parsed.messageId === messageId);
    expect(received?.to).toEqual(['marie.dubois@example.be']);
    expect(received?.from).toBe('crisis@relais.example');
    expect(received?.user).toBe('relais'); // the login of RELAIS_SMTP_URL
    expect(received?.parsed.subject).toBe(answer.subject);
    expect(received?.parsed.text?.trim()).toBe(answer.text);
    expect(received?.parsed.inReplyTo).toBe('<question-1@example.be>');
    expect(received?.parsed.references).toEqual(['<question-1@example.be>', '<ack-1@relais.example>']);
    expect(received?.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    const state = (await mailStatesOf(database.db, 'test', [answer.objectRef!])).get(answer.objectRef!);
    expect(state).toMatchObject({ status: 'sent', attempts: 1, messageId });
    expect(state?.sentAt).not.toBeNull();
  });

  it('tries again later when the SMTP server cannot be reached, and marks the mail failed after the last try', async () => {
    const unreachable = mail();
    await enqueueMail(database.db, unreachable);
    // A port nothing listens on: the connection is refused at once.
    const closed = await startSmtpServer();
    await closed.close();
    const delays: number[] = [];
    const sender = new MailSender(database.db, {
      smtpUrl: closed.url,
      from: FROM,
      maxAttempts: 2,
      backoffMs: (attempts) => {
        delays.push(attempts);
        return attempts === 1 ? 0 : 60_000;
      },
    });
    await sender.sendDue();
    await sender.stop();
    const row = await database.db
      .selectFrom('platform_mail_outbox')
      .selectAll()
      .where('object_ref', '=', unreachable.objectRef!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 2, claimed_until: null });
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(delays).toEqual([1, 2]);
  });

  it('sends each mail once when two instances send the outbox at the same time', async () => {
    const batch = Array.from({ length: 16 }, () => mail({ source: 'race' }));
    for (const m of batch) await enqueueMail(database.db, m);
    const before = smtp.received.length;
    const first = new MailSender(database.db, { smtpUrl: smtp.url, from: FROM });
    const second = new MailSender(other.db, { smtpUrl: smtp.url, from: FROM });
    const [a, b] = await Promise.all([first.sendDue(), second.sendDue()]);
    await Promise.all([first.stop(), second.stop()]);
    expect(a + b).toBe(batch.length);
    const received = (await smtp.waitFor(before + batch.length)).slice(before);
    expect(received).toHaveLength(batch.length);
    expect(new Set(received.map((r) => r.parsed.messageId)).size).toBe(batch.length);
    const states = await mailStatesOf(
      database.db,
      'race',
      batch.map((m) => m.objectRef!),
    );
    expect([...states.values()].every((s) => s.status === 'sent' && s.attempts === 1)).toBe(true);
  });

  /** A mail the sender gave up on, as it leaves it after its last try. */
  const failedMail = async (overrides: Partial<OutgoingMail> = {}) => {
    const { id } = await enqueueMail(database.db, mail(overrides));
    await database.db
      .updateTable('platform_mail_outbox')
      .set({ status: 'failed', attempts: 8, last_error: '550 5.1.1 mailbox unavailable' })
      .where('id', '=', id)
      .execute();
    return id;
  };
  const rowOf = (id: string) =>
    database.db.selectFrom('platform_mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('sends a failed mail again: queued, no tries counted, due now, audited, and the sender takes it', async () => {
    const id = await failedMail({ source: 'retry' });
    const before = Date.now();
    const entry = await retryMail(database.db, CLI_ACTOR, id);
    expect(entry).toMatchObject({ id, status: 'queued', attempts: 0, last_error: null, can_retry: false });
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 0, last_error: null, claimed_until: null });
    expect(Date.parse(row.next_attempt_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(row.next_attempt_at)).toBeLessThanOrEqual(Date.now());
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'mail.outbox_retried',
      object_type: 'mail',
      actor_username: 'cli',
    });
    expect(JSON.parse(audit.summary)).toEqual({ to_domain: 'example.be', source: 'retry', attempts: 8 });
    expect(audit.summary).not.toContain('marie.dubois');

    const sender = new MailSender(database.db, { smtpUrl: smtp.url, from: FROM });
    const received = smtp.received.length;
    expect(await sender.sendDue()).toBeGreaterThanOrEqual(1);
    await sender.stop();
    await smtp.waitFor(received + 1);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('refuses to send again a mail that is not failed, an unknown one, and one forgotten with its inquiry', async () => {
    const { id: queued } = await enqueueMail(database.db, mail());
    await expect(retryMail(database.db, CLI_ACTOR, queued)).rejects.toMatchObject({
      code: 'mail.outbox_not_failed',
      status: 409,
    });
    await expect(
      retryMail(database.db, CLI_ACTOR, '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'),
    ).rejects.toMatchObject({ code: 'mail.outbox_not_found', status: 404 });
    const forgotten = mail({ source: 'forget' });
    const { id } = await enqueueMail(database.db, forgotten);
    await forgetMails(database.db, 'forget', [forgotten.objectRef!]);
    await expect(retryMail(database.db, CLI_ACTOR, id)).rejects.toMatchObject({
      code: 'mail.outbox_forgotten',
      status: 409,
    });
    expect(await rowOf(queued)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('queues a failed mail once when two admins send it again at the same time', async () => {
    const id = await failedMail();
    const results = await Promise.allSettled([
      retryMail(database.db, CLI_ACTOR, id),
      retryMail(other.db, CLI_ACTOR, id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'mail.outbox_not_failed' });
    const audits = await database.db
      .selectFrom('audit_log')
      .select('id')
      .where('object_id', '=', id)
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('counts the mails of each status over the whole outbox, whatever the list shows', async () => {
    const before = await countOutbox(database.db);
    await enqueueMail(database.db, mail());
    await failedMail();
    const page = await listOutbox(database.db, { status: 'failed', limit: 1, offset: 0 });
    expect(page.counts).toEqual({ ...before, queued: before.queued + 1, failed: before.failed + 1 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ status: 'failed', can_retry: true, to_domain: 'example.be' });
    expect(page.total).toBe(page.counts.failed);
  });
});
