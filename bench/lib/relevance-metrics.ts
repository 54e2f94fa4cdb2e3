/** What one system returned for one query, in rank order, with its validity on the query's day. */
export interface QueryOutcome {
  kind: string;
  expected: readonly string[];
  ranked: readonly string[];
  /** For queries with a day: whether the first result is valid that day (null without a day). */
  isFirstValid: boolean | null;
}

export interface RelevanceFigures {
  queries: number;
  /** Share of queries with an expected entry first. */
  recall_at_1: number;
  /** Share of queries with an expected entry among the first three. */
  recall_at_3: number;
  /** Mean of 1/rank of the first expected entry within the first ten (0 when absent). */
  mrr: number;
  /** Share of all expected entries found among the first three (stricter: every acceptable answer). */
  expected_in_top_3: number;
  /** Among queries with a day: share whose first result is valid that day. */
  dated_first_valid: number | null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function firstHitRank(outcome: QueryOutcome, depth: number): number {
  const index = outcome.ranked.slice(0, depth).findIndex((ref) => outcome.expected.includes(ref));
  return index < 0 ? 0 : index + 1;
}

/** Recall@1, recall@3, MRR@10 and the dated figure over a set of outcomes. */
export function computeFigures(outcomes: readonly QueryOutcome[]): RelevanceFigures {
  const n = outcomes.length || 1;
  let at1 = 0;
  let at3 = 0;
  let rr = 0;
  let expectedFound = 0;
  let expectedTotal = 0;
  for (const outcome of outcomes) {
    const rank = firstHitRank(outcome, 10);
    if (rank === 1) at1++;
    if (rank >= 1 && rank <= 3) at3++;
    if (rank) rr += 1 / rank;
    const top3 = outcome.ranked.slice(0, 3);
    expectedFound += outcome.expected.filter((ref) => top3.includes(ref)).length;
    expectedTotal += outcome.expected.length;
  }
  const dated = outcomes.filter((o) => o.isFirstValid !== null);
  return {
    queries: outcomes.length,
    recall_at_1: round(at1 / n),
    recall_at_3: round(at3 / n),
    mrr: round(rr / n),
    expected_in_top_3: round(expectedFound / (expectedTotal || 1)),
    dated_first_valid: dated.length ? round(dated.filter((o) => o.isFirstValid).length / dated.length) : null,
  };
}

/** The same figures per query kind (paraphrase, typo, …). */
export function figuresByKind(outcomes: readonly QueryOutcome[]): Record<string, RelevanceFigures> {
  const kinds = [...new Set(outcomes.map((o) => o.kind))].sort();
  return Object.fromEntries(
    kinds.map((kind) => [kind, computeFigures(outcomes.filter((o) => o.kind === kind))]),
  );
}
