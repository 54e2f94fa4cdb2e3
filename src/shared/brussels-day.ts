// What "today" means in Relais: the institution works in Belgium, so a calendar day is a Brussels
// day, not a UTC one (a call logged at 00:30 belongs to that morning). The server and the web app
// both run this, so a token's expiry or an entry's validity reads the same on both sides.

// Made once, on first use: building a formatter costs far more than formatting (public pages ask
// for today on every request), and the first one loads time zone data (~40 ms), which a server
// start need not wait for. en-CA writes dates as YYYY-MM-DD.
let brusselsDayFormat: Intl.DateTimeFormat | undefined;

/** The Brussels calendar day of `now` (by default this moment), `YYYY-MM-DD`. */
export function brusselsToday(now: Date = new Date()): string {
  brusselsDayFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return brusselsDayFormat.format(now);
}

const longDayFormats = new Map<string, Intl.DateTimeFormat>();

/** `15 avril 2020` / `15 april 2020` / `15 April 2020`; read as noon UTC so no time zone shifts the day. */
export function longDay(day: string, language: 'fr' | 'nl' | 'en'): string {
  let format = longDayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(`${language}-BE`, { dateStyle: 'long', timeZone: 'UTC' });
    longDayFormats.set(language, format);
  }
  return format.format(new Date(`${day}T12:00:00Z`));
}
