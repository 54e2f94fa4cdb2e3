import type { Slot } from './contract.js';

/** When each part of the day starts and ends, local time in Brussels ("HH:MM"). */
export const SLOT_HOURS: Record<Slot, { start: string; end: string }> = {
  am: { start: '08:00', end: '12:30' },
  pm: { start: '13:00', end: '17:30' },
  day: { start: '08:00', end: '17:30' },
};

export type CalendarEvent = {
  uid: string;
  /** When the event last changed (an ISO instant): DTSTAMP. */
  stamp: string;
  date: string;
  slot: Slot;
  summary: string;
  isCancelled: boolean;
};

const CRLF = '\r\n';
const TZID = 'Europe/Brussels';

// Brussels: CET (+01:00) in winter, CEST (+02:00) from the last Sunday of March to the last of October.
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A TEXT value as RFC 5545 §3.3.11 writes it: backslash, semicolon, comma and newline escaped. */
export const escapeText = (text: string): string =>
  text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): each continuation starts with one space, and
 * a multi-byte UTF-8 character is never cut in two.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const utcStamp = (iso: string): string => `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
const localTime = (date: string, hhmm: string): string =>
  `${date.replace(/-/g, '')}T${hhmm.replace(':', '')}00`;

/** A person's bookings as an iCalendar (RFC 5545) document: CRLF line ends, lines folded. */
export function bookingsCalendar(name: string, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Relais//Workplace desks//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...VTIMEZONE,
  ];
  for (const event of events) {
    const hours = SLOT_HOURS[event.slot];
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${utcStamp(event.stamp)}`,
      `DTSTART;TZID=${TZID}:${localTime(event.date, hours.start)}`,
      `DTEND;TZID=${TZID}:${localTime(event.date, hours.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `STATUS:${event.isCancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
