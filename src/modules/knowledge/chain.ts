import type { Period } from './validity.js';

export type ChainLink = { ref: string; supersedes: string | null; period: Period };

/**
 * The whole chain an entry belongs to: walk back through what it supersedes and forward through
 * what supersedes it. Returned oldest period first. Guards against loops in bad data.
 */
export function chainOf(ref: string, links: ChainLink[]): ChainLink[] {
  const byRef = new Map(links.map((l) => [l.ref, l]));
  const successors = new Map<string, ChainLink[]>();
  for (const link of links) {
    if (!link.supersedes) continue;
    successors.set(link.supersedes, [...(successors.get(link.supersedes) ?? []), link]);
  }
  const seen = new Set<string>();
  const queue = [ref];
  while (queue.length > 0) {
    const current = queue.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const link = byRef.get(current);
    if (link?.supersedes) queue.push(link.supersedes);
    for (const next of successors.get(current) ?? []) queue.push(next.ref);
  }
  return [...seen]
    .map((r) => byRef.get(r))
    .filter((l): l is ChainLink => Boolean(l))
    .sort((a, b) => a.period.from.localeCompare(b.period.from));
}

/** Replaces (or adds) one link, as the chain would look once a draft is published. */
export const withLink = (links: ChainLink[], link: ChainLink): ChainLink[] => [
  ...links.filter((l) => l.ref !== link.ref),
  link,
];
