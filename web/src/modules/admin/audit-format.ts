/** One line of an audit row's summary, ready to read: `rôles: agent → agent, expert`. */
export type SummaryItem = { key: string; label: string; text: string };

/** How values read in the reader's language: the page passes i18next and the app's date formats. */
export type SummaryWords = {
  /** The field's name in words, or undefined when there is none (the raw key is then shown). */
  label(key: string): string | undefined;
  date(day: string): string;
  instant(iso: string): string;
  yes: string;
  no: string;
  /** People by name, by id (the API resolves them). */
  people?: Record<string, string>;
  /** A coded value of a field in words (`method: password` → "mot de passe"), or undefined. */
  value?(key: string, value: string): string | undefined;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function describe(value: unknown, words: SummaryWords, key = ''): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => describe(v, words)).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A change is stored as { from, to }: show it as an arrow, the way people say it.
    if ('from' in record && 'to' in record && Object.keys(record).length === 2)
      return `${describe(record.from, words, key)} → ${describe(record.to, words, key)}`;
    return Object.entries(record)
      .map(([k, v]) => `${words.label(k) ?? k}: ${describe(v, words, k)}`)
      .join('; ');
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') {
    if (words.people?.[value]) return words.people[value];
    if (DAY.test(value)) return words.date(value);
    if (INSTANT.test(value)) return words.instant(value);
    const inWords = words.value?.(key, value);
    if (inWords !== undefined) return inWords;
  }
  return String(value);
}

/** The summary's fields in words, with dates in the reader's format, yes/no and people's names. */
export function summaryItems(summary: Record<string, unknown>, words: SummaryWords): SummaryItem[] {
  return Object.entries(summary).map(([key, value]) => ({
    key,
    label: words.label(key) ?? key,
    text: describe(value, words, key),
  }));
}

/** A reference people read out (an inquiry's `Q-2026-000002`, an entry's `FAQ-0123`) and its page. */
export function referenceLink(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^Q-\d{4}-\d{6}$/.test(value)) return `/inquiries/${value}`;
  if (/^FAQ-\d{4,}$/.test(value)) return `/knowledge/search?q=${value}`;
  return undefined;
}

/**
 * A from–to range of calendar days (as typed in date inputs, in the reader's time zone) as the
 * instants the audit API filters on; `to` includes its whole day.
 */
export function dayRangeToInstants(
  fromDay: string | null,
  toDay: string | null,
): { from?: string; to?: string } {
  const startOf = (day: string) => {
    const date = new Date(`${day}T00:00:00`);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  const result: { from?: string; to?: string } = {};
  const from = fromDay ? startOf(fromDay) : null;
  if (from) result.from = from.toISOString();
  const to = toDay ? startOf(toDay) : null;
  if (to) {
    to.setDate(to.getDate() + 1);
    result.to = to.toISOString();
  }
  return result;
}
