import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesIfNoneMatch, shortHash, weakEtag } from '../../../platform/http/conditional.js';
import type { KnowledgeSearch } from '../search-service.js';

/**
 * How long a reverse proxy, a CDN or a browser may reuse a public FAQ answer.
 * - max-age=60: a corrected answer reaches every reader within a minute (in a crisis the rules
 *   change by the day, and a wrong amount must not linger), while a page read a thousand times a
 *   second reaches the server about once a minute per cache.
 * - stale-while-revalidate=600: once that minute is over, the cache answers at once with its
 *   copy while it asks the server (a conditional request, mostly a cheap 304) in the background;
 *   only the first reader after expiry gets the older copy.
 * - stale-if-error=86400: if the server is down or swamped, the cache keeps serving the last copy
 *   for a day rather than an error page, which is when the public needs the FAQ most.
 * `public` also lets shared caches store answers to requests that carried credentials: the pages
 * never depend on who asks.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400';

/** Files whose name carries a digest of their content never change: cached for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

let codeDigest: Promise<string> | undefined;
let code: string | undefined;

/**
 * A digest of the running code (the bundled server, or this module under tsx), so that a new
 * release, whose pages may be laid out differently, never answers 304 to a copy made by the old
 * one. Instances running the same release give the same tags. Read once, on the first public read.
 */
export function codeVersion(): Promise<string> {
  codeDigest ??= readFile(fileURLToPath(import.meta.url))
    .then((code) => shortHash(code).slice(0, 8))
    .catch(() => 'dev');
  return codeDigest;
}

/**
 * The entity tag of a public answer: the code, what the search index holds (it moves with each
 * publication and withdrawal, on every instance alike), the day asked about and the kind of answer.
 * Read before the content is: an answer is never older than its tag.
 */
export async function publicEtag(search: KnowledgeSearch, kind: string, asOf: string): Promise<string> {
  if (!search.isReady) await search.whenReady();
  code ??= await codeVersion();
  return weakEtag([kind, code, search.state, asOf]);
}

/**
 * The caching headers of a public answer. No cookie, no Vary on credentials: every reader gets the
 * same answer, so any shared cache may keep it. Set on successful answers only: an error must not
 * carry the tag of the content it failed to give.
 */
export function markCacheable(reply: FastifyReply, etag: string): FastifyReply {
  return reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', etag);
}

/**
 * Answers 304 (with the same caching headers) when the caller's copy, named in If-None-Match, is
 * current; true then, and the caller reads and renders nothing.
 */
export function answeredNotModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  if (!matchesIfNoneMatch(request.headers['if-none-match'], etag)) return false;
  markCacheable(reply, etag).code(304).send();
  return true;
}

/**
 * Public answers already rendered, by entity tag and address, so that the hundredth reader of a
 * page costs the server what a 304 does, even with no cache in front. A publication changes every
 * tag: older answers are never read again and leave as the least recently used. Bounded in memory
 * (about `maxBytes`): a flood of distinct addresses costs renders, never memory.
 */
export class AnswerCache {
  private readonly answers = new Map<string, string>();
  private size = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  get(key: string): string | undefined {
    const answer = this.answers.get(key);
    if (answer !== undefined) {
      // Map order is the recency order: a hit moves to the end.
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  set(key: string, answer: string): void {
    const cost = (key.length + answer.length) * 2;
    if (cost > this.maxBytes / 16) return;
    const previous = this.answers.get(key);
    if (previous !== undefined) {
      this.answers.delete(key);
      this.size -= (key.length + previous.length) * 2;
    }
    this.answers.set(key, answer);
    this.size += cost;
    for (const [oldKey, oldAnswer] of this.answers) {
      if (this.size <= this.maxBytes) break;
      this.answers.delete(oldKey);
      this.size -= (oldKey.length + oldAnswer.length) * 2;
    }
  }

  /** How many answers are kept, and about how many bytes they take. */
  get usage(): { answers: number; bytes: number } {
    return { answers: this.answers.size, bytes: this.size };
  }
}
