import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import { isPostgres } from '../db/dialect.js';
import { nowInstant } from '../db/time.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { Poller } from '../polling.js';
import type { MailTables, OutboxRow } from './tables.js';

type Log = { info?: (o: object, m: string) => void; warn?: (o: object, m: string) => void };

export type MailSenderOptions = {
  /** `smtp://user:pass@host:port` (`smtps://` for TLS from the start); none: mails stay queued. */
  smtpUrl?: string | undefined;
  /** The From header, e.g. `Relais <crisis@relais.example>`. */
  from: string;
  log?: Log;
  pollIntervalMs?: number;
  /** Tries before a mail is marked failed. */
  maxAttempts?: number;
  /** How long an instance holds a mail it is sending; past that (it died), another may try. */
  claimMs?: number;
  /** The wait before the next try, after `attempts` failed ones. */
  backoffMs?: (attempts: number) => number;
};

/** 30 s, 1 min, 2 min … capped at an hour: an SMTP relay down for a while gets the mails once back. */
export const defaultBackoffMs = (attempts: number): number =>
  Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);

/**
 * Sends the queued mails over SMTP, one claimed row at a time, so that several instances share the
 * outbox without sending a mail twice. A failed try is retried later; after the last it is `failed`.
 */
export class MailSender {
  readonly isConfigured: boolean;
  private readonly outbox: Kysely<MailTables>;
  private readonly isPostgres: boolean;
  private transport: Promise<Transporter> | undefined;
  private readonly poller: Poller;
  private readonly maxAttempts: number;
  private readonly claimMs: number;
  private readonly backoffMs: (attempts: number) => number;
  /** Mails the SMTP server took while the database was away: marked sent once it answers. */
  private readonly unrecorded: (() => Promise<unknown>)[] = [];

  constructor(
    db: Kysely<any>,
    private readonly options: MailSenderOptions,
  ) {
    this.outbox = db as Kysely<MailTables>;
    this.isPostgres = isPostgres(db);
    this.isConfigured = Boolean(options.smtpUrl);
    this.poller = new Poller(
      () => this.sendDue(),
      options.pollIntervalMs ?? 5_000,
      (error) => options.log?.warn?.({ err: error }, 'mail: sending the outbox failed'),
    );
    this.maxAttempts = options.maxAttempts ?? 8;
    this.claimMs = options.claimMs ?? 5 * 60_000;
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
  }

  /** Polls the outbox until stopped; without SMTP it does nothing and the mails wait, queued. */
  start(): void {
    if (this.isConfigured) this.poller.start();
  }

  async stop(): Promise<void> {
    await this.poller.stop();
    (await this.transport?.catch(() => undefined))?.close();
  }

  /** Sends every mail due now; returns how many were tried. */
  async sendDue(): Promise<number> {
    if (!this.isConfigured) return 0;
    while (this.unrecorded.length > 0) {
      await this.unrecorded[0]!();
      this.unrecorded.shift();
    }
    let tried = 0;
    for (;;) {
      if (this.poller.isStopping && tried > 0) return tried;
      const mail = await this.claim();
      if (!mail) return tried;
      tried += 1;
      await this.send(mail);
    }
  }

  // nodemailer (and the encodings it brings) is loaded with the first mail to send, not at every start
  // of Relais: an instance without SMTP never loads it.
  private openTransport(): Promise<Transporter> {
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      // Shorter waits than nodemailer's two minutes: a relay that does not answer is tried again later.
      nodemailer.createTransport({
        url: this.options.smtpUrl,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      }),
    );
    return this.transport;
  }

  private async claim(): Promise<OutboxRow | undefined> {
    const now = nowInstant();
    const until = new Date(Date.now() + this.claimMs).toISOString();
    let due = this.outbox
      .selectFrom('platform_mail_outbox')
      .select('id')
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(1);
    // Another instance's claim holds its row locked until it commits: skip it rather than wait.
    if (this.isPostgres) due = due.forUpdate().skipLocked();
    return this.outbox
      .updateTable('platform_mail_outbox')
      .set({ claimed_until: until })
      .where('id', '=', due)
      .where('status', '=', 'queued')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .returningAll()
      .executeTakeFirst();
  }

  private async send(mail: OutboxRow): Promise<void> {
    const attempts = mail.attempts + 1;
    // Every write is conditional on still holding the claim, as the job runner's are.
    const mine = this.outbox
      .updateTable('platform_mail_outbox')
      .where('id', '=', mail.id)
      .where('claimed_until', '=', mail.claimed_until);
    try {
      const transport = await this.openTransport();
      await transport.sendMail({
        from: this.options.from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        ...(mail.html_body && { html: mail.html_body }),
        messageId: mail.message_id,
        ...(mail.in_reply_to && { inReplyTo: mail.in_reply_to }),
        ...(mail.references_header && { references: mail.references_header }),
        ...(mail.is_automatic === 1 && { headers: { 'Auto-Submitted': 'auto-replied' } }),
      });
    } catch (error) {
      const isSpent = attempts >= this.maxAttempts;
      const reason = error instanceof Error ? error.message : String(error);
      this.options.log?.warn?.({ mail: mail.id, attempts, reason }, 'mail: sending failed');
      await mine
        .set({
          status: isSpent ? 'failed' : 'queued',
          attempts,
          last_error: reason.slice(0, 1000),
          claimed_until: null,
          next_attempt_at: new Date(Date.now() + this.backoffMs(attempts)).toISOString(),
        })
        .execute();
      return;
    }
    // The mail has left: a database away at this moment must not count as a failed try, or the
    // person would get it again at the next one. Marked sent as soon as the database answers.
    const sentAt = nowInstant();
    const markSent = () =>
      mine
        .set({ status: 'sent', attempts, sent_at: sentAt, claimed_until: null, last_error: null })
        .execute();
    await markSent().catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) this.unrecorded.push(markSent);
      throw error;
    });
  }
}
