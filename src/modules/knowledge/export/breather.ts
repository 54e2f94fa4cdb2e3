// Long CPU work (laying out or rendering a 400-page FAQ) shares the thread with requests: it pauses
// for a turn of the event loop every few milliseconds.
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Gives the event loop a turn every few milliseconds of work, so a long layout never holds it. */
export function breather(budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}
