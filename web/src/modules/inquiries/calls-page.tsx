import { SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';
import { ApiError } from '../../app/api.js';
import { ChartWithTable, KeyFigure } from '../../app/figure-blocks.js';
import { formatDay } from '../../app/format.js';
import { PeriodPicker, type QuickPeriod, usePeriodParams } from '../../app/period-picker.js';
import { TableDownload } from '../../app/table-download.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { type CallGrouping, type CallStats, useCallStats } from './calls-api.js';

const K = 'web.inquiries.calls';

// Answered and abandoned are told apart by the legend and the table too (never colour alone).
const ANSWERED = '#0b7285';
const ABANDONED = '#c92a2a';

type Row = CallStats['rows'][number];

/**
 * The call center as its manager follows it, from the telephony's own records: calls received,
 * answered and abandoned day by day and hour by hour, per line and language, how long callers
 * waited and how many were answered within the service level. Every chart has its table, every
 * table downloads, and the period lives in the address.
 */
export function CallsPage() {
  const { t, i18n } = useTranslation();
  const { from, to } = usePeriodParams();
  const days = useCallStats('day', from, to);
  const shown = days.data;
  // The other groupings follow the period the days settled on (the server's default included).
  const periodFrom = shown?.from ?? from;
  const periodTo = shown?.to ?? to;
  const hours = useCallStats('hour', periodFrom, periodTo);
  const lines = useCallStats('line', periodFrom, periodTo);
  const languages = useCallStats('language', periodFrom, periodTo);
  const nf = new Intl.NumberFormat(i18n.language);
  const year = Number(brusselsToday().slice(0, 4));
  const quick: QuickPeriod[] = [
    { label: t(`${K}.quick.this_year`), from: `${year}-01-01`, to: `${year}-12-31` },
    { label: t(`${K}.quick.last_year`), from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
    { label: t(`${K}.quick.year_2020`), from: '2020-01-01', to: '2020-12-31' },
  ];
  const download = (by: CallGrouping) =>
    shown && <TableDownload path="/stats/calls" query={{ from: shown.from, to: shown.to, by }} />;

  return (
    <>
      <PageHeader title={t('web.areas.inqCalls.title')} description={t(`${K}.intro`)} />
      <PeriodPicker shown={shown} error={days.error} quick={quick} help={t(`${K}.period_help`)} />
      {days.isPending && <LoadingState />}
      {days.isError && !(days.error instanceof ApiError && days.error.status === 400) && (
        <ErrorState error={days.error} onRetry={() => void days.refetch()} />
      )}
      {shown && (
        <>
          <KeyFigures stats={shown} />
          <ChartWithTable
            id="calls-days"
            title={t(`${K}.by_day`)}
            download={download('day')}
            chart={<CallsChart rows={shown.rows} label={(key) => formatDay(key, 'short')} />}
            table={
              <details>
                <summary>{t(`${K}.as_table`)}</summary>
                <CallsTable
                  stats={shown}
                  keyTitle={t(`${K}.columns.day`)}
                  keyText={(key) => formatDay(key, 'medium')}
                />
              </details>
            }
          />
          {hours.data && (
            <ChartWithTable
              id="calls-hours"
              title={t(`${K}.by_hour`)}
              download={download('hour')}
              chart={<CallsChart rows={hours.data.rows} label={hourText} />}
              table={<CallsTable stats={hours.data} keyTitle={t(`${K}.columns.hour`)} keyText={hourText} />}
            />
          )}
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
            {lines.data && (
              <ChartWithTable
                id="calls-lines"
                title={t(`${K}.by_line`)}
                download={download('line')}
                height={220}
                chart={<CallsChart rows={lines.data.rows} label={(key) => t(`${K}.line`, { line: key })} />}
                table={
                  <CallsTable
                    stats={lines.data}
                    keyTitle={t(`${K}.columns.line`)}
                    keyText={(key) => t(`${K}.line`, { line: key })}
                  />
                }
              />
            )}
            {languages.data && (
              <ChartWithTable
                id="calls-languages"
                title={t(`${K}.by_language`)}
                download={download('language')}
                height={220}
                chart={
                  <CallsChart
                    rows={languages.data.rows}
                    label={(key) => t(`web.inquiries.languages.${key}`, key)}
                  />
                }
                table={
                  <CallsTable
                    stats={languages.data}
                    keyTitle={t(`${K}.columns.language`)}
                    keyText={(key) => t(`web.inquiries.languages.${key}`, key)}
                  />
                }
              />
            )}
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="sm">
            {t(`${K}.definitions`, { seconds: nf.format(shown.service_level_seconds) })}
          </Text>
        </>
      )}
    </>
  );
}

/** `08` → "08:00–09:00": an hour of the day in Brussels time. */
const hourText = (key: string) => `${key}:00–${String(Number(key) + 1).padStart(2, '0')}:00`;

/** A wait in seconds as people say it: "48 s", "5 min 12 s"; "—" when nobody was answered. */
export function useWaitText() {
  const { t } = useTranslation();
  return (seconds: number | null) => {
    if (seconds === null) return '—';
    const whole = Math.round(seconds);
    if (whole < 60) return t(`${K}.wait.seconds`, { s: whole });
    return t(`${K}.wait.minutes`, { m: Math.floor(whole / 60), s: whole % 60 });
  };
}

function KeyFigures(props: { stats: CallStats }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const pf = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const wait = useWaitText();
  const { totals } = props.stats;
  const shareOf = (count: number) => (totals.received > 0 ? pf.format(count / totals.received) : undefined);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, xl: 6 }} spacing="md" mb="md">
      {[
        { key: 'received', value: nf.format(totals.received) },
        { key: 'answered', value: nf.format(totals.answered), hint: shareOf(totals.answered) },
        { key: 'abandoned', value: nf.format(totals.abandoned), hint: shareOf(totals.abandoned) },
        { key: 'avg_wait', value: wait(totals.avg_wait_s) },
        { key: 'p90_wait', value: wait(totals.p90_wait_s) },
        {
          key: 'service_level',
          value: totals.service_level === null ? '—' : pf.format(totals.service_level),
          hint: t(`${K}.service_level_hint`, { seconds: props.stats.service_level_seconds }),
        },
      ].map((figure) => (
        <div key={figure.key} data-figure={figure.key}>
          <KeyFigure label={t(`${K}.figures.${figure.key}`)} value={figure.value} hint={figure.hint} />
        </div>
      ))}
    </SimpleGrid>
  );
}

function CallsChart(props: { rows: Row[]; label: (key: string) => string }) {
  const { t } = useTranslation();
  return (
    <ResponsiveContainer>
      <BarChart data={props.rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="key" tick={{ fontSize: 12 }} tickFormatter={props.label} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip labelFormatter={(key) => props.label(String(key))} />
        <Legend />
        <Bar
          dataKey="answered"
          name={t(`${K}.figures.answered`)}
          stackId="calls"
          fill={ANSWERED}
          isAnimationActive={false}
        />
        <Bar
          dataKey="abandoned"
          name={t(`${K}.figures.abandoned`)}
          stackId="calls"
          fill={ABANDONED}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

function CallsTable(props: { stats: CallStats; keyTitle: string; keyText: (key: string) => string }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const pf = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const wait = useWaitText();
  const columns = ['received', 'answered', 'abandoned', 'avg_wait', 'p90_wait', 'service_level'] as const;
  const cells = (row: Omit<Row, 'key'>) => [
    nf.format(row.received),
    nf.format(row.answered),
    nf.format(row.abandoned),
    wait(row.avg_wait_s),
    wait(row.p90_wait_s),
    row.service_level === null ? '—' : pf.format(row.service_level),
  ];
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{props.keyTitle}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column} ta="right">
                {t(`${K}.figures.${column}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.stats.rows.map((row) => (
            <Table.Tr key={row.key} data-key={row.key}>
              <Table.Th scope="row">{props.keyText(row.key)}</Table.Th>
              {cells(row).map((cell, index) => (
                <Table.Td key={columns[index]} ta="right">
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t(`${K}.total`)}</Table.Th>
            {cells(props.stats.totals).map((cell, index) => (
              <Table.Td key={columns[index]} ta="right" fw={600}>
                {cell}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
