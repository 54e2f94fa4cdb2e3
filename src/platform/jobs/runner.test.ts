import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, secondConnection } from '../../test-support/databases.js';
import type { DatabaseHandle } from '../db/database.js';
import { AppError } from '../errors.js';
import { enqueueJob, findJob, readJobFile } from './jobs.js';
import { type JobHandler, JobRunner } from './runner.js';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > until) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await sleep(20);
  }
}

describe.each(DIALECTS)('%s: job runner', (dialect) => {
  let database: TestDatabase;
  let other: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    other = secondConnection(database);
  });
  afterAll(async () => {
    await other.close();
    await database.close();
  });

  it('runs a queued job, shows its progress while it runs, then keeps its result and file', async () => {
    const runner = new JobRunner(database.db, { pollIntervalMs: 20, progressIntervalMs: 0 });
    const halfway = latch();
    const resume = latch();
    runner.register<{ words: string[] }>('test.progress', async (job) => {
      await job.reportProgress(1, 2, 'first half');
      halfway.open();
      await resume.opened;
      await job.reportProgress(2, 2);
      return {
        result: { count: job.payload.words.length },
        file: {
          name: 'words.txt',
          contentType: 'text/plain',
          content: Buffer.from(job.payload.words.join(' ')),
        },
      };
    });
    const id = await enqueueJob(
      database.db,
      'test.progress',
      { words: ['un', 'twee'] },
      { createdBy: 'p-1' },
    );
    expect((await findJob(database.db, 'test.progress', id))?.status).toBe('queued');
    runner.start();
    await halfway.opened;
    const running = await findJob(database.db, 'test.progress', id);
    expect(running).toMatchObject({
      status: 'running',
      progress: { done: 1, total: 2, message: 'first half' },
      createdBy: 'p-1',
    });
    expect(await readJobFile(database.db, id)).toBeUndefined();
    resume.open();
    const done = await waitFor(
      () => findJob(database.db, 'test.progress', id),
      (job) => job?.status === 'done',
    );
    await runner.stop();
    expect(done).toMatchObject({ progress: { done: 2, total: 2 }, result: { count: 2 }, errorCode: null });
    expect(done?.expiresAt).not.toBeNull();
    const file = await readJobFile(database.db, id);
    expect(file?.content.toString()).toBe('un twee');
    expect(file).toMatchObject({ name: 'words.txt', contentType: 'text/plain', byteSize: 7 });
    // Another kind's reader does not see it.
    expect(await findJob(database.db, 'test.other', id)).toBeUndefined();
  });

  it('never runs a job twice when two instances claim at the same time', async () => {
    const runs: { job: string; by: string }[] = [];
    const handler =
      (by: string): JobHandler<{ n: number }> =>
      async (job) => {
        runs.push({ job: job.id, by });
        await sleep(2);
        return { result: { n: job.payload.n } };
      };
    const first = new JobRunner(database.db, { pollIntervalMs: 5, instanceId: 'first' });
    const second = new JobRunner(other.db, { pollIntervalMs: 5, instanceId: 'second' });
    first.register('test.race', handler('first'));
    second.register('test.race', handler('second'));
    const ids: string[] = [];
    for (let n = 0; n < 40; n++) ids.push(await enqueueJob(database.db, 'test.race', { n }));
    first.start();
    second.start();
    await waitFor(
      async () => Promise.all(ids.map((id) => findJob(database.db, 'test.race', id))),
      (jobs) => jobs.every((job) => job?.status === 'done'),
      20_000,
    );
    await Promise.all([first.stop(), second.stop()]);
    expect(runs).toHaveLength(ids.length);
    expect(new Set(runs.map((r) => r.job)).size).toBe(ids.length);
  });

  it('queues again the job of an instance that died, and another instance finishes it', async () => {
    const id = await enqueueJob(database.db, 'test.crash', { n: 1 });
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    // What a killed process leaves: its claim, and a heartbeat that stopped ten minutes ago.
    await database.db
      .updateTable('platform_job')
      .set({
        status: 'running',
        claimed_by: 'dead-instance',
        claimed_at: old,
        heartbeat_at: old,
        attempts: 1,
      })
      .where('id', '=', id)
      .execute();
    const survivor = new JobRunner(other.db, { staleAfterMs: 60_000, instanceId: 'survivor' });
    survivor.register('test.crash', async (job) => ({ result: { attempt: job.attempt } }));
    expect(await survivor.runDue()).toBe(1);
    expect(await findJob(database.db, 'test.crash', id)).toMatchObject({
      status: 'done',
      result: { attempt: 2 },
      attempts: 2,
    });
  });

  it('lets a stalled instance neither finish nor overwrite a job another instance took over', async () => {
    const stalled = new JobRunner(database.db, { heartbeatIntervalMs: 60_000, instanceId: 'stalled' });
    const started = latch();
    const release = latch();
    stalled.register('test.stall', async () => {
      started.open();
      await release.opened;
      return { result: { by: 'stalled' } };
    });
    const id = await enqueueJob(database.db, 'test.stall', {});
    const stalledRun = stalled.runDue();
    await started.opened;
    // Its heartbeat looks dead (a long pause of that process): the other instance takes the job.
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    await database.db.updateTable('platform_job').set({ heartbeat_at: old }).where('id', '=', id).execute();
    const rescuer = new JobRunner(other.db, { staleAfterMs: 60_000, instanceId: 'rescuer' });
    rescuer.register('test.stall', async () => ({ result: { by: 'rescuer' } }));
    expect(await rescuer.runDue()).toBe(1);
    release.open();
    await stalledRun;
    expect(await findJob(database.db, 'test.stall', id)).toMatchObject({
      status: 'done',
      result: { by: 'rescuer' },
    });
  });

  it('stores a stable error code and no file when a job fails, and gives up on a job that keeps crashing', async () => {
    const runner = new JobRunner(database.db);
    runner.register('test.refused', async (job) => {
      await job.reportProgress(1, 3);
      throw new AppError('knowledge.export_not_ready', 400);
    });
    runner.register('test.bug', async () => {
      throw new TypeError('x is undefined');
    });
    const refused = await enqueueJob(database.db, 'test.refused', {});
    const bug = await enqueueJob(database.db, 'test.bug', {}, { maxAttempts: 1 });
    await runner.runDue();
    expect(await findJob(database.db, 'test.refused', refused)).toMatchObject({
      status: 'failed',
      errorCode: 'knowledge.export_not_ready',
      result: null,
    });
    expect(await readJobFile(database.db, refused)).toBeUndefined();
    expect(await findJob(database.db, 'test.bug', bug)).toMatchObject({
      status: 'failed',
      errorCode: 'jobs.failed',
    });

    // A bug that may pass on a later try is retried later rather than failed at once.
    const retried = await enqueueJob(database.db, 'test.bug', {}, { maxAttempts: 2 });
    await runner.runDue();
    const waiting = await findJob(database.db, 'test.bug', retried);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });

    const spent = await enqueueJob(database.db, 'test.refused', {}, { maxAttempts: 1 });
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    await database.db
      .updateTable('platform_job')
      .set({ status: 'running', claimed_by: 'dead', heartbeat_at: old, attempts: 1 })
      .where('id', '=', spent)
      .execute();
    await runner.runDue();
    expect(await findJob(database.db, 'test.refused', spent)).toMatchObject({
      status: 'failed',
      errorCode: 'jobs.interrupted',
    });
  });

  it('puts a job back in the queue when its instance shuts down, without counting the attempt', async () => {
    const runner = new JobRunner(database.db, { pollIntervalMs: 10 });
    const started = latch();
    runner.register('test.shutdown', async (job) => {
      started.open();
      await new Promise((_resolve, reject) =>
        job.signal.addEventListener('abort', () => reject(job.signal.reason)),
      );
      return {};
    });
    const id = await enqueueJob(database.db, 'test.shutdown', {});
    runner.start();
    await started.opened;
    await runner.stop();
    expect(await findJob(database.db, 'test.shutdown', id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('forgets a finished job and its file once it expires', async () => {
    const runner = new JobRunner(database.db);
    runner.register('test.expiry', async () => ({
      file: { name: 'a.txt', contentType: 'text/plain', content: Buffer.from('a') },
    }));
    const id = await enqueueJob(database.db, 'test.expiry', {}, { keepMinutes: 60 });
    await runner.runDue();
    expect(await readJobFile(database.db, id)).toBeDefined();
    await database.db
      .updateTable('platform_job')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    expect(await findJob(database.db, 'test.expiry', id)).toBeUndefined();
    expect(await readJobFile(database.db, id)).toBeUndefined();
    await runner.runDue();
    const rows = await database.db
      .selectFrom('platform_job_file')
      .select('job_id')
      .where('job_id', '=', id)
      .execute();
    expect(rows).toEqual([]);
  });
});
