import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import { type AuditActor, writeAudit } from '../../../platform/audit/audit.js';
import { nowInstant } from '../../../platform/db/time.js';
import { withTransaction } from '../../../platform/db/transaction.js';
import { AppError, type FieldError, invalid } from '../../../platform/errors.js';
import type { CallBatchResult, CallRecord } from '../contract.js';
import type { Db } from '../repository/db.js';
import { linkArrivedCalls } from './auto-link.js';
import { MAX_REPORTED_ERRORS, parseCallFile } from './call-file.js';
import { insertNewCalls } from './call-repository.js';
import { type CallRow, checkCall } from './call-row.js';

export type CallBatchReport = Static<typeof CallBatchResult>;

// Rows per INSERT: 11 values each, well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const CHUNK = 2000;

/**
 * Stores checked calls in one transaction, a chunk per statement, skipping the call ids already
 * known: sending the same calls again stores nothing, and a run killed half way commits nothing,
 * so running it again stores every call exactly once.
 */
async function storeCalls(
  db: Db,
  actor: AuditActor,
  rows: CallRow[],
  source: 'file' | 'push',
  onProgress?: (done: number, total: number) => void,
): Promise<CallBatchReport> {
  const total = rows.length;
  return withTransaction(db, async (trx) => {
    const importedAt = nowInstant();
    let inserted = 0;
    onProgress?.(0, total);
    for (let i = 0; i < total; i += CHUNK) {
      inserted += await insertNewCalls(trx, rows.slice(i, i + CHUNK), importedAt);
      onProgress?.(Math.min(i + CHUNK, total), total);
    }
    // The answered calls link to the phone inquiries logged on their line while they lasted.
    const linked = await linkArrivedCalls(trx, rows);
    if (inserted > 0 || linked > 0)
      await writeAudit(trx, actor, {
        action: 'inquiries.calls_received',
        objectType: 'inquiry_call_record',
        summary: { source, count: total, created: inserted, linked },
      });
    return { received: total, inserted, already_known: total - inserted, linked };
  });
}

/**
 * `relais calls import` and the demo: the file checked whole (every bad line named), then stored
 * all or nothing. Progress counts the calls written.
 */
export async function importCallFile(
  db: Kysely<any>,
  actor: AuditActor,
  text: string,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<CallBatchReport> {
  const parsed = parseCallFile(text);
  if (parsed.errors.length > 0)
    throw new AppError('inquiries.calls.import_failed', 400, { count: parsed.badLines }, parsed.errors);
  return storeCalls(db as Db, actor, parsed.rows, 'file', options.onProgress);
}

/**
 * A push from the telephony (`POST /api/v1/calls`): the same checks as a file's line, each bad
 * record named by its place (`records.12.answered_at`), and the batch refused whole when one is bad.
 */
export async function pushCalls(db: Db, actor: AuditActor, records: CallRecord[]): Promise<CallBatchReport> {
  const rows: CallRow[] = [];
  const errors: FieldError[] = [];
  const indexOf = new Map<string, number>();
  records.forEach((record, index) => {
    const checked = checkCall({
      call_id: record.call_id,
      line: String(record.line),
      caller_language: record.caller_language,
      received_at: record.received_at,
      answered_at: record.answered_at ?? '',
      ended_at: record.ended_at,
      outcome: record.outcome,
    });
    for (const problem of checked.problems)
      errors.push({
        field: `records.${index}.${problem.column}`,
        code: problem.code,
        params: problem.params ?? {},
      });
    const first = indexOf.get(record.call_id);
    if (first !== undefined)
      errors.push({
        field: `records.${index}.call_id`,
        code: 'inquiries.calls.duplicate_in_batch',
        params: { call_id: record.call_id, first },
      });
    else indexOf.set(record.call_id, index);
    if (checked.row) rows.push(checked.row);
  });
  if (errors.length > 0) throw invalid(errors.slice(0, MAX_REPORTED_ERRORS));
  return storeCalls(db, actor, rows, 'push');
}
