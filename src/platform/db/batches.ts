import type { ExpressionBuilder } from 'kysely';

/** Where a newest-first walk stands: the time and the key of the last row read. */
export type Cursor = { at: string; id: string };

/** Rows older than the cursor in the order (time desc, key desc): the rows a walk has not read yet. */
export function olderThan(
  eb: ExpressionBuilder<any, any>,
  columns: { at: string; id: string },
  cursor: Cursor,
) {
  return eb.or([
    eb(columns.at, '<', cursor.at),
    eb.and([eb(columns.at, '=', cursor.at), eb(columns.id, '<', cursor.id)]),
  ]);
}

/**
 * A newest-first walk over a query, a batch at a time, each batch starting where the last ended
 * (not at an offset, which would read every skipped row again): an export of a hundred thousand rows
 * holds one batch in memory and reads each row once.
 */
export async function* newestFirstBatches<Row>(
  readBatch: (after: Cursor | undefined, limit: number) => Promise<Row[]>,
  cursorOf: (row: Row) => Cursor,
  size: number,
): AsyncGenerator<Row[]> {
  let after: Cursor | undefined;
  for (;;) {
    const rows = await readBatch(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = cursorOf(rows[rows.length - 1]!);
  }
}
