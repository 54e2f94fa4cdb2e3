/**
 * Runs `work` after every earlier call with the same key has settled, and returns its result:
 * calls of one key run one after the other, calls of different keys side by side. For work that
 * would otherwise wait on a database lock while holding one of the pool's few connections: queued
 * here, the waiting costs no connection, and the others stay free for the reads of other requests.
 * A failed call does not stop the queue. Per process: the database lock still orders instances.
 */
export function oneAtATime<T>(
  queues: Map<string, Promise<void>>,
  key: string,
  work: () => Promise<T>,
): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const result = previous.then(work);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  // The last in line removes its key, so the map holds only keys with calls still to settle.
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return result;
}
