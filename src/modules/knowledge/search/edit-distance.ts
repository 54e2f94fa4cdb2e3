/**
 * Whether two words are within `max` edits (insert, delete, substitute, swap of neighbours) of each
 * other. Bounded: gives up as soon as every path exceeds `max`, so long unrelated words cost little.
 */
export function isWithinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  // Optimal string alignment distance over three rows (the swap needs the row before the previous
  // one), in buffers reused from call to call: synonym matching calls this hundreds of times a query.
  const n = b.length + 1;
  if (rows.length < 3 * n) rows = new Int32Array(6 * n);
  let before = 0;
  let previous = n;
  let current = 2 * n;
  for (let j = 0; j < n; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j < n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        rows[previous + j]! + 1,
        rows[current + j - 1]! + 1,
        rows[previous + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[before + j - 2]! + 1);
      }
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return false;
    [before, previous, current] = [previous, current, before];
  }
  return rows[previous + n - 1]! <= max;
}

let rows = new Int32Array(96);

/**
 * How many typing mistakes a term of this length may hold and still be recognised. Short words get
 * none: one edit turns "mois" into "moins". Longer words get more, as a person's typing does.
 */
export function allowedEdits(term: string): number {
  if (term.length < 5) return 0;
  if (term.length < 9) return 1;
  return 2;
}
