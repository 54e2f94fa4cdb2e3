import type { ColumnKind, TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { CHANNELS, type FiguresTable, type InquiryFigures, ORIGINS, STATUSES } from './contract.js';
import { figuresExport, teamFiguresExport } from './inquiry-export.js';

// Every table of the figures page as a file to download (`format` with `table`), headed and worded
// in the reader's language, with the same figures the page shows.

type Cells = (string | number | null)[];
type Column = { header: string; kind?: ColumnKind; width?: number };

const K = 'web.inquiries.figures';

/** A table whose rows are lists of cells, in the order of its columns. */
function cellsTable(name: string, sheet: string, columns: Column[], rows: Cells[]): TableExport<Cells> {
  return { name, sheet, columns: columns.map((column, i) => ({ ...column, value: (row) => row[i] })), rows };
}

/** A share of the period's inquiries as a percentage with one decimal; empty with none. */
const shareOf = (count: number, total: number) =>
  total > 0 ? Math.round((count / total) * 1000) / 10 : null;

/**
 * The figures' table `table` of a period, as a file to download, handed to `send` (its rows differ
 * from table to table, so the file goes straight to the one who writes it).
 */
export function sendFiguresTable<Result>(
  figures: InquiryFigures,
  table: FiguresTable,
  language: Language,
  send: <Row>(file: TableExport<Row>) => Result,
): Result {
  const t = (key: string) => translate(language, key);
  const name = (what: string) => `relais-inquiry-${what}-${figures.from}-${figures.to}`;
  const teamName = (team: { name_fr: string | null; name_nl: string | null }) =>
    (language === 'nl' ? team.name_nl : team.name_fr) ?? t(`${K}.no_team`);
  const count: Column = { header: t(`${K}.count`), kind: 'number' };
  const share: Column = { header: `${t(`${K}.share`)} (%)`, kind: 'number' };
  const breakdown = (what: string, column: string, rows: [label: string, count: number][]) =>
    cellsTable(
      name(what),
      t(`${K}.by.${column}`),
      [{ header: t(`${K}.columns.${column}`), width: 32 }, count, share],
      rows.map(([label, n]) => [label, n, shareOf(n, figures.total)]),
    );
  switch (table) {
    case 'days':
      return send(figuresExport(figures, language));
    case 'teams':
      return send(teamFiguresExport(figures, language));
    case 'origins':
      return send(
        breakdown(
          'origins',
          'origin',
          ORIGINS.map((key) => [t(`web.inquiries.origins.${key}`), figures.by_origin[key]]),
        ),
      );
    case 'channels':
      return send(
        breakdown(
          'channels',
          'channel',
          CHANNELS.map((key) => [t(`web.inquiries.channels.${key}`), figures.by_channel[key]]),
        ),
      );
    case 'statuses':
      return send(
        breakdown(
          'statuses',
          'status',
          STATUSES.map((key) => [t(`web.inquiries.statuses.${key}`), figures.by_status[key]]),
        ),
      );
    case 'themes':
      return send(
        breakdown(
          'themes',
          'theme',
          figures.by_theme.map((theme) => [
            (language === 'nl' ? theme.name_nl : theme.name_fr) ?? theme.code ?? t(`${K}.no_theme`),
            theme.count,
          ]),
        ),
      );
    case 'backlog':
      return send(
        cellsTable(
          name('backlog'),
          t(`${K}.backlog.title`),
          [
            { header: t(`${K}.columns.team`), width: 32 },
            count,
            { header: t(`${K}.backlog.open`), kind: 'number' },
          ],
          figures.by_team.map((team) => [teamName(team), team.count, team.open]),
        ),
      );
    case 'times':
      return send(
        cellsTable(
          name('times'),
          t(`${K}.times.title`),
          [
            { header: t(`${K}.times.step`), width: 20 },
            { header: `${t(`${K}.times.median`)} (min)`, kind: 'number' },
            { header: `${t(`${K}.times.p90`)} (min)`, kind: 'number' },
            { header: t(`${K}.times.count`), kind: 'number' },
          ],
          (['first_answer', 'closure'] as const).map((step) => [
            t(`${K}.times.${step}`),
            figures.times[step].median_minutes,
            figures.times[step].p90_minutes,
            figures.times[step].count,
          ]),
        ),
      );
    case 'callbacks':
      return send(
        cellsTable(
          name('callbacks'),
          t(`${K}.callbacks.title`),
          [
            { header: t(`${K}.callbacks.status`), width: 28 },
            { header: t(`${K}.callbacks.count`), kind: 'number' },
          ],
          (['done', 'pending', 'overdue', 'gave_up'] as const).map((key) => [
            t(`${K}.callbacks.${key}`),
            figures.callbacks[key],
          ]),
        ),
      );
  }
}
