import { Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FiguresTable, InquiryFigures } from '../../../../src/modules/inquiries/contract.js';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';
import { TableDownload } from '../../app/table-download.js';

// The building blocks of the figures page: the quick periods, and a table of figures with its chart
// and its download, used for every breakdown (origin, channel, theme, status, backlog, callbacks).

const K = 'web.inquiries.figures';
const DAY_MS = 86_400_000;
/** The year the demo and the reports look back on. */
const CRISIS_YEAR = 2020;

type Period = { from: string; to: string };

/** The periods a manager asks for most, as of today in Brussels. */
export function quickPeriods(today = brusselsToday()): { key: string; year?: number; period: Period }[] {
  const daysBefore = (count: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - count * DAY_MS).toISOString().slice(0, 10);
  return [
    { key: 'this_month', period: { from: `${today.slice(0, 7)}-01`, to: today } },
    { key: 'year', year: CRISIS_YEAR, period: { from: `${CRISIS_YEAR}-01-01`, to: `${CRISIS_YEAR}-12-31` } },
    { key: 'last_30_days', period: { from: daysBefore(29), to: today } },
  ];
}

export type FiguresRow = { key: string; name: string; values: number[] };

/**
 * A table of figures with the same figures as a bar chart above it, and its download: a row per
 * item, a column per measure (`columns`, their headers), a share of `total` after the first measure
 * when given.
 */
export function FiguresBreakdown(props: {
  figures: Pick<InquiryFigures, 'from' | 'to'>;
  table: FiguresTable;
  title: string;
  help?: string;
  rowHeader: string;
  columns: string[];
  rows: FiguresRow[];
  total?: number;
}) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const { figures, table, title, rows, total } = props;
  const share = (count: number) =>
    total && total > 0 ? `${Math.round((count / total) * 1000) / 10} %` : '—';
  const data = rows.map((row) => ({
    name: row.name,
    ...Object.fromEntries(row.values.map((value, i) => [`v${i}`, value])),
  }));
  const id = `figures-${table}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-table={table}>
      <Group justify="space-between" align="flex-start" mb={4}>
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        <TableDownload
          path="/inquiries/figures"
          query={{ from: figures.from, to: figures.to, table }}
          label={t(`${K}.download_named`, { table: title })}
        />
      </Group>
      {props.help && (
        <Text size="sm" c="dimmed" mb="sm">
          {props.help}
        </Text>
      )}
      {/* Clipped like the days' chart: a tooltip left behind must not widen the page. */}
      <div
        role="img"
        aria-label={t(`${K}.chart_of`, { table: title })}
        style={{ width: '100%', height: Math.max(120, rows.length * 30 + 50), overflow: 'hidden' }}
      >
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip />
            {props.columns.length > 1 && <Legend />}
            {props.columns.map((column, i) => (
              <Bar
                key={column}
                dataKey={`v${i}`}
                name={column}
                fill={BAR_COLOURS[i % BAR_COLOURS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* Long one-word names ("Socialeverzekeringsfonds") may break rather than widen a phone's page. */}
      <Table style={{ overflowWrap: 'anywhere' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{props.rowHeader}</Table.Th>
            {props.columns.map((column) => (
              <Table.Th key={column} ta="right">
                {column}
              </Table.Th>
            ))}
            {total !== undefined && <Table.Th ta="right">{t(`${K}.share`)}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-key={row.key}>
              <Table.Td>{row.name}</Table.Td>
              {row.values.map((value, i) => (
                <Table.Td key={props.columns[i]} ta="right">
                  {nf.format(value)}
                </Table.Td>
              ))}
              {total !== undefined && <Table.Td ta="right">{share(row.values[0] ?? 0)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Bars keep 3:1 against white; a second measure (the open backlog) told apart by the legend too. */
const BAR_COLOURS = ['#0b7285', '#c92a2a'];
