/** One line of an audit row's summary, ready to read: `roles: agent, employee`, `roles: agent → admin`. */
export type SummaryItem = { key: string; text: string };

function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(describe).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A change is stored as { from, to }: show it as an arrow, the way people say it.
    if ('from' in record && 'to' in record && Object.keys(record).length === 2)
      return `${describe(record.from)} → ${describe(record.to)}`;
    return Object.entries(record)
      .map(([k, v]) => `${k}: ${describe(v)}`)
      .join('; ');
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

export function summaryItems(summary: Record<string, unknown>): SummaryItem[] {
  return Object.entries(summary).map(([key, value]) => ({ key, text: describe(value) }));
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
