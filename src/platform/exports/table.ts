// The formats are the exports contract's (the web app's download button reads them); the modules'
// routes that answer as a file take them from here.
export { EXPORT_FORMATS, type ExportFormat, ExportFormatParam } from './contract.js';

/**
 * What a cell holds: text (defused against formulas), a number (a number in the spreadsheet too),
 * a calendar day `YYYY-MM-DD`, or an instant (ISO-8601 UTC) shown in Brussels time.
 */
export type ColumnKind = 'text' | 'number' | 'day' | 'instant';

export type ExportColumn<Row> = {
  header: string;
  kind?: ColumnKind;
  /** Width in characters in the spreadsheet (CSV ignores it). */
  width?: number;
  value: (row: Row) => string | number | null | undefined;
};

/** A table to download: its columns, and its rows as they come from the database, batch by batch. */
export type TableExport<Row> = {
  /** The file's name without its extension, e.g. `inquiries-2026-12-07`. */
  name: string;
  /** The worksheet's name (at most 31 characters, as Excel allows). */
  sheet: string;
  columns: readonly ExportColumn<Row>[];
  rows: AsyncIterable<Row> | Iterable<Row>;
};

let brusselsClock: Intl.DateTimeFormat | undefined;

/**
 * The wall-clock time in Brussels of an instant, as the parts of a date: what a spreadsheet, which
 * knows no time zones, must show for a call logged at 09:15 in Brussels.
 */
export function brusselsWallClock(instant: string): Date {
  brusselsClock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(
    brusselsClock.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

/** An instant as Brussels local time in text, `2020-03-18 09:15:00`. */
export const brusselsTimeText = (instant: string): string =>
  brusselsWallClock(instant).toISOString().slice(0, 19).replace('T', ' ');
