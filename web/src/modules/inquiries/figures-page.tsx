import { Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  CHANNELS,
  type FiguresTable,
  type InquiryFigures,
  ORIGINS,
  STATUSES,
} from '../../../../src/modules/inquiries/contract.js';
import { ApiError, api } from '../../app/api.js';
import { formatDay, formatMinutes } from '../../app/format.js';
import { PeriodPicker, usePeriodParams } from '../../app/period-picker.js';
import { TableDownload } from '../../app/table-download.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { FiguresBreakdown, quickPeriods } from './figures-sections.js';
import { teamName } from './inquiry-labels.js';

const K = 'web.inquiries.figures';

// One colour per origin, told apart by the legend and the table too (never colour alone); the
// palette keeps 3:1 against white and between neighbours in the stack.
const ORIGIN_COLOURS: Record<(typeof ORIGINS)[number], string> = {
  self_employed: '#0b7285',
  fund: '#5f3dc4',
  minister_office: '#c92a2a',
  complaints_service: '#e67700',
  expert_cell: '#2b8a3e',
  internal_service: '#495057',
};

function useFigures(from: string | null, to: string | null) {
  return useQuery({
    queryKey: ['inquiries', 'figures', from, to],
    queryFn: ({ signal }) =>
      api<InquiryFigures>('/inquiries/figures', {
        query: { ...(from && { from }), ...(to && { to }) },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status === 400) && count < 2,
  });
}

/**
 * How many inquiries came in, and from whom: the volumes by origin management reports (and
 * parliament asks for), by channel, status and team, and day by day as a chart with the same
 * figures in a table beside it for those who read rather than look. The period lives in the
 * address, so a shared link shows the same figures.
 */
export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const { from, to } = usePeriodParams();
  const figures = useFigures(from, to);
  const nf = new Intl.NumberFormat(i18n.language);
  const data = figures.data;
  const label = (group: string, key: string) => t(`web.inquiries.${group}.${key}`);
  /** A breakdown of the period's inquiries: its table, title and row header, shares of the total. */
  const breakdownOf = (figures: InquiryFigures, table: FiguresTable, column: string) => ({
    figures,
    table,
    title: t(`${K}.by.${column}`),
    rowHeader: t(`${K}.columns.${column}`),
    columns: [t(`${K}.count`)],
    total: figures.total,
  });

  return (
    <>
      <PageHeader
        title={t('web.areas.inqFigures.title')}
        description={t(`${K}.intro`)}
        actions={data && <TableDownload path="/inquiries/figures" query={{ from: data.from, to: data.to }} />}
      />
      {/* Without a chosen period the server shows the last 30 days: the fields say which days those are. */}
      <PeriodPicker
        shown={data}
        error={figures.error}
        quick={quickPeriods().map(({ key, year, period }) => ({
          ...period,
          label: t(`${K}.quick.${key}`, { year }),
        }))}
        help={t(`${K}.period_help`)}
      />
      {figures.isPending && <LoadingState />}
      {figures.isError && !(figures.error instanceof ApiError && figures.error.status === 400) && (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      )}
      {data && (
        <>
          <Text role="status" mb="md" fw={500}>
            {t(`${K}.summary`, {
              count: data.total,
              total: nf.format(data.total),
              from: formatDay(data.from),
              to: formatDay(data.to),
            })}
          </Text>
          <ResponseTimes figures={data} />
          <TeamServiceLevels figures={data} />
          <Paper withBorder p="md" mb="md" component="figure" m={0} aria-labelledby="figures-days">
            <Title order={2} fz="h4" id="figures-days" mb="sm" component="figcaption">
              {t(`${K}.by_day`)}
            </Title>
            {/* Clipped: a tooltip left where the pointer was must not widen the page (a phone turned, a
                window narrowed). */}
            <div style={{ width: '100%', height: 320, overflow: 'hidden' }}>
              <ResponsiveContainer>
                <BarChart data={data.days} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="day"
                    tick={{ fontSize: 12 }}
                    tickFormatter={(day: string) => formatDay(day, 'short')}
                  />
                  <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                  <Tooltip labelFormatter={(day) => formatDay(String(day))} />
                  <Legend />
                  {ORIGINS.map((origin) => (
                    <Bar
                      key={origin}
                      dataKey={`by_origin.${origin}`}
                      name={label('origins', origin)}
                      stackId="origin"
                      fill={ORIGIN_COLOURS[origin]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
            <details>
              <summary>{t(`${K}.as_table`)}</summary>
              <Table.ScrollContainer minWidth={600}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t(`${K}.day`)}</Table.Th>
                      {ORIGINS.map((origin) => (
                        <Table.Th key={origin} ta="right">
                          {label('origins', origin)}
                        </Table.Th>
                      ))}
                      <Table.Th ta="right">{t(`${K}.total`)}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.days.map((day) => (
                      <Table.Tr key={day.day}>
                        <Table.Th scope="row">{formatDay(day.day, 'medium')}</Table.Th>
                        {ORIGINS.map((origin) => (
                          <Table.Td key={origin} ta="right">
                            {nf.format(day.by_origin[origin])}
                          </Table.Td>
                        ))}
                        <Table.Td ta="right">{nf.format(day.total)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </details>
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <FiguresBreakdown
              {...breakdownOf(data, 'origins', 'origin')}
              rows={ORIGINS.map((key) => ({
                key,
                name: label('origins', key),
                values: [data.by_origin[key]],
              }))}
            />
            <FiguresBreakdown
              {...breakdownOf(data, 'channels', 'channel')}
              rows={CHANNELS.map((key) => ({
                key,
                name: label('channels', key),
                values: [data.by_channel[key]],
              }))}
            />
            <FiguresBreakdown
              {...breakdownOf(data, 'themes', 'theme')}
              rows={data.by_theme.map((theme) => ({
                key: theme.code ?? 'none',
                name:
                  theme.name_fr && theme.name_nl
                    ? teamName({ name_fr: theme.name_fr, name_nl: theme.name_nl }, i18n.language)
                    : (theme.code ?? t(`${K}.no_theme`)),
                values: [theme.count],
              }))}
            />
            <FiguresBreakdown
              {...breakdownOf(data, 'statuses', 'status')}
              rows={STATUSES.map((key) => ({
                key,
                name: label('statuses', key),
                values: [data.by_status[key]],
              }))}
            />
            <FiguresBreakdown
              figures={data}
              table="backlog"
              title={t(`${K}.backlog.title`)}
              help={t(`${K}.backlog.help`)}
              rowHeader={t(`${K}.columns.team`)}
              columns={[t(`${K}.count`), t(`${K}.backlog.open`)]}
              rows={data.by_team.map((team) => ({
                key: team.code ?? 'none',
                name:
                  team.name_fr && team.name_nl
                    ? teamName({ name_fr: team.name_fr, name_nl: team.name_nl }, i18n.language)
                    : t(`${K}.no_team`),
                values: [team.count, team.open],
              }))}
            />
            <FiguresBreakdown
              figures={data}
              table="callbacks"
              title={t(`${K}.callbacks.title`)}
              help={t(`${K}.callbacks.help`)}
              rowHeader={t(`${K}.callbacks.status`)}
              columns={[t(`${K}.callbacks.count`)]}
              rows={(['done', 'pending', 'overdue', 'gave_up'] as const).map((key) => ({
                key,
                name: t(`${K}.callbacks.${key}`),
                values: [data.callbacks[key]],
              }))}
            />
          </SimpleGrid>
        </>
      )}
    </>
  );
}

/** How long inquiries waited for their first answer and for their closure: what a manager reads first. */
function ResponseTimes(props: { figures: InquiryFigures }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const { times } = props.figures;
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby="figures-times">
      <Group justify="space-between" align="flex-start" mb={4}>
        <Title order={2} fz="h4" id="figures-times">
          {t(`${K}.times.title`)}
        </Title>
        <TableDownload
          path="/inquiries/figures"
          query={{ from: props.figures.from, to: props.figures.to, table: 'times' }}
          label={t(`${K}.download_named`, { table: t(`${K}.times.title`) })}
        />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.times.help`)}
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${K}.times.step`)}</Table.Th>
              <Table.Th ta="right">{t(`${K}.times.median`)}</Table.Th>
              <Table.Th ta="right">{t(`${K}.times.p90`)}</Table.Th>
              <Table.Th ta="right">{t(`${K}.times.count`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(['first_answer', 'closure'] as const).map((step) => (
              <Table.Tr key={step} data-step={step}>
                <Table.Th scope="row">{t(`${K}.times.${step}`)}</Table.Th>
                <Table.Td ta="right">{formatMinutes(times[step].median_minutes)}</Table.Td>
                <Table.Td ta="right">{formatMinutes(times[step].p90_minutes)}</Table.Td>
                <Table.Td ta="right">{nf.format(times[step].count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Per team: how often it kept its service level, and how long its inquiries took; downloadable. */
function TeamServiceLevels(props: { figures: InquiryFigures }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const pf = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const { figures } = props;
  const attainment = (value: InquiryFigures['service_levels'][number]['first_answer']) =>
    value.rate === null
      ? '—'
      : t(`${K}.service_levels.attainment`, {
          rate: pf.format(value.rate),
          in_time: nf.format(value.in_time),
          measured: nf.format(value.measured),
        });
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby="figures-service-levels">
      <Group justify="space-between" align="flex-start" mb={4}>
        <Title order={2} fz="h4" id="figures-service-levels">
          {t(`${K}.service_levels.title`)}
        </Title>
        {figures.service_levels.length > 0 && (
          <TableDownload
            path="/inquiries/figures"
            query={{ from: figures.from, to: figures.to, table: 'teams' }}
            label={t(`${K}.service_levels.download`)}
          />
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.service_levels.help`)}
      </Text>
      {figures.service_levels.length === 0 ? (
        <Text size="sm">{t(`${K}.service_levels.none`)}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${K}.columns.team`)}</Table.Th>
                <Table.Th ta="right">{t(`${K}.count`)}</Table.Th>
                <Table.Th ta="right">{t(`${K}.service_levels.first_answer`)}</Table.Th>
                <Table.Th ta="right">{t(`${K}.service_levels.resolution`)}</Table.Th>
                <Table.Th ta="right">{t(`${K}.service_levels.median_first_answer`)}</Table.Th>
                <Table.Th ta="right">{t(`${K}.service_levels.median_closure`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.service_levels.map((team) => (
                <Table.Tr key={team.code} data-team={team.code}>
                  <Table.Th scope="row">{teamName(team, i18n.language)}</Table.Th>
                  <Table.Td ta="right">{nf.format(team.count)}</Table.Td>
                  <Table.Td ta="right">{attainment(team.first_answer)}</Table.Td>
                  <Table.Td ta="right">{attainment(team.resolution)}</Table.Td>
                  <Table.Td ta="right">{formatMinutes(team.time_to_first_answer.median_minutes)}</Table.Td>
                  <Table.Td ta="right">{formatMinutes(team.time_to_closure.median_minutes)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
