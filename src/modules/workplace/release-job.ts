import type { IdentitySource } from '../../platform/auth/identity.js';
import { brusselsDay } from '../../platform/db/time.js';
import { countUnfinishedJobs, enqueueJob } from '../../platform/jobs/jobs.js';
import type { JobHandler } from '../../platform/jobs/runner.js';
import { brusselsMinuteOfDay } from './calendar.js';
import { releaseNoShows } from './check-in.js';
import type { Db } from './repository.js';

export const RELEASE_JOB = 'workplace.release_no_shows';

// Often enough that a desk freed at 10:00 can be booked by 10:15 by someone still at home.
const EVERY_MS = 15 * 60_000;

/** The release job: frees unclaimed desks, then queues its next run (one queue for every instance). */
export function releaseJobHandler(db: Db, identities: IdentitySource): JobHandler {
  return async () => {
    const now = new Date();
    const released = await releaseNoShows(db, identities, brusselsDay(now), brusselsMinuteOfDay(now));
    await enqueueJob(db, RELEASE_JOB, {}, { runAfter: new Date(now.getTime() + EVERY_MS).toISOString() });
    return { result: { released } };
  };
}

/** Queues the job unless one is already waiting or running. */
export async function scheduleRelease(db: Db): Promise<void> {
  if ((await countUnfinishedJobs(db, RELEASE_JOB)) === 0) await enqueueJob(db, RELEASE_JOB, {});
}
