import type { DeskOnMap } from '../../../../src/modules/workplace/contract.js';

/**
 * How a desk looks on the plan and in the legend. The state is told three ways, so nobody depends
 * on telling colours apart: a colour, a shape of its own, and a fill (solid, hatched, crossed).
 * "Mine" is a taken desk booked by the reader: it wins over "taken".
 */
export const DESK_LOOKS = ['free', 'mine', 'taken', 'too_close', 'blocked'] as const;
export type DeskLook = (typeof DESK_LOOKS)[number];

export type DeskShape = 'square' | 'diamond' | 'circle' | 'triangle' | 'cross';
export type DeskFill = 'solid' | 'hatched' | 'outline';

export type LookStyle = { shape: DeskShape; fill: DeskFill; color: string };

// Colours dark enough for 3:1 against the white plan (WCAG 1.4.11, graphical objects).
export const LOOK_STYLES: Record<DeskLook, LookStyle> = {
  free: { shape: 'square', fill: 'outline', color: '#1b6e3a' },
  mine: { shape: 'diamond', fill: 'solid', color: '#1c4f9c' },
  taken: { shape: 'circle', fill: 'solid', color: '#8a2b2b' },
  too_close: { shape: 'triangle', fill: 'hatched', color: '#8a5a00' },
  blocked: { shape: 'cross', fill: 'solid', color: '#4a4a4a' },
};

export const deskLook = (desk: Pick<DeskOnMap, 'state' | 'isMine'>): DeskLook =>
  desk.isMine ? 'mine' : desk.state;

/** Only a free desk can be booked; the others say why not. */
export const isBookableLook = (look: DeskLook): boolean => look === 'free';
