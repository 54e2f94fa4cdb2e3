import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import { nowInstant } from '../db/time.js';
import type { MailStatus, MailTables } from './tables.js';

type MailDb = Kysely<MailTables>;

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The Message-ID this answers, and the thread's earlier ones: the person's mail program threads on them. */
  inReplyTo?: string | null;
  references?: readonly string[];
  /** Written by a machine on its own (an acknowledgement): marked Auto-Submitted so no robot answers it. */
  isAutomatic?: boolean;
  /** Which module queued it, and to what in that module it belongs (to find its status, or a reply's thread). */
  source: string;
  objectRef?: string | null;
};

// The host's name, as mail programs have long done; the UUID makes the id unique, not the host.
const ID_HOST = /^[A-Za-z0-9.-]+$/.test(os.hostname()) ? os.hostname() : 'relais';

/** A new Message-ID, with its angle brackets. */
export const newMessageId = (): string => `<${randomUUID()}@${ID_HOST}>`;

/**
 * Queues a mail in the caller's transaction: it exists only if the caller's change commits, and
 * once committed it is sent by whichever instance claims it (see MailSender). Returns its Message-ID.
 */
export async function enqueueMail(
  db: Kysely<any>,
  mail: OutgoingMail,
): Promise<{ id: string; messageId: string }> {
  const now = nowInstant();
  const id = randomUUID();
  const messageId = newMessageId();
  await (db as MailDb)
    .insertInto('platform_mail_outbox')
    .values({
      id,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      message_id: messageId,
      in_reply_to: mail.inReplyTo ?? null,
      references_header: mail.references?.length ? mail.references.join(' ') : null,
      is_automatic: mail.isAutomatic ? 1 : 0,
      source: mail.source,
      object_ref: mail.objectRef ?? null,
      status: 'queued',
      attempts: 0,
      last_error: null,
      next_attempt_at: now,
      claimed_until: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
  return { id, messageId };
}

export type MailState = { status: MailStatus; messageId: string; attempts: number; sentAt: string | null };

/** Where the mails a module queued for these objects stand, by object (the latest mail of each). */
export async function mailStatesOf(
  db: Kysely<any>,
  source: string,
  objectRefs: readonly string[],
): Promise<Map<string, MailState>> {
  if (objectRefs.length === 0) return new Map();
  const rows = await (db as MailDb)
    .selectFrom('platform_mail_outbox')
    .select(['object_ref', 'status', 'message_id', 'attempts', 'sent_at'])
    .where('source', '=', source)
    .where('object_ref', 'in', [...objectRefs])
    .orderBy('created_at')
    .execute();
  return new Map(
    rows.map((r) => [
      r.object_ref as string,
      { status: r.status, messageId: r.message_id, attempts: r.attempts, sentAt: r.sent_at },
    ]),
  );
}

/** The objects a module's mails with these Message-IDs belong to (a reply names them in its headers). */
export async function objectsOfMessageIds(
  db: Kysely<any>,
  source: string,
  messageIds: readonly string[],
): Promise<string[]> {
  if (messageIds.length === 0) return [];
  const rows = await (db as MailDb)
    .selectFrom('platform_mail_outbox')
    .select('object_ref')
    .where('source', '=', source)
    .where('message_id', 'in', [...messageIds])
    .execute();
  return rows.flatMap((r) => (r.object_ref ? [r.object_ref] : []));
}

/**
 * Forgets who the mails of these objects went to and what they said (a module anonymising its
 * records): the rows keep their Message-ID, status and dates; one still queued will never be sent.
 */
export async function forgetMails(
  db: Kysely<any>,
  source: string,
  objectRefs: readonly string[],
): Promise<void> {
  // In slices: PostgreSQL and SQLite both cap how many parameters one statement takes.
  for (let i = 0; i < objectRefs.length; i += 500) {
    const slice = objectRefs.slice(i, i + 500);
    const mails = (db as MailDb)
      .updateTable('platform_mail_outbox')
      .where('source', '=', source)
      .where('object_ref', 'in', slice);
    await mails
      .set({ status: 'failed', last_error: 'forgotten before it was sent' })
      .where('status', '=', 'queued')
      .execute();
    await mails.set({ to_address: '', subject: '', text_body: '', html_body: null }).execute();
  }
}

export type OutboxEntry = {
  id: string;
  /** The domain only: enough to see which relay refuses, without listing people's addresses. */
  to_domain: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  source: string;
  created_at: string;
  next_attempt_at: string;
  sent_at: string | null;
};

/** The outbox, newest first, optionally of one status (the admin's view of what does not leave). */
export async function listOutbox(
  db: Kysely<any>,
  query: { status?: MailStatus | undefined; limit: number; offset: number },
): Promise<{ items: OutboxEntry[]; total: number }> {
  let mails = (db as MailDb).selectFrom('platform_mail_outbox');
  if (query.status) mails = mails.where('status', '=', query.status);
  const [rows, count] = await Promise.all([
    mails
      .select([
        'id',
        'to_address',
        'subject',
        'status',
        'attempts',
        'last_error',
        'source',
        'created_at',
        'next_attempt_at',
        'sent_at',
      ])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    mails.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map(({ to_address, ...row }) => ({ ...row, to_domain: to_address.split('@')[1] ?? '' })),
  };
}
