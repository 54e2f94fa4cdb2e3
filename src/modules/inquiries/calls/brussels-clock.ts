// The Brussels calendar day and hour of an instant, for the call center's figures: a call at 08:05
// local time counts in the 08 hour and on that day, whatever the UTC clock said. An import reads
// tens of thousands of calls, and asking Intl for every one costs a second; Belgium's offset only
// changes on a whole UTC hour (01:00 UTC, both ways), so it is asked once per UTC hour and kept.

const HOUR_MS = 3_600_000;
const offsetOfUtcHour = new Map<number, number>();
let wallClock: Intl.DateTimeFormat | undefined;

function brusselsOffsetMs(utcHour: number): number {
  const known = offsetOfUtcHour.get(utcHour);
  if (known !== undefined) return known;
  wallClock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
  });
  const instant = utcHour * HOUR_MS;
  const parts = Object.fromEntries(
    wallClock.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour', number>;
  const offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour) - instant;
  // A bounded memory: a few years of hours at most.
  if (offsetOfUtcHour.size > 100_000) offsetOfUtcHour.clear();
  offsetOfUtcHour.set(utcHour, offset);
  return offset;
}

/** The Brussels day (`YYYY-MM-DD`) and hour (0-23) of an instant given in milliseconds. */
export function brusselsDayAndHour(epochMs: number): { day: string; hour: number } {
  const local = new Date(epochMs + brusselsOffsetMs(Math.floor(epochMs / HOUR_MS)));
  return { day: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}
