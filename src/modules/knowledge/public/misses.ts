import type { Lang } from '../search/types.js';
import type { SearchMissLog } from '../search-miss-log.js';

/**
 * What the public searched on the public site without finding anything, kept for the editors as
 * unanswered searches with no person (`person_id` null: only the public site records those; the
 * agents' search always has one), so editors can tell the public's misses from the agents'.
 *
 * Anyone can send searches, so recording must not become a way to make the server write without
 * end: only full words a person submitted (3 to 100 characters with a letter; the search page is
 * a form, not search-as-you-type), never for a 304 or a copy a cache served (those never run a
 * search), and at most `perMinute` rows a minute per instance, with a small burst. Past that the
 * misses are dropped: under a crowd the editors get a sample, which still ranks what is missing.
 */
export class PublicMissRecorder {
  private tokens: number;
  private last: number;

  constructor(
    private readonly misses: SearchMissLog,
    private readonly perMinute = 60,
    private readonly burst = 20,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Records the miss when it is worth it and the budget allows; says whether it did. */
  record(miss: { query: string; lang: Lang; asOf: string }): boolean {
    if (!isWorthRecording(miss.query) || !this.take()) return false;
    this.misses.add({ ...miss, personId: null });
    return true;
  }

  private take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perMinute) / 60_000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** A query that reads like words someone typed: 3 to 100 characters, at least one a letter. */
export function isWorthRecording(query: string): boolean {
  const trimmed = query.trim();
  return trimmed.length >= 3 && trimmed.length <= 100 && /\p{L}/u.test(trimmed);
}
