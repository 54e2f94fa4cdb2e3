import { createHash } from 'node:crypto';
import { isoWeekName } from './calendar.js';

// What a booking locks before it checks the rules and writes: the floor's day (desk taken, zone
// full, distance) and the person's ISO week (one desk at a time, office days a week). Two bookings
// that could break a rule together share one of these scopes and so wait for each other; bookings
// of other floors, days and people do not.

/**
 * The scopes a booking locks, floor before person, always in this order: a booking holds at most
 * one of each and takes the floor's first, so it never holds a person's week while it waits for a
 * floor, and two bookings never wait for each other in a circle.
 */
export const bookingLockScopes = (booking: { floorId: string; date: string; personId: string }): string[] => [
  `floor:${booking.floorId}:${booking.date}`,
  `person:${booking.personId}:${isoWeekName(booking.date)}`,
];

/**
 * A scope as a PostgreSQL advisory lock key: the first 8 bytes of its SHA-256 as a signed 64-bit
 * integer, in decimal (the type `pg_advisory_xact_lock(bigint)` takes). Two scopes that happened to
 * share a key would only wait for each other, never break a rule: a collision costs time, not
 * correctness, and at 2^-64 a pair it costs nothing measurable either.
 */
export const advisoryLockKey = (scope: string): string =>
  createHash('sha256').update(scope).digest().readBigInt64BE(0).toString();
