import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import type { InquiryCaller } from './caller.js';
import type { FlagKind } from './contract.js';
import { changeVisibleInquiry } from './inquiry-access.js';
import type { Db } from './repository/db.js';
import { insertFlag } from './repository/threads.js';

/**
 * Records something noticed during a call (a coverage problem, a person in distress referred to
 * the moral-support line): flags are kept even on a closed inquiry, since they are what the
 * follow-up is about.
 */
export async function addFlag(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  input: { kind: FlagKind; note?: string },
): Promise<void> {
  await changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    const id = randomUUID();
    await insertFlag(trx, {
      id,
      inquiry_id: row.id,
      kind: input.kind,
      note: input.note?.trim() || null,
      created_by: caller.actor.id,
      created_at: nowInstant(),
    });
    await writeAudit(trx, caller.actor, {
      action: 'inquiries.flag_recorded',
      objectType: 'inquiry',
      objectId: row.id,
      summary: { ref, kind: input.kind },
    });
  });
}
