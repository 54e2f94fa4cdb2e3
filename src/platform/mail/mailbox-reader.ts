import type { Kysely } from 'kysely';
import { nowInstant } from '../db/time.js';
import { withTransaction } from '../db/transaction.js';
import { Poller } from '../polling.js';
import { type IncomingMail, parseMail } from './incoming.js';
import type { MailTables } from './tables.js';

type Log = {
  info?: (o: object, m: string) => void;
  warn?: (o: object, m: string) => void;
  error?: (o: object, m: string) => void;
};

/**
 * What a module does with a new mail, inside the transaction that also notes its Message-ID: the
 * mail counts as handled exactly when the module's change commits. Returns a short outcome
 * (`created`, `threaded`) kept with the Message-ID.
 */
export type MailHandler = (trx: Kysely<any>, mail: IncomingMail) => Promise<string>;

export type MailboxReaderOptions = {
  /** `imap://user:pass@host:port/INBOX` (`imaps://` for TLS); none: no mailbox is read. */
  imapUrl?: string | undefined;
  pollIntervalMs?: number;
  log?: Log;
};

export type PollReport = { handled: number; duplicates: number; failed: number };

/** Where and how to log in, from `imap(s)://user:pass@host:port/Mailbox`. */
export function imapTarget(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/**
 * Reads the crisis mailbox: every unseen message goes to the registered handler, and only once
 * the handler's transaction committed is it flagged \Seen. A message whose Message-ID was handled
 * before (the process died between the commit and the flag, or two instances read it at once) is
 * flagged without being handled again.
 */
export class MailboxReader {
  readonly isConfigured: boolean;
  /**
   * When this instance last finished reading the mailbox (ms since the epoch; null before its first
   * read), and how many unseen messages that read found: what operators watch for mailbox lag.
   */
  lastReadAt: number | null = null;
  unseenAtLastRead: number | null = null;
  /** When this reader was made: before a first read, the lag counts from here. */
  readonly createdAt = Date.now();
  private handler: MailHandler | null = null;
  private readonly poller: Poller;

  constructor(
    private readonly db: Kysely<any>,
    private readonly options: MailboxReaderOptions,
  ) {
    this.isConfigured = Boolean(options.imapUrl);
    this.poller = new Poller(
      () => this.pollOnce(),
      options.pollIntervalMs ?? 60_000,
      (error) => options.log?.warn?.({ err: error }, 'mail: reading the mailbox failed'),
    );
  }

  /** The module that turns mails into its own records (one handler: the mailbox has one purpose). */
  handle(handler: MailHandler): void {
    this.handler = handler;
  }

  start(): void {
    if (this.isConfigured && this.handler) this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** One pass over the mailbox's unseen messages. */
  async pollOnce(): Promise<PollReport> {
    const report: PollReport = { handled: 0, duplicates: 0, failed: 0 };
    if (!this.options.imapUrl || !this.handler) return report;
    const { mailbox, ...target } = imapTarget(this.options.imapUrl);
    // Loaded with the first poll, not at every start: an instance without a mailbox never loads it.
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({ ...target, logger: false });
    await client.connect();
    try {
      const lock = await client.getMailboxLock(mailbox);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        this.unseenAtLastRead = uids.length;
        for (const uid of uids) {
          if (this.poller.isStopping) break;
          // `source` is fetched with BODY.PEEK: reading it does not set \Seen.
          const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
          const source = message ? message.source : undefined;
          if (!source) continue;
          const outcome = await this.receive(source);
          if (outcome === 'failed') report.failed += 1;
          else {
            await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
            if (outcome === 'duplicate') report.duplicates += 1;
            else report.handled += 1;
          }
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    this.lastReadAt = Date.now();
    return report;
  }

  private async receive(source: Buffer): Promise<string> {
    const handler = this.handler!;
    let messageId = '';
    try {
      const mail = await parseMail(source);
      messageId = mail.messageId;
      return await withTransaction(this.db as Kysely<MailTables>, async (trx) => {
        // On PostgreSQL a second instance inserting the same id waits for the first to commit, then
        // inserts nothing: the mail is handled once.
        const noted = await trx
          .insertInto('platform_mail_inbound')
          .values({ message_id: mail.messageId, received_at: nowInstant(), outcome: 'pending' })
          .onConflict((oc) => oc.column('message_id').doNothing())
          .executeTakeFirst();
        if (Number(noted.numInsertedOrUpdatedRows ?? 0n) === 0) return 'duplicate';
        const outcome = await handler(trx, mail);
        await trx
          .updateTable('platform_mail_inbound')
          .set({ outcome })
          .where('message_id', '=', mail.messageId)
          .execute();
        return outcome;
      });
    } catch (error) {
      // Left unseen: the next pass tries again (a database that went away comes back).
      this.options.log?.error?.({ err: error, messageId }, 'mail: handling a received mail failed');
      return 'failed';
    }
  }
}
