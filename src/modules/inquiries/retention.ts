import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { countUnfinishedJobs, enqueueJob } from '../../platform/jobs/jobs.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { forgetMails } from '../../platform/mail/outbox.js';
import type { RetentionRunView } from './contract.js';
import { INQUIRY_MAIL_SOURCE } from './mailbox/outgoing.js';
import type { Db } from './repository/db.js';
import { anonymiseInquiries, insertRetentionRun, listInquiriesToAnonymise } from './repository/retention.js';
import { listMailedMessageIds } from './repository/threads.js';

export const RETENTION_JOB = 'inquiries.retention';
const DAY_MS = 86_400_000;

/** What anonymisation leaves: what happened and when, for the statistics; never who or what was said. */
export const ANONYMISED_TEXT = '—';

export type RetentionRun = RetentionRunView;

/**
 * Anonymises inquiries closed before `cutoff`: the requester's identity and contact details go, the
 * question and the thread lose their text, attachments are deleted, the mails sent lose their
 * address and text. Channel, origin, theme, team,
 * statuses and dates stay, so the yearly figures still add up. Each run is recorded for the admin.
 */
export async function anonymiseClosedInquiries(
  db: Db,
  actor: AuditActor,
  cutoff: string,
): Promise<RetentionRun> {
  const startedAt = nowInstant();
  return withTransaction(db, async (trx) => {
    const ids = await listInquiriesToAnonymise(trx, cutoff);
    // In slices: PostgreSQL and SQLite both cap how many parameters one statement takes.
    for (let i = 0; i < ids.length; i += 500) {
      const slice = ids.slice(i, i + 500);
      await anonymiseInquiries(trx, slice, ANONYMISED_TEXT, startedAt);
      await forgetMails(trx, INQUIRY_MAIL_SOURCE, await listMailedMessageIds(trx, slice));
    }
    const run: RetentionRun = {
      id: randomUUID(),
      cutoff,
      anonymised: ids.length,
      started_at: startedAt,
      finished_at: nowInstant(),
    };
    await insertRetentionRun(trx, { ...run, actor_id: actor.id });
    await writeAudit(trx, actor, {
      action: 'inquiries.retention_run',
      objectType: 'inquiry_retention_run',
      objectId: run.id,
      summary: { cutoff, anonymised: ids.length },
    });
    return run;
  });
}

export const retentionCutoff = (retentionDays: number, now = new Date()): string =>
  new Date(now.getTime() - retentionDays * DAY_MS).toISOString();

/**
 * The daily run: anonymises, then queues itself for the next day. Several instances may each queue
 * one at start; a second run the same day finds nothing left to do.
 */
export function retentionJobHandler(db: Kysely<any>, retentionDays: number): JobHandler {
  return async () => {
    const run = await anonymiseClosedInquiries(
      db,
      { id: null, username: 'retention' },
      retentionCutoff(retentionDays),
    );
    await enqueueJob(db, RETENTION_JOB, {}, { runAfter: new Date(Date.now() + DAY_MS).toISOString() });
    return { result: { anonymised: run.anonymised, cutoff: run.cutoff } };
  };
}

/** Queues the daily run unless one is already waiting or running. */
export async function scheduleRetention(db: Kysely<any>): Promise<void> {
  if ((await countUnfinishedJobs(db, RETENTION_JOB)) === 0) await enqueueJob(db, RETENTION_JOB, {});
}
