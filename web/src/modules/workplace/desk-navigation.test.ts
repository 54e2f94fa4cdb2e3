import { describe, expect, it } from 'vitest';
import { directionOfKey, nearestDeskInDirection } from './desk-navigation.js';

// Two rows of desks 1.4 m apart, rows 2 m apart, and a second wing further right.
const desks = [
  { id: 'a1', x: 2, y: 2 },
  { id: 'a2', x: 3.4, y: 2 },
  { id: 'a3', x: 4.8, y: 2 },
  { id: 'b1', x: 2, y: 4 },
  { id: 'b2', x: 3.4, y: 4 },
  { id: 'b3', x: 4.8, y: 4 },
  { id: 'wing', x: 14, y: 9 },
];
const at = (id: string) => desks.find((desk) => desk.id === id)!;
const move = (id: string, direction: Parameters<typeof nearestDeskInDirection>[2]) =>
  nearestDeskInDirection(desks, at(id), direction)?.id;

describe('nearestDeskInDirection', () => {
  it('moves along a row and between rows', () => {
    expect(move('a1', 'right')).toBe('a2');
    expect(move('a2', 'left')).toBe('a1');
    expect(move('a2', 'down')).toBe('b2');
    expect(move('b2', 'up')).toBe('a2');
  });

  it('prefers the desk ahead in the row to a nearer one diagonally below', () => {
    const crowded = [...desks, { id: 'below', x: 3.0, y: 2.9 }];
    expect(nearestDeskInDirection(crowded, at('a1'), 'right')?.id).toBe('a2');
  });

  it('goes on to the next wing at the end of a row, and stops at the edge of the plan', () => {
    expect(move('b3', 'right')).toBe('wing');
    expect(move('a1', 'left')).toBeUndefined();
    expect(move('a1', 'up')).toBeUndefined();
  });

  it('reads the four arrow keys and nothing else', () => {
    expect(directionOfKey('ArrowUp')).toBe('up');
    expect(directionOfKey('ArrowLeft')).toBe('left');
    expect(directionOfKey('Enter')).toBeUndefined();
  });
});
