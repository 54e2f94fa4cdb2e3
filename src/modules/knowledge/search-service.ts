import { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { shortHash } from '../../platform/http/conditional.js';
import { lastChangeSeq, listChangesAfter } from './change-repository.js';
import { contentFromRow } from './content.js';
import { type Db, listLivePublished } from './repository.js';
import { createSearchIndex, type SearchIndex } from './search/search-index.js';
import type { SearchableEntry, SearchRequest, SearchResponse, SynonymGroup } from './search/types.js';
import { listSynonymTermsInOrder } from './synonym-repository.js';

export type PublishedChange = { seq: number; ref: string; version: number; kind: string; audience: string };

type LiveRow = Awaited<ReturnType<typeof listLivePublished>>[number];

export function toSearchable(row: LiveRow): SearchableEntry {
  const content = contentFromRow(row, row.theme_code);
  return {
    ref: row.ref,
    theme: content.theme,
    // Themes cannot be renamed, so the name read with the entry stays right.
    themeName: { fr: row.theme_name_fr, nl: row.theme_name_nl },
    tags: content.tags,
    audience: content.audience,
    validFrom: content.validFrom,
    validTo: content.validTo,
    fr: content.fr,
    nl: content.nl,
  };
}

async function loadSynonyms(db: Db): Promise<{ groups: SynonymGroup[]; signature: string }> {
  const rows = await listSynonymTermsInOrder(db);
  return {
    groups: rows.map((r) => ({
      fr: JSON.parse(r.terms_fr) as string[],
      nl: JSON.parse(r.terms_nl) as string[],
    })),
    signature: rows.map((r) => `${r.id}@${r.updated_at}`).join('|'),
  };
}

// About how long the index build may hold the event loop at a time.
const SLICE_MS = 10;

/**
 * Builds up an index a slice of entries at a time, letting the event loop run between slices. The
 * first build runs as the server starts listening: done in one go it held every request behind it
 * (a load balancer's probe, a login) for as long as it took, a second or more for a large FAQ. Slices
 * are sized from the time the last one took; the index is the same as one built at once.
 */
async function upsertInSlices(index: SearchIndex, entries: readonly SearchableEntry[]): Promise<void> {
  let size = 16;
  for (let next = 0; next < entries.length; ) {
    const startedAt = performance.now();
    index.upsertAll(entries.slice(next, next + size));
    next += size;
    const took = performance.now() - startedAt;
    size = Math.max(1, Math.min(size * 4, Math.round((size * SLICE_MS) / Math.max(took, 0.5))));
    await nextTurn();
  }
}

/**
 * The last answers given, by request. In a surge most callers ask the same few questions, so agents
 * type the same searches (and the same prefixes on the way) again and again; an answer stays right
 * until the index changes, when the cache is emptied. Least recently used answers go first.
 */
class AnswerCache {
  private readonly answers = new Map<string, SearchResponse>();

  constructor(private readonly capacity = 2000) {}

  get(request: SearchRequest, compute: () => SearchResponse): SearchResponse {
    const key = JSON.stringify([
      request.q,
      request.lang,
      request.asOf,
      request.theme ?? null,
      request.audiences ?? null,
      request.limit,
    ]);
    const cached = this.answers.get(key);
    if (cached) {
      this.answers.delete(key);
      this.answers.set(key, cached);
      return cached;
    }
    const answer = compute();
    if (this.answers.size >= this.capacity) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
    return answer;
  }

  clear(): void {
    this.answers.clear();
  }
}

/**
 * The FAQ search index of this instance. Built from the database at start, then kept in step by
 * following the change feed (`knowledge_change.seq`): every instance behind the load balancer
 * applies the same changes in the same order, so all answer the same, on SQLite and PostgreSQL.
 * Emits `change` for each published change it applies (the live notices of agents' screens).
 */
export class KnowledgeSearch extends EventEmitter<{ change: [PublishedChange] }> {
  private index: SearchIndex = createSearchIndex([], []);
  private lastSeq = 0;
  private synonymSignature = '';
  private synonymDigest = shortHash('');
  private ready = false;
  private timer: NodeJS.Timeout | undefined;
  private initial: Promise<void> | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private readonly answers = new AnswerCache();

  /** Told how long each search took, in seconds (the operators' latency histogram). */
  onSearched: ((seconds: number) => void) | undefined;

  constructor(private readonly db: Db) {
    super();
  }

  /**
   * Starts building the index and following the feed every `pollMs` (0: only on `sync()`). The
   * server need not wait: searches wait for the first build through `whenReady()`.
   */
  start(pollMs = 1000): Promise<void> {
    this.initial ??= this.rebuild();
    if (pollMs > 0) {
      this.timer = setInterval(() => void this.sync().catch(() => undefined), pollMs);
      this.timer.unref();
    }
    return this.initial;
  }

  /** Resolves once the index holds the database's entries; a failed first build is tried again. */
  whenReady(): Promise<void> {
    this.initial ??= this.rebuild();
    return this.initial.catch(() => {
      this.initial = this.rebuild();
      return this.initial;
    });
  }

  /** Whether the first build is done (searches need not wait). */
  get isReady(): boolean {
    return this.ready;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The answer is shared with other callers asking the same: treat it as read-only. */
  search(request: SearchRequest): SearchResponse {
    const started = performance.now();
    const response = this.answers.get(request, () => this.index.search(request));
    this.onSearched?.((performance.now() - started) / 1000);
    return response;
  }

  get size(): number {
    return this.index.size;
  }

  /**
   * What the index holds, in a few characters: the last change applied and the synonyms. Two
   * instances that applied the same feed give the same state; every publication or withdrawal
   * moves it (the public FAQ's entity tags are built from it).
   */
  get state(): string {
    return `${this.lastSeq}.${this.synonymDigest}`;
  }

  /**
   * Applies what was published since the last sync. A pass already running may have read the
   * database before the caller's write, so the caller gets the next pass; callers arriving while
   * that next pass waits share it.
   */
  sync(): Promise<void> {
    if (this.queued) return this.queued;
    const previous = this.running ?? this.whenReady();
    const next: Promise<void> = previous
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        this.running = next;
        return this.applyNewChanges();
      })
      .finally(() => {
        if (this.running === next) this.running = undefined;
      });
    this.queued = next;
    return next;
  }

  private async rebuild(): Promise<void> {
    const [rows, synonyms, last] = await Promise.all([
      listLivePublished(this.db),
      loadSynonyms(this.db),
      lastChangeSeq(this.db),
    ]);
    const index = createSearchIndex([], synonyms.groups);
    await upsertInSlices(index, rows.map(toSearchable));
    this.index = index;
    this.answers.clear();
    this.synonymSignature = synonyms.signature;
    this.synonymDigest = shortHash(synonyms.signature);
    this.lastSeq = last;
    this.ready = true;
  }

  private async applyNewChanges(): Promise<void> {
    const synonyms = await loadSynonyms(this.db);
    if (synonyms.signature !== this.synonymSignature) {
      await this.rebuild();
      return;
    }
    const changes = await listChangesAfter(this.db, this.lastSeq);
    if (changes.length === 0) return;
    this.answers.clear();
    const refs = [...new Set(changes.map((c) => c.ref))];
    const live = new Map((await listLivePublished(this.db, refs)).map((r) => [r.ref, r]));
    for (const change of changes) {
      const row = live.get(change.ref);
      if (row) this.index.upsert(toSearchable(row));
      else this.index.remove(change.ref);
      this.lastSeq = change.seq;
      this.emit('change', change);
    }
  }
}
