import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, secondConnection } from '../../test-support/databases.js';
import { startSmtpServer, type TestSmtp } from '../../test-support/mail-servers.js';
import type { DatabaseHandle } from '../db/database.js';
import { withTransaction } from '../db/transaction.js';
import { enqueueMail, mailStatesOf, type OutgoingMail } from './outbox.js';
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
});
