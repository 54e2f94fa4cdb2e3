import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { newestFirstBatches, olderThan } from '../db/batches.js';
import { startsWith } from '../db/like.js';
import { preparedInsert } from '../db/prepared-query.js';
import { nowInstant } from '../db/time.js';
import type { AuditEntry, AuditFilters } from './contract.js';

export interface AuditTables {
  audit_log: {
    id: string;
    at: string;
    actor_id: string | null;
    actor_username: string | null;
    action: string;
    object_type: string;
    object_id: string | null;
    summary: string;
    ip: string | null;
    request_id: string | null;
  };
}

/** Who did it, from where: built from the request by the HTTP layer, or by the CLI. */
export type AuditActor = {
  id: string | null;
  username: string | null;
  ip?: string | null;
  requestId?: string | null;
};

export const CLI_ACTOR: AuditActor = { id: null, username: 'cli' };

export type AuditEvent = {
  /** `module.object_verb`, e.g. `directory.person_created`, `directory.person_personal_data_read`. */
  action: string;
  objectType: string;
  objectId?: string | null;
  /** What changed or what was read, never the personal data itself. */
  summary?: Record<string, unknown>;
};

// Every change writes one: compiled once (preparedInsert).
const insertAuditRow = preparedInsert<AuditTables['audit_log']>('audit_log');

/** Appends one audit row; call it inside the use case's transaction so the change and its trace land together. */
export async function writeAudit(db: Kysely<any>, actor: AuditActor, event: AuditEvent): Promise<void> {
  await insertAuditRow(db, {
    id: randomUUID(),
    at: nowInstant(),
    actor_id: actor.id,
    actor_username: actor.username,
    action: event.action,
    object_type: event.objectType,
    object_id: event.objectId ?? null,
    summary: JSON.stringify(event.summary ?? {}),
    ip: actor.ip ?? null,
    request_id: actor.requestId ?? null,
  });
}

/** A search of the log: its filters and one page. */
export type AuditSearch = AuditFilters & { limit: number; offset: number };

function matchingAudit(db: Kysely<any>, q: AuditFilters) {
  let query = (db as Kysely<AuditTables>).selectFrom('audit_log');
  if (q.actor) query = query.where('actor_username', '=', q.actor);
  if (q.action) query = query.where(startsWith('action', q.action));
  if (q.objectType) query = query.where('object_type', '=', q.objectType);
  if (q.objectId) query = query.where('object_id', '=', q.objectId);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  return query;
}

function toEntry(r: Selectable<AuditTables['audit_log']>): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    summary: JSON.parse(r.summary) as Record<string, unknown>,
    ip: r.ip,
    requestId: r.request_id,
  };
}

/** Searches the audit log, newest first. */
export async function searchAudit(
  db: Kysely<any>,
  q: AuditSearch,
): Promise<{ items: AuditEntry[]; total: number }> {
  const query = matchingAudit(db, q);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(toEntry) };
}

/** Every entry matching the filters, newest first, a batch at a time (for a download). */
export async function* allAuditEntries(
  db: Kysely<any>,
  q: AuditFilters,
  batchSize = 2000,
): AsyncGenerator<AuditEntry> {
  const query = matchingAudit(db, q);
  const batches = newestFirstBatches(
    (after, limit) =>
      query
        .selectAll()
        .$if(after !== undefined, (b) => b.where((eb) => olderThan(eb, { at: 'at', id: 'id' }, after!)))
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
    (row) => ({ at: row.at, id: row.id }),
    batchSize,
  );
  for await (const rows of batches) for (const row of rows) yield toEntry(row);
}
