/** Units with their children, for the tree view and the indented parent picker. */
export type TreeNode<T> = { unit: T; depth: number; children: TreeNode<T>[] };

type UnitLike = { code: string; parent: string | null };

/**
 * Builds the forest of units from their parent codes, children sorted by `sortKey`. A unit whose
 * parent is unknown becomes a root, so a unit is never hidden by a bad reference.
 */
export function buildTree<T extends UnitLike>(
  units: readonly T[],
  sortKey: (unit: T) => string,
): TreeNode<T>[] {
  const codes = new Set(units.map((u) => u.code));
  const childrenOf = new Map<string | null, T[]>();
  for (const unit of units) {
    const parent = unit.parent && codes.has(unit.parent) && unit.parent !== unit.code ? unit.parent : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }
  const seen = new Set<string>();
  const grow = (parent: string | null, depth: number): TreeNode<T>[] =>
    (childrenOf.get(parent) ?? [])
      .filter((unit) => !seen.has(unit.code))
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
      .map((unit) => {
        seen.add(unit.code);
        return { unit, depth, children: grow(unit.code, depth + 1) };
      });
  const roots = grow(null, 0);
  // Units caught in a loop (the server forbids it, but data can be old) still show, as roots.
  for (const unit of units) {
    if (!seen.has(unit.code)) {
      seen.add(unit.code);
      roots.push({ unit, depth: 0, children: grow(unit.code, 1) });
    }
  }
  return roots;
}

/** The tree in reading order, each unit with its depth (for indented select options). */
export function flattenTree<T>(nodes: TreeNode<T>[]): { unit: T; depth: number }[] {
  return nodes.flatMap((node) => [{ unit: node.unit, depth: node.depth }, ...flattenTree(node.children)]);
}

/** A unit and everything below it: none of them can become its parent. */
export function descendantCodes<T extends UnitLike>(units: readonly T[], code: string): Set<string> {
  const result = new Set([code]);
  let isGrowing = true;
  while (isGrowing) {
    isGrowing = false;
    for (const unit of units) {
      if (unit.parent && result.has(unit.parent) && !result.has(unit.code)) {
        result.add(unit.code);
        isGrowing = true;
      }
    }
  }
  return result;
}
