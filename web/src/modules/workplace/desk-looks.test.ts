import { describe, expect, it } from 'vitest';
import { DESK_STATES } from '../../../../src/modules/workplace/contract.js';
import { DESK_LOOKS, deskLook, isBookableLook, LOOK_STYLES } from './desk-looks.js';

describe('desk looks', () => {
  it('give every look its own shape, so colour is never the only difference', () => {
    const shapes = DESK_LOOKS.map((look) => LOOK_STYLES[look].shape);
    expect(new Set(shapes).size).toBe(DESK_LOOKS.length);
  });

  it('cover every state the server sends, and show my booking as mine', () => {
    for (const state of DESK_STATES) expect(DESK_LOOKS).toContain(deskLook({ state, isMine: false }));
    expect(deskLook({ state: 'taken', isMine: true })).toBe('mine');
    expect(deskLook({ state: 'too_close', isMine: false })).toBe('too_close');
  });

  it('let only free desks be booked', () => {
    expect(DESK_LOOKS.filter(isBookableLook)).toEqual(['free']);
  });
});
