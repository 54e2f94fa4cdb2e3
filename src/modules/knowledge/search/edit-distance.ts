/**
 * Whether two words are within `max` edits (insert, delete, substitute, swap of neighbours) of each
 * other. Bounded: gives up as soon as every path exceeds `max`, so long unrelated words cost little.
 */
export function isWithinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  // Optimal string alignment distance, three rows (the swap needs the row before the previous one).
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    before = previous;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/**
 * How many typing mistakes a term of this length may hold and still be recognised. Short words get
 * none: one edit turns "mois" into "moins". Longer words get more, as a person's typing does.
 */
export function allowedEdits(term: string): number {
  if (term.length < 5) return 0;
  if (term.length < 9) return 1;
  return 2;
}
