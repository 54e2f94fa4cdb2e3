import { describe, expect, it } from 'vitest';
import { bookingsCalendar, escapeText, foldLine } from './ical.js';

describe('iCalendar', () => {
  it('folds lines at 75 octets without cutting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('escapes text values', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
  });

  it('writes one VEVENT per booking, in Brussels time, cancelled ones marked so', () => {
    const ics = bookingsCalendar('Desks', [
      {
        uid: 'b1@relais',
        stamp: '2026-12-07T09:15:00.000Z',
        date: '2026-12-08',
        slot: 'am',
        summary: 'Desk B-001, floor 5',
        isCancelled: false,
      },
      {
        uid: 'b2@relais',
        stamp: '2026-12-07T09:16:00.000Z',
        date: '2026-12-09',
        slot: 'day',
        summary: 'Desk B-002, floor 5',
        isCancelled: true,
      },
    ]);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toContain(
      'BEGIN:VEVENT\r\nUID:b1@relais\r\nDTSTAMP:20261207T091500Z\r\nDTSTART;TZID=Europe/Brussels:20261208T080000\r\nDTEND;TZID=Europe/Brussels:20261208T123000\r\nSUMMARY:Desk B-001\\, floor 5\r\nSTATUS:CONFIRMED\r\n',
    );
    expect(ics).toContain(
      'DTSTART;TZID=Europe/Brussels:20261209T080000\r\nDTEND;TZID=Europe/Brussels:20261209T173000',
    );
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels');
  });
});
