/**
 * A repeatable sequence of numbers in [0, 1) (mulberry32, in 32-bit integer arithmetic: a multiplier
 * of 2^30 on a state of 2^31 would overflow a double's 53 bits and fall into short cycles): the demo
 * is the same at every first start, a benchmark's data the same at every run.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
