import { brusselsDay } from '../../platform/db/time.js';
import { countUnfinishedJobs, enqueueJob } from '../../platform/jobs/jobs.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { prepareKits } from './kit-service.js';
import type { Db } from './request-repository.js';

export const KIT_JOB = 'equipment.prepare_kits';

// Once a day is enough: a new colleague is registered weeks before their first day.
const EVERY_MS = 24 * 60 * 60_000;

/** The kits job: prepares the kits of new colleagues, then queues its next run. */
export function kitJobHandler(db: Db): JobHandler {
  return async () => {
    const now = new Date();
    const run = await prepareKits(db, { id: null, username: 'system' }, brusselsDay(now));
    await enqueueJob(db, KIT_JOB, {}, { runAfter: new Date(now.getTime() + EVERY_MS).toISOString() });
    return { result: run };
  };
}

/** Queues the job unless one is already waiting or running. */
export async function scheduleKits(db: Db): Promise<void> {
  if ((await countUnfinishedJobs(db, KIT_JOB)) === 0) await enqueueJob(db, KIT_JOB, {});
}
