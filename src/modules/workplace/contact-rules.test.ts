import { describe, expect, it } from 'vitest';
import { type ContactDesk, findContacts } from './contact-rules.js';
import type { Slot } from './contract.js';

const desk = (id: string, x: number, zoneId = 'A', floorId = 'F3'): ContactDesk => ({
  id,
  floorId,
  zoneId,
  x,
  y: 2,
});
const desks = new Map(
  [
    desk('a1', 2),
    desk('a2', 3.4),
    desk('a3', 10),
    desk('b1', 4, 'B'),
    desk('b2', 20, 'B'),
    desk('g1', 2, 'G', 'F4'),
  ].map((d) => [d.id, d]),
);
const booking = (personId: string, deskId: string, slot: Slot = 'day', date = '2026-12-08') => ({
  personId,
  deskId,
  date,
  slot,
});

describe('findContacts', () => {
  it('finds the people within the distance, and anyone in the same zone however far', () => {
    const contacts = findContacts(
      'p',
      [booking('p', 'a1'), booking('near', 'b1'), booking('zone', 'a3'), booking('far', 'b2')],
      desks,
      2,
    );
    expect(contacts.map((c) => [c.personId, c.distanceMetres, c.isSameZone])).toEqual([
      ['near', 2, false],
      ['zone', 8, true],
    ]);
    expect(contacts[0]).toMatchObject({ desk: 'b1', zone: 'B', floor: 'F3', nearDesk: 'a1', slot: 'day' });
  });

  it('ignores other floors, other days and slots that do not overlap', () => {
    expect(
      findContacts(
        'p',
        [
          booking('p', 'a1', 'am'),
          booking('upstairs', 'g1', 'am'),
          booking('afternoon', 'a2', 'pm'),
          booking('tomorrow', 'a2', 'am', '2026-12-09'),
        ],
        desks,
        5,
      ),
    ).toEqual([]);
  });

  it('names each person once a day, at the closest encounter, and each day apart', () => {
    const contacts = findContacts(
      'p',
      [
        booking('p', 'a1', 'am'),
        booking('p', 'a3', 'pm'),
        booking('q', 'a2', 'day'),
        booking('p', 'a1', 'day', '2026-12-09'),
        booking('q', 'a2', 'am', '2026-12-09'),
      ],
      desks,
      1.5,
    );
    expect(contacts.map((c) => [c.date, c.personId, c.nearDesk, c.distanceMetres])).toEqual([
      ['2026-12-08', 'q', 'a1', 1.4],
      ['2026-12-09', 'q', 'a1', 1.4],
    ]);
  });

  it('finds nobody for a person with no booking', () => {
    expect(findContacts('p', [booking('q', 'a2')], desks, 10)).toEqual([]);
  });
});
