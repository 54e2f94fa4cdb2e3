import type { Db } from './repository/db.js';
import { lastNoticeSeq, listNoticesAfter } from './repository/notices.js';

/** Something an expert's open screen is told at once: a fund answered a request of this inquiry. */
export type InquiryNotice = {
  seq: number;
  kind: string;
  ref: string;
  assigneeId: string | null;
  teamId: string | null;
  at: string;
};

/** Who watches: the person, the teams they belong to, and whether they oversee every team (managers). */
export type NoticeViewer = { personId: string | null; teamIds: ReadonlySet<string>; seesEveryTeam: boolean };

/** A notice goes to the inquiry's expert, to its team's members, and to those who oversee the teams. */
export const isNoticeFor = (
  notice: Pick<InquiryNotice, 'assigneeId' | 'teamId'>,
  viewer: NoticeViewer,
): boolean =>
  viewer.seesEveryTeam ||
  (notice.assigneeId !== null && notice.assigneeId === viewer.personId) ||
  (notice.teamId !== null && viewer.teamIds.has(notice.teamId));

const BATCH = 500;

export const readNoticesAfter = async (db: Db, afterSeq: number, limit: number): Promise<InquiryNotice[]> =>
  (await listNoticesAfter(db, afterSeq, limit)).map((row) => ({
    seq: Number(row.seq),
    kind: row.kind,
    ref: row.ref,
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    at: row.at,
  }));

/**
 * Follows the notice feed in the database while someone listens: every instance behind the load
 * balancer reads the same feed, so a fund answering through one reaches an expert connected to
 * another. Polling stops when the last listener leaves.
 */
export class InquiryNoticeFeed {
  private readonly listeners = new Set<(notice: InquiryNotice) => void>();
  private timer: NodeJS.Timeout | undefined;
  private lastSeq: Promise<number> | undefined;
  private isPolling = false;

  constructor(
    private readonly db: Db,
    private readonly pollMs = 1000,
  ) {}

  subscribe(listener: (notice: InquiryNotice) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.lastSeq = lastNoticeSeq(this.db);
      this.timer = setInterval(() => void this.poll(), this.pollMs);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.lastSeq = undefined;
  }

  private async poll(): Promise<void> {
    if (this.isPolling || !this.lastSeq) return;
    this.isPolling = true;
    try {
      let after = await this.lastSeq;
      const notices = await readNoticesAfter(this.db, after, BATCH);
      for (const notice of notices) {
        after = notice.seq;
        for (const listener of this.listeners) listener(notice);
      }
      if (this.lastSeq) this.lastSeq = Promise.resolve(after);
    } catch {
      // The database blinked: the next pass reads from the same place.
    } finally {
      this.isPolling = false;
    }
  }
}
