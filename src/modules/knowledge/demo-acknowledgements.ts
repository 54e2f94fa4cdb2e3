/**
 * How far each demo fund has read the FAQ's history. In real life a fund acknowledges as changes
 * come, so by the time anyone looks most are nearly up to date and a couple lag; a demo where every
 * fund faces the whole history at once would show the board nothing but 150 changes for everyone.
 * Returns, per fund code, how many of the oldest changes it has acknowledged.
 */
export function demoAcknowledgedCounts(
  fundCodes: readonly string[],
  changeCount: number,
): Map<string, number> {
  const lagging = new Map([
    // One fund fell well behind (a crisis at its own desk), one left the last weeks unread.
    ['cna', Math.floor(changeCount * 0.6)],
    ['xerius', Math.max(0, changeCount - 24)],
  ]);
  return new Map(
    [...fundCodes].sort().map((code, index) => {
      // The others keep up, each with at most the last few changes still to read.
      const behind = lagging.has(code) ? changeCount - lagging.get(code)! : index % 4;
      return [code, Math.max(0, changeCount - behind)];
    }),
  );
}
