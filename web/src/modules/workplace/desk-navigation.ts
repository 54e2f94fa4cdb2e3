/** Where an arrow key points on the plan; y grows downwards, as in the plan file and the SVG. */
export type Direction = 'left' | 'right' | 'up' | 'down';

export type PlacedDesk = { id: string; x: number; y: number };

const ARROW_KEYS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** The direction an arrow key means, or undefined for any other key. */
export const directionOfKey = (key: string): Direction | undefined => ARROW_KEYS[key];

/** How far `to` lies along the direction from `from`, and how far beside that line. */
function offsets(from: PlacedDesk, to: PlacedDesk, direction: Direction): { along: number; across: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  switch (direction) {
    case 'right':
      return { along: dx, across: Math.abs(dy) };
    case 'left':
      return { along: -dx, across: Math.abs(dy) };
    case 'down':
      return { along: dy, across: Math.abs(dx) };
    case 'up':
      return { along: -dy, across: Math.abs(dx) };
  }
}

/**
 * The desk an arrow key moves to: the nearest one ahead in that direction. Desks within 45° of the
 * direction come first, so "right" stays on the row rather than jumping to a closer desk of the row
 * below; a sideways step weighs double, so the row's next desk beats a diagonal one as far away.
 * Only when nothing lies in that cone does any desk ahead count (the end of a row moves on to the
 * next wing rather than stopping dead). Undefined at the plan's edge.
 */
export function nearestDeskInDirection<T extends PlacedDesk>(
  desks: readonly T[],
  from: PlacedDesk,
  direction: Direction,
): T | undefined {
  let best: { desk: T; score: number; inCone: boolean } | undefined;
  for (const desk of desks) {
    if (desk.id === from.id) continue;
    const { along, across } = offsets(from, desk, direction);
    if (along <= 0) continue;
    const inCone = across <= along;
    const score = along + 2 * across;
    const isBetter = !best || (inCone && !best.inCone) || (inCone === best.inCone && score < best.score);
    if (isBetter) best = { desk, score, inCone };
  }
  return best?.desk;
}
