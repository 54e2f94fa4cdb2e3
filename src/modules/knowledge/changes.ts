import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { listPartnerOrganisations } from '../directory/index.js';
import {
  type ChangeRow,
  countUnacknowledgedChanges,
  insertAcknowledgements,
  listAcknowledgements,
  listAllChangeRows,
  listChangeNoticesAfter,
  listChangeRows,
  listUnacknowledgedChangeRows,
} from './change-repository.js';
import type {
  AcknowledgementBoard,
  AcknowledgeRequest,
  Audience,
  ChangeItem,
  PendingChanges,
  PendingChangesQuery,
} from './contract.js';
import { fundsMostBehindFirst } from './lagging-funds.js';
import type { Db } from './repository.js';

/** Funds see the changes to what they may read: public and partner entries. */
export const PARTNER_AUDIENCES: Audience[] = ['public', 'partners'];

const toItem = (row: ChangeRow): ChangeItem => {
  const summary = JSON.parse(row.summary) as { fields?: string[]; comment?: string };
  return {
    seq: row.seq,
    ref: row.ref,
    version: row.version,
    kind: row.kind as ChangeItem['kind'],
    at: row.at,
    questionFr: row.question_fr,
    questionNl: row.question_nl,
    theme: row.theme,
    fields: summary.fields ?? [],
    comment: summary.comment ?? null,
  };
};

/** The feed of published changes the reader may see, newest first (`before` pages back). */
export async function listChanges(
  db: Db,
  options: { audiences: readonly Audience[]; before?: number; limit: number },
): Promise<ChangeItem[]> {
  return (await listChangeRows(db, options)).map(toItem);
}

/** What changed that this fund has not acknowledged yet, oldest first. */
export async function pendingForPartner(db: Db, partnerId: string): Promise<ChangeItem[]> {
  return (await listUnacknowledgedChangeRows(db, partnerId, PARTNER_AUDIENCES)).map(toItem);
}

/**
 * A page of what this fund has still to acknowledge, oldest first, narrowed by theme and kind:
 * with how many the filter keeps, the newest of them (to catch up in one step) and the fund's
 * whole backlog.
 */
export async function pendingPageForPartner(
  db: Db,
  partnerId: string,
  query: PendingChangesQuery,
): Promise<PendingChanges> {
  const filter = { ...(query.theme && { theme: query.theme }), ...(query.kind && { kind: query.kind }) };
  const [rows, kept, all] = await Promise.all([
    listUnacknowledgedChangeRows(db, partnerId, PARTNER_AUDIENCES, {
      ...filter,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    }),
    countUnacknowledgedChanges(db, partnerId, PARTNER_AUDIENCES, filter),
    countUnacknowledgedChanges(db, partnerId, PARTNER_AUDIENCES),
  ]);
  return {
    items: rows.map(toItem),
    total: kept.count,
    latestSeq: kept.count > 0 ? kept.latestSeq : null,
    allPending: all.count,
  };
}

/**
 * A fund acknowledges, in one step, every pending change up to `upTo` (of a theme, of a kind, when
 * asked): from then on the institution knows this fund applies the same rule. Idempotent: what is
 * already acknowledged stays as it was, and asking again acknowledges nothing. Returns how many
 * changes it acknowledged.
 */
export async function acknowledgeChanges(
  db: Db,
  actor: AuditActor,
  partnerId: string,
  request: AcknowledgeRequest,
): Promise<number> {
  const { upTo, theme, kind } = request;
  return withTransaction(db, async (trx) => {
    const pending = await listUnacknowledgedChangeRows(trx, partnerId, PARTNER_AUDIENCES, {
      upToSeq: upTo,
      ...(theme && { theme }),
      ...(kind && { kind }),
    });
    if (pending.length === 0) return 0;
    const now = nowInstant();
    await insertAcknowledgements(
      trx,
      pending.map((c) => ({
        partner_id: partnerId,
        change_seq: c.seq,
        acked_at: now,
        acked_by: actor.id ?? 'unknown',
      })),
    );
    await writeAudit(trx, actor, {
      action: 'knowledge.changes_acknowledged',
      objectType: 'partner',
      objectId: partnerId,
      summary: { count: pending.length, upToSeq: upTo, ...(theme && { theme }), ...(kind && { kind }) },
    });
    return pending.length;
  });
}

/**
 * Per fund, how far behind it is, the most behind first; per change of the page (newest first,
 * `offset` pages back), which funds acknowledged it and when.
 */
export async function acknowledgementBoard(
  db: Db,
  options: { limit: number; offset?: number },
): Promise<AcknowledgementBoard> {
  const funds = (await listPartnerOrganisations(db as Kysely<any>)).filter((p) => p.isActive);
  const acks = await listAcknowledgements(db);
  const acked = new Map(acks.map((a) => [`${a.partner_id}|${a.change_seq}`, a.acked_at]));
  const allChanges = await listAllChangeRows(db, PARTNER_AUDIENCES);
  const offset = options.offset ?? 0;
  const changes = allChanges
    .slice()
    .reverse()
    .slice(offset, offset + options.limit)
    .map(toItem);
  return {
    changesTotal: allChanges.length,
    funds: fundsMostBehindFirst(
      funds.map((fund) => {
        const pending = allChanges.filter((c) => !acked.has(`${fund.id}|${c.seq}`));
        const own = acks
          .filter((a) => a.partner_id === fund.id)
          .map((a) => a.acked_at)
          .sort();
        return {
          code: fund.code,
          nameFr: fund.nameFr,
          nameNl: fund.nameNl,
          pending: pending.length,
          oldestPendingAt: pending[0]?.at ?? null,
          lastAckAt: own.at(-1) ?? null,
        };
      }),
    ),
    changes: changes.map((change) => ({
      ...change,
      acknowledgedBy: funds.flatMap((f) => {
        const at = acked.get(`${f.id}|${change.seq}`);
        return at ? [{ code: f.code, at }] : [];
      }),
      missing: funds.filter((f) => !acked.has(`${f.id}|${change.seq}`)).map((f) => f.code),
    })),
  };
}

/** A change as the live notices announce it. */
export type ChangeNotice = { seq: number; ref: string; version: number; kind: string; audience: string };

/**
 * The published changes after `afterSeq`, oldest first, that a reader of these audiences may see: what
 * a screen whose live connection blinked has missed (at most `limit`; `hasMore` says there were more).
 */
export async function changesAfter(
  db: Db,
  options: { afterSeq: number; audiences: readonly Audience[]; limit: number },
): Promise<{ changes: ChangeNotice[]; hasMore: boolean }> {
  const rows = await listChangeNoticesAfter(db, { ...options, limit: options.limit + 1 });
  return { changes: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}
