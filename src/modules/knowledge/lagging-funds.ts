/** A fund's place on the acknowledgement board. */
export type FundBacklog = { code: string; pending: number; oldestPendingAt: string | null };

/**
 * The board shows who lags first: the most pending changes, then the oldest of them, then the
 * code (a stable order for those level).
 */
export function fundsMostBehindFirst<F extends FundBacklog>(funds: readonly F[]): F[] {
  return [...funds].sort(
    (a, b) =>
      b.pending - a.pending ||
      (a.oldestPendingAt ?? '\uffff').localeCompare(b.oldestPendingAt ?? '\uffff') ||
      a.code.localeCompare(b.code),
  );
}
