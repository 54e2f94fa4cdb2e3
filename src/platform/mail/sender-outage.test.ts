import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import { startSmtpServer, type TestSmtp } from '../../test-support/mail-servers.js';
import { startTcpProxy, type TcpProxy } from '../../test-support/tcp-proxy.js';
import { type DatabaseHandle, openPostgres } from '../db/database.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { enqueueMail, mailStatesOf } from './outbox.js';
import { MailSender } from './sender.js';

describe.skipIf(!DIALECTS.includes('postgres'))('postgres: the database lost just after a mail left', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  let smtp: TestSmtp;
  let throughProxy: DatabaseHandle;
  let isCutOnNextMail = false;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${database.location}`;
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    throughProxy = openPostgres(url.toString(), { max: 2, connectTimeoutMs: 500 });
    // The relay has the mail; before it says so, the database goes away.
    smtp = await startSmtpServer({
      beforeAccepting: () => {
        if (isCutOnNextMail) proxy.cut();
        isCutOnNextMail = false;
      },
    });
  });
  afterAll(async () => {
    await throughProxy?.close();
    await proxy?.close();
    await Promise.all([database?.close(), smtp?.close()]);
  });

  it('marks the mail sent once the database is back, and never sends it a second time', async () => {
    await enqueueMail(database.db, {
      to: 'marie.dubois@example.be',
      subject: 'Votre question',
      text: 'Bonjour.',
      source: 'test',
      objectRef: 'answer-1',
    });
    // Claims short enough that a mail wrongly left queued would be sent again within the test.
    const sender = new MailSender(throughProxy.db, {
      smtpUrl: smtp.url,
      from: 'Relais <crisis@relais.example>',
      claimMs: 200,
      backoffMs: () => 0,
    });
    isCutOnNextMail = true;
    const failure = await sender.sendDue().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect(smtp.received).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 300));
    proxy.restore();
    await sender.sendDue();
    await sender.sendDue();
    await sender.stop();

    const state = (await mailStatesOf(database.db, 'test', ['answer-1'])).get('answer-1');
    expect(state).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smtp.received).toHaveLength(1);
  });
});
