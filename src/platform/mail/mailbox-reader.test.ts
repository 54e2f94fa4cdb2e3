import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, secondConnection } from '../../test-support/databases.js';
import { startDovecot, type TestImap } from '../../test-support/mail-servers.js';
import type { DatabaseHandle } from '../db/database.js';
import type { IncomingMail } from './incoming.js';
import { MailboxReader } from './mailbox-reader.js';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const compose = (mail: object): Promise<Buffer> =>
  new MailComposer({ to: 'crisis@relais.example', ...mail }).compile().build();

describe.each(DIALECTS)('%s: the mailbox reader', (dialect) => {
  let database: TestDatabase;
  let other: DatabaseHandle;
  let imap: TestImap;
  beforeAll(async () => {
    [database, imap] = await Promise.all([createTestDatabase(dialect), startDovecot()]);
    other = secondConnection(database);
  });
  afterAll(async () => {
    await other.close();
    await Promise.all([database.close(), imap.close()]);
  });

  it('reads nothing and fails nothing when no mailbox is configured', async () => {
    const reader = new MailboxReader(database.db, {});
    reader.handle(async () => 'handled');
    expect(reader.isConfigured).toBe(false);
    expect(await reader.pollOnce()).toEqual({ handled: 0, duplicates: 0, failed: 0 });
  });

  it('hands over a parsed mail (text from HTML, threading headers, attachments), and leaves it unseen while its handler fails', async () => {
    await imap.deliver(
      await compose({
        from: '"Dubois, Marie" <Marie.Dubois@Example.be>',
        subject: 'Question urgente — droit passerelle',
        html: '<p>Bonjour,</p><p>ai-je <b>droit</b> au droit passerelle&nbsp;?</p>',
        messageId: '<html-1@example.be>',
        inReplyTo: '<ack-1@relais>',
        references: ['<first@example.be>', '<ack-1@relais>'],
        headers: { 'Auto-Submitted': 'auto-replied' },
        attachments: [
          { filename: 'scan.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' },
        ],
      }),
    );
    const received: IncomingMail[] = [];
    let isDown = true;
    const reader = new MailboxReader(database.db, { imapUrl: imap.url });
    reader.handle(async (trx, mail) => {
      received.push(mail);
      // Written in the handler's transaction: gone with it when the handler fails.
      await trx
        .insertInto('platform_mail_inbound')
        .values({ message_id: `seen-by-handler-${received.length}`, received_at: 'x', outcome: 'x' })
        .execute();
      if (isDown) throw new Error('database away');
      return 'handled';
    });
    expect(await reader.pollOnce()).toEqual({ handled: 0, duplicates: 0, failed: 1 });
    expect((await imap.flags()).at(-1)).not.toContain('\\Seen');
    const kept = await database.db.selectFrom('platform_mail_inbound').select('message_id').execute();
    expect(kept).toEqual([]);

    isDown = false;
    expect(await reader.pollOnce()).toEqual({ handled: 1, duplicates: 0, failed: 0 });
    expect((await imap.flags()).at(-1)).toContain('\\Seen');
    const mail = received.at(-1)!;
    expect(mail).toMatchObject({
      messageId: '<html-1@example.be>',
      from: { name: 'Dubois, Marie', address: 'marie.dubois@example.be' },
      subject: 'Question urgente — droit passerelle',
      inReplyTo: '<ack-1@relais>',
      references: ['<first@example.be>', '<ack-1@relais>'],
      isAutomatic: true,
    });
    expect(mail.text).toContain('ai-je droit au droit passerelle');
    expect(mail.attachments).toEqual([
      { filename: 'scan.png', contentType: 'image/png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    ]);
    const outcome = await database.db
      .selectFrom('platform_mail_inbound')
      .selectAll()
      .where('message_id', '=', '<html-1@example.be>')
      .executeTakeFirst();
    expect(outcome?.outcome).toBe('handled');
  });

  // Several instances share one PostgreSQL database; SQLite serves one instance (and its driver
  // waits for a lock synchronously, so two connections in one process would only wait on each other).
  it.skipIf(dialect === 'sqlite')(
    'hands each mail over once when two instances read the mailbox at the same time',
    async () => {
      const ids = Array.from({ length: 8 }, (_, i) => `<race-${i}@example.be>`);
      for (const messageId of ids)
        await imap.deliver(await compose({ from: 'a@example.be', subject: messageId, text: 'x', messageId }));
      const handled: string[] = [];
      const readers = [database.db, other.db].map((db) => {
        const reader = new MailboxReader(db, { imapUrl: imap.url });
        reader.handle(async (_trx, mail) => {
          handled.push(mail.messageId);
          await new Promise((resolve) => setTimeout(resolve, 5));
          return 'handled';
        });
        return reader;
      });
      const reports = await Promise.all(readers.map((reader) => reader.pollOnce()));
      expect(reports.reduce((sum, r) => sum + r.handled, 0)).toBe(ids.length);
      expect(reports.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
      expect(handled.sort()).toEqual([...ids].sort());
      expect((await imap.flags()).every((flags) => flags.includes('\\Seen'))).toBe(true);
    },
  );
});
