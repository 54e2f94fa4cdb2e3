import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { staffStartingAfter } from '../directory/index.js';
import type { KitRun } from './contract/request-contract.js';
import { kitDueOn } from './kit-rules.js';
import { profileOfPerson } from './profile-service.js';
import { type Db, insertRequests, peopleWithKit } from './request-repository.js';
import type { RequestRow } from './tables.js';

// New colleagues' kits: everyone whose first day is still to come gets, once, one request per
// default item of their function's profile, sharing a kit id, due the working day before they
// start and handed over at the site. Run by the daily job and callable directly (ICT, tests).

/** Prepares the kits not prepared yet; people with no profile (or no default item) get none. */
export async function prepareKits(db: Db, actor: AuditActor, today: string): Promise<KitRun> {
  const newcomers = await staffStartingAfter(db as unknown as Kysely<any>, today);
  const done = await peopleWithKit(
    db,
    newcomers.map((p) => p.id),
  );
  let kits = 0;
  let requests = 0;
  for (const person of newcomers) {
    if (done.has(person.id)) continue;
    const profile = await profileOfPerson(db, person.id);
    const items = profile?.items.filter((item) => item.mode === 'default') ?? [];
    if (!items.length) continue;
    const kitId = `KIT-${randomUUID().slice(0, 8).toUpperCase()}`;
    const now = nowInstant();
    const rows: RequestRow[] = items.map((item) => ({
      id: `EQ-${randomUUID().slice(0, 8).toUpperCase()}`,
      person_id: person.id,
      type: item.type,
      kind: 'item',
      // The institution prepares the kit: no approval to wait for.
      status: 'open',
      delivery: 'site',
      site: null,
      address: null,
      reason: null,
      kit_id: kitId,
      due_on: kitDueOn(person.employedFrom),
      amount_cents: null,
      receipt_name: null,
      receipt_type: null,
      receipt: null,
      asset_id: null,
      decided_by: null,
      decided_at: null,
      refusal_reason: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      version: 1,
    }));
    const prepared = await withTransaction(db, async (trx) => {
      // Checked again inside: two runs at once prepare one kit.
      if ((await peopleWithKit(trx, [person.id])).size) return false;
      await insertRequests(trx, rows);
      await writeAudit(trx, actor, {
        action: 'equipment.kit_prepared',
        objectType: 'equipment_request',
        objectId: kitId,
        summary: { person: person.id, items: rows.length, dueOn: rows[0]!.due_on },
      });
      return true;
    });
    if (prepared) {
      kits += 1;
      requests += rows.length;
    }
  }
  return { kits, requests };
}
