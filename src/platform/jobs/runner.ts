import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { type Kysely, sql, type UpdateObject } from 'kysely';
import { isPostgres } from '../db/dialect.js';
import { addMinutes, nowInstant } from '../db/time.js';
import { withTransaction } from '../db/transaction.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError } from '../errors.js';
import type { JobsDb } from './jobs.js';
import type { JobRow, JobTables } from './tables.js';

/** What a handler is given: its job, a way to say how far it got, and a signal to stop early. */
export type JobContext<P> = {
  id: string;
  kind: string;
  payload: P;
  createdBy: string | null;
  /** 1 on the first run; more when a crashed instance's job is run again. */
  attempt: number;
  /**
   * Records how far the job got. Writes are throttled (the last call of a burst waits for the next
   * heartbeat); done === total is always written at once.
   */
  reportProgress(done: number, total: number, message?: string): Promise<void>;
  /** Aborted when the runner stops (shutdown) or when the job was taken from this instance. */
  signal: AbortSignal;
};

/** A finished job leaves metadata and, optionally, one file (stored with it, in the same transaction). */
export type JobOutcome = {
  result?: Record<string, unknown>;
  file?: { name: string; contentType: string; content: Uint8Array };
};

export type JobHandler<P = any> = (context: JobContext<P>) => Promise<JobOutcome | undefined>;

export type JobRunnerOptions = {
  /** Names this instance in claimed_by; host, process and a random part by default. */
  instanceId?: string;
  /** How often an idle runner looks for due jobs (a job queued here wakes it at once). */
  pollIntervalMs?: number;
  /** How often a running job's heartbeat is written. */
  heartbeatIntervalMs?: number;
  /** A running job whose heartbeat is older than this belonged to an instance that died. */
  staleAfterMs?: number;
  /** The least time between two progress writes of one job. */
  progressIntervalMs?: number;
  log?: { error(object: unknown, message: string): void; warn?(object: unknown, message: string): void };
};

/** Code stored when a handler fails with anything but an AppError (the details go to the log). */
export const JOB_FAILED = 'jobs.failed';
/** Code stored when a job's instance died on its last allowed attempt. */
export const JOB_INTERRUPTED = 'jobs.interrupted';

class JobLostError extends Error {}

/**
 * Runs the jobs of the kinds registered here, one at a time, claiming them through the database:
 * on PostgreSQL with FOR UPDATE SKIP LOCKED, on SQLite with one conditional UPDATE (SQLite has a
 * single writer, so that statement is already atomic). A running job writes a heartbeat; a job
 * whose heartbeat stopped is queued again by whichever runner notices, up to its max attempts.
 */
export class JobRunner {
  readonly instanceId: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly isPostgres: boolean;
  private readonly pollIntervalMs: number;
  private readonly heartbeatIntervalMs: number;
  private readonly staleAfterMs: number;
  private readonly progressIntervalMs: number;
  private readonly log: JobRunnerOptions['log'];
  private loop: Promise<void> | null = null;
  private isStopping = false;
  private wakeUp: (() => void) | null = null;
  private current: AbortController | null = null;
  private lastMaintenance = 0;
  /** Jobs that ended while the database was away, their end not written yet. */
  private unrecorded: { job: JobRow; error: unknown; signal: AbortSignal }[] = [];

  constructor(
    private readonly db: Kysely<any>,
    options: JobRunnerOptions = {},
  ) {
    this.instanceId = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.isPostgres = isPostgres(db);
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 5000;
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
    this.progressIntervalMs = options.progressIntervalMs ?? 400;
    this.log = options.log;
  }

  private get jobs(): JobsDb {
    return this.db as JobsDb;
  }

  register<P>(kind: string, handler: JobHandler<P>): void {
    if (this.handlers.has(kind)) throw new Error(`A handler for job kind ${kind} is already registered`);
    this.handlers.set(kind, handler as JobHandler);
  }

  get isRunning(): boolean {
    return this.loop !== null;
  }

  /** Starts looking for due jobs in the background (the server calls it once it listens). */
  start(): void {
    if (this.loop) return;
    this.isStopping = false;
    this.loop = this.runLoop();
  }

  /** Looks for due jobs now instead of at the next poll (after queuing one on this instance). */
  wake(): void {
    this.wakeUp?.();
  }

  /**
   * Stops claiming; a job in progress is told to stop and goes back to the queue for another
   * instance (or the next start), without counting as an attempt.
   */
  async stop(): Promise<void> {
    this.isStopping = true;
    this.current?.abort();
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  /** Claims and runs due jobs until none is left; returns how many ran (tests, one-shot commands). */
  async runDue(): Promise<number> {
    let count = 0;
    await this.maintain(true);
    for (;;) {
      const job = await this.claim();
      if (!job) return count;
      await this.execute(job);
      count += 1;
    }
  }

  private async runLoop(): Promise<void> {
    while (!this.isStopping) {
      try {
        await this.recordUnrecorded();
        await this.maintain(false);
        const job = await this.claim();
        if (job) {
          await this.execute(job);
          continue;
        }
      } catch (error) {
        this.log?.error({ err: error }, 'job runner: polling failed');
      }
      if (this.isStopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollIntervalMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  /**
   * Writes the end of the jobs that ended while the database was away (retried, or failed), as soon
   * as it answers again: left "running", they would wait for their heartbeat to look dead.
   */
  private async recordUnrecorded(): Promise<void> {
    while (this.unrecorded.length > 0) {
      const { job, error, signal } = this.unrecorded[0]!;
      await this.fail(job, error, signal);
      this.unrecorded.shift();
    }
  }

  /** Requeues jobs of dead instances and deletes expired ones, at most every few seconds. */
  private async maintain(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastMaintenance < Math.min(this.staleAfterMs / 2, 30_000)) return;
    this.lastMaintenance = now;
    await this.recoverStale();
    await this.deleteExpired();
  }

  /** Running jobs whose heartbeat stopped: queued again, or failed once out of attempts. */
  async recoverStale(): Promise<number> {
    const cutoff = new Date(Date.now() - this.staleAfterMs).toISOString();
    const stale = await this.jobs
      .selectFrom('platform_job')
      .select(['id', 'attempts', 'max_attempts', 'keep_minutes'])
      .where('status', '=', 'running')
      .where('heartbeat_at', '<', cutoff)
      .execute();
    let recovered = 0;
    for (const job of stale) {
      const now = nowInstant();
      const isSpent = job.attempts >= job.max_attempts;
      const result = await this.jobs
        .updateTable('platform_job')
        .set(
          isSpent
            ? {
                status: 'failed',
                error_code: JOB_INTERRUPTED,
                claimed_by: null,
                finished_at: now,
                expires_at: addMinutes(now, job.keep_minutes),
                updated_at: now,
              }
            : { status: 'queued', claimed_by: null, heartbeat_at: null, run_after: now, updated_at: now },
        )
        // The heartbeat again: the job may have come back to life since it was read.
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('heartbeat_at', '<', cutoff)
        .executeTakeFirst();
      recovered += Number(result.numUpdatedRows);
    }
    if (recovered > 0)
      this.log?.warn?.({ count: recovered }, 'job runner: recovered jobs of a stopped instance');
    return recovered;
  }

  private async deleteExpired(): Promise<void> {
    const now = nowInstant();
    const expired = this.jobs.selectFrom('platform_job').select('id').where('expires_at', '<', now);
    await this.jobs.deleteFrom('platform_job_file').where('job_id', 'in', expired).execute();
    await this.jobs.deleteFrom('platform_job').where('expires_at', '<', now).execute();
  }

  /** Takes the oldest due job of a kind this instance can run, or nothing. */
  private async claim(): Promise<JobRow | undefined> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0 || this.isStopping) return undefined;
    const now = nowInstant();
    let due = this.jobs
      .selectFrom('platform_job')
      .select('id')
      .where('status', '=', 'queued')
      .where('run_after', '<=', now)
      .where('kind', 'in', kinds)
      .orderBy('run_after')
      .orderBy('created_at')
      .limit(1);
    // Another instance's claim holds its row locked until it commits: skip it rather than wait.
    if (this.isPostgres) due = due.forUpdate().skipLocked();
    return this.jobs
      .updateTable('platform_job')
      .set((eb) => ({
        status: 'running',
        claimed_by: this.instanceId,
        claimed_at: now,
        heartbeat_at: now,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', due)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const controller = new AbortController();
    this.current = controller;
    let pending: { done: number; total: number; message: string | null } | null = null;
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();

    // Every write is conditional on still holding the job: a runner that lost it (its heartbeat
    // looked dead and another instance took over) stops instead of finishing twice.
    const touch = (values: Record<string, unknown>) =>
      this.jobs
        .updateTable('platform_job')
        .set({ ...values, heartbeat_at: nowInstant(), updated_at: nowInstant() })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('claimed_by', '=', this.instanceId)
        .executeTakeFirst()
        .then((result) => {
          if (Number(result.numUpdatedRows) === 0) controller.abort(new JobLostError());
        });
    const flush = () => {
      const values = pending;
      pending = null;
      lastWrite = Date.now();
      writing = writing
        .then(() =>
          touch(
            values
              ? { progress_done: values.done, progress_total: values.total, progress_message: values.message }
              : {},
          ),
        )
        .catch((error) => this.log?.error({ err: error, job: job.id }, 'job runner: heartbeat failed'));
      return writing;
    };
    const heartbeat = setInterval(() => void flush(), this.heartbeatIntervalMs);

    const context: JobContext<unknown> = {
      id: job.id,
      kind: job.kind,
      payload: JSON.parse(job.payload),
      createdBy: job.created_by,
      attempt: job.attempts,
      signal: controller.signal,
      reportProgress: async (done, total, message) => {
        pending = { done, total, message: message ?? null };
        if (done >= total || Date.now() - lastWrite >= this.progressIntervalMs) await flush();
      },
    };

    try {
      const outcome = await handler(context);
      clearInterval(heartbeat);
      await writing;
      if (controller.signal.aborted) throw controller.signal.reason ?? new Error('aborted');
      await this.finish(job, outcome ?? {});
    } catch (error) {
      clearInterval(heartbeat);
      await writing;
      await this.fail(job, error, controller.signal).catch((failure: unknown) => {
        if (!isDatabaseUnavailable(failure)) throw failure;
        this.unrecorded.push({ job, error, signal: controller.signal });
      });
    } finally {
      this.current = null;
    }
  }

  /** Result, file and status land together, or not at all. */
  private async finish(job: JobRow, outcome: JobOutcome): Promise<void> {
    const now = nowInstant();
    await withTransaction(this.jobs, async (trx) => {
      const updated = await trx
        .updateTable('platform_job')
        .set((eb) => ({
          status: 'done',
          result: outcome.result ? JSON.stringify(outcome.result) : null,
          error_code: null,
          progress_done: eb.ref('progress_total'),
          finished_at: now,
          expires_at: addMinutes(now, job.keep_minutes),
          heartbeat_at: now,
          updated_at: now,
        }))
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('claimed_by', '=', this.instanceId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new JobLostError();
      if (outcome.file) {
        await trx
          .insertInto('platform_job_file')
          .values({
            job_id: job.id,
            name: outcome.file.name,
            content_type: outcome.file.contentType,
            byte_size: outcome.file.content.byteLength,
            content: Buffer.from(
              outcome.file.content.buffer,
              outcome.file.content.byteOffset,
              outcome.file.content.byteLength,
            ),
            created_at: now,
          })
          .execute();
      }
    }).catch((error) => {
      if (error instanceof JobLostError) return;
      throw error;
    });
  }

  private async fail(job: JobRow, error: unknown, signal: AbortSignal): Promise<void> {
    const now = nowInstant();
    const reason = signal.aborted ? signal.reason : undefined;
    // Taken over by another instance: it is that instance's job now.
    if (reason instanceof JobLostError || error instanceof JobLostError) return;
    const updateMine = (values: UpdateObject<JobTables, 'platform_job'>) =>
      this.jobs
        .updateTable('platform_job')
        .set(values)
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('claimed_by', '=', this.instanceId)
        .execute();
    if (this.isStopping && signal.aborted) {
      // A shutdown is not the job's fault: back to the queue, this attempt not counted.
      await updateMine({
        status: 'queued',
        claimed_by: null,
        heartbeat_at: null,
        attempts: sql<number>`attempts - 1`,
        run_after: now,
        updated_at: now,
      });
      return;
    }
    const isExpected = error instanceof AppError;
    if (!isExpected) this.log?.error({ err: error, job: job.id, kind: job.kind }, 'job failed');
    // An unexpected failure (a database that went away) may pass on a later try; a refusal will not.
    if (!isExpected && job.attempts < job.max_attempts) {
      const delayMs = 5000 * 2 ** (job.attempts - 1);
      await updateMine({
        status: 'queued',
        claimed_by: null,
        heartbeat_at: null,
        run_after: new Date(Date.now() + delayMs).toISOString(),
        updated_at: now,
      });
      return;
    }
    await updateMine({
      status: 'failed',
      error_code: isExpected ? error.code : JOB_FAILED,
      finished_at: now,
      expires_at: addMinutes(now, job.keep_minutes),
      updated_at: now,
    });
  }
}
