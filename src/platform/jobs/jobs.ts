import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowInstant } from '../db/time.js';
import type { JobRow, JobStatus, JobTables } from './tables.js';

export type JobsDb = Kysely<JobTables>;

export type EnqueueOptions = {
  /** Not before this instant (a scheduled callback); now by default. */
  runAfter?: string;
  /** The person who asked for it; null for the system. */
  createdBy?: string | null;
  /** How many times it may be started (a crashed instance counts as one); 3 by default. */
  maxAttempts?: number;
  /** How long a finished job and its file stay readable; a week by default. */
  keepMinutes?: number;
};

/**
 * Queues a job of `kind` for whichever instance claims it first. Takes the caller's handle, so a
 * module can queue inside its own transaction (the job then exists only if the change does).
 */
export async function enqueueJob(
  db: Kysely<any>,
  kind: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<string> {
  const now = nowInstant();
  const id = randomUUID();
  await (db as JobsDb)
    .insertInto('platform_job')
    .values({
      id,
      kind,
      payload: JSON.stringify(payload ?? null),
      status: 'queued',
      progress_done: 0,
      progress_total: 0,
      progress_message: null,
      result: null,
      error_code: null,
      attempts: 0,
      max_attempts: options.maxAttempts ?? 3,
      run_after: options.runAfter ?? now,
      claimed_by: null,
      claimed_at: null,
      heartbeat_at: null,
      keep_minutes: options.keepMinutes ?? 7 * 24 * 60,
      expires_at: null,
      created_by: options.createdBy ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A job as its owner sees it: where it stands, never who holds it. */
export type JobView<P = unknown, R = Record<string, unknown>> = {
  id: string;
  kind: string;
  payload: P;
  status: JobStatus;
  progress: { done: number; total: number; message: string | null };
  result: R | null;
  errorCode: string | null;
  attempts: number;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
};

export function toJobView<P, R>(row: JobRow): JobView<P, R> {
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as P,
    status: row.status,
    progress: { done: row.progress_done, total: row.progress_total, message: row.progress_message },
    result: row.result === null ? null : (JSON.parse(row.result) as R),
    errorCode: row.error_code,
    attempts: row.attempts,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    expiresAt: row.expires_at,
  };
}

/** The job of `kind` with this id, unless it has expired (an expired job is as good as deleted). */
export async function findJob<P = unknown, R = Record<string, unknown>>(
  db: Kysely<any>,
  kind: string,
  id: string,
): Promise<JobView<P, R> | undefined> {
  const row = await (db as JobsDb)
    .selectFrom('platform_job')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowInstant())]))
    .executeTakeFirst();
  return row && toJobView<P, R>(row);
}

/** Someone's latest jobs of a kind, newest first (expired ones left out). */
export async function listJobs<P = unknown, R = Record<string, unknown>>(
  db: Kysely<any>,
  kind: string,
  options: { createdBy: string; limit: number },
): Promise<JobView<P, R>[]> {
  const rows = await (db as JobsDb)
    .selectFrom('platform_job')
    .selectAll()
    .where('kind', '=', kind)
    .where('created_by', '=', options.createdBy)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowInstant())]))
    .orderBy('created_at', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((row) => toJobView<P, R>(row));
}

/**
 * How many jobs of a kind are waiting or running: someone's (a cap keeps one person from filling
 * the queue), or anyone's (a recurring job queues itself only when none is pending).
 */
export async function countUnfinishedJobs(
  db: Kysely<any>,
  kind: string,
  createdBy?: string,
): Promise<number> {
  let query = (db as JobsDb)
    .selectFrom('platform_job')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .where('status', 'in', ['queued', 'running']);
  if (createdBy !== undefined) query = query.where('created_by', '=', createdBy);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The queue as operators watch it: jobs waiting and running, and since when the oldest due one waits. */
export type JobQueueDepth = { queued: number; running: number; oldestDueAt: string | null };

/** How deep the job queue is now, over every instance (the queue is the database's). */
export async function jobQueueDepth(db: Kysely<any>, now: string): Promise<JobQueueDepth> {
  const jobs = (db as JobsDb).selectFrom('platform_job');
  const [counts, oldest] = await Promise.all([
    jobs
      .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
      .where('status', 'in', ['queued', 'running'])
      .groupBy('status')
      .execute(),
    // Due: a job set to run later (a retry's backoff, a nightly run) is not late yet.
    jobs
      .select((eb) => eb.fn.min('run_after').as('at'))
      .where('status', '=', 'queued')
      .where('run_after', '<=', now)
      .executeTakeFirst(),
  ]);
  const of = (status: string) => Number(counts.find((row) => row.status === status)?.n ?? 0);
  return { queued: of('queued'), running: of('running'), oldestDueAt: (oldest?.at as string | null) ?? null };
}

export type JobFile = { name: string; contentType: string; byteSize: number; content: Buffer };

/** The file a finished job left, if it has not expired. */
export async function readJobFile(db: Kysely<any>, jobId: string): Promise<JobFile | undefined> {
  const row = await (db as JobsDb)
    .selectFrom('platform_job_file as f')
    .innerJoin('platform_job as j', 'j.id', 'f.job_id')
    .select(['f.name', 'f.content_type', 'f.byte_size', 'f.content'])
    .where('f.job_id', '=', jobId)
    .where('j.status', '=', 'done')
    .where((eb) => eb.or([eb('j.expires_at', 'is', null), eb('j.expires_at', '>', nowInstant())]))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    name: row.name,
    contentType: row.content_type,
    byteSize: row.byte_size,
    content: Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content),
  };
}
