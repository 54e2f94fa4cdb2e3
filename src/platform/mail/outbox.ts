import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../audit/audit.js';
import { nowInstant } from '../db/time.js';
import { withTransaction } from '../db/transaction.js';
import { conflict, notFound } from '../errors.js';
import { MAIL_STATUSES, type MailStatus, type OutboxCounts, type OutboxEntry } from './contract.js';
import type { MailTables, OutboxRow } from './tables.js';

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

const ENTRY_COLUMNS = [
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
] as const;

type EntryRow = Pick<OutboxRow, (typeof ENTRY_COLUMNS)[number]>;

const toEntry = ({ to_address, ...row }: EntryRow): OutboxEntry => ({
  ...row,
  to_domain: to_address.split('@')[1] ?? '',
  can_retry: retryRefusal(row.status, to_address) === null,
});

/** The outbox, newest first, optionally of one status (the admin's view of what does not leave). */
export async function listOutbox(
  db: Kysely<any>,
  query: { status?: MailStatus | undefined; limit: number; offset: number },
): Promise<{ items: OutboxEntry[]; total: number; counts: OutboxCounts }> {
  let mails = (db as MailDb).selectFrom('platform_mail_outbox');
  if (query.status) mails = mails.where('status', '=', query.status);
  const [rows, count, counts] = await Promise.all([
    mails
      .select([...ENTRY_COLUMNS])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    mails.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    countOutbox(db),
  ]);
  return { total: Number(count.n), items: rows.map(toEntry), counts };
}

/** How many mails wait, left and failed, whatever the list shows: the admin's summary. */
export async function countOutbox(db: Kysely<any>): Promise<OutboxCounts> {
  const rows = await (db as MailDb)
    .selectFrom('platform_mail_outbox')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(MAIL_STATUSES.map((status) => [status, 0])) as OutboxCounts;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/**
 * Why a mail cannot be sent again, or null when it can: only a failed mail, and only one that still
 * has its address (a mail forgotten with its inquiry is failed too, with nobody left to send it to).
 * A queued mail is on its way already and a sent one has left: sending it again would duplicate it.
 */
export function retryRefusal(
  status: MailStatus,
  toAddress: string,
): 'mail.outbox_not_failed' | 'mail.outbox_forgotten' | null {
  if (status !== 'failed') return 'mail.outbox_not_failed';
  if (!toAddress) return 'mail.outbox_forgotten';
  return null;
}

/**
 * Puts a failed mail back in the queue as if new: no tries counted, due now, its last error cleared,
 * so the sender gives it its full series of tries again; audited in the same transaction. Throws
 * mail.outbox_not_found, or a 409 saying why it cannot be sent again.
 */
export async function retryMail(db: Kysely<any>, actor: AuditActor, id: string): Promise<OutboxEntry> {
  return withTransaction(db as MailDb, async (trx) => {
    const row = await trx
      .selectFrom('platform_mail_outbox')
      .select([...ENTRY_COLUMNS])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('mail.outbox_not_found');
    const refusal = retryRefusal(row.status, row.to_address);
    if (refusal) throw conflict(refusal, { mail_status: row.status });
    const reset = { status: 'queued' as const, attempts: 0, next_attempt_at: nowInstant(), last_error: null };
    // Conditional on still being failed: two admins pressing at once queue it once, the other gets 409.
    const updated = await trx
      .updateTable('platform_mail_outbox')
      .set({ ...reset, claimed_until: null })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('mail.outbox_not_failed', { mail_status: 'queued' });
    const entry = toEntry({ ...row, ...reset });
    // The domain and the tries, not the address nor the error (a relay's refusal often quotes it).
    await writeAudit(trx, actor, {
      action: 'mail.outbox_retried',
      objectType: 'mail',
      objectId: id,
      summary: { to_domain: entry.to_domain, source: row.source, attempts: row.attempts },
    });
    return entry;
  });
}
