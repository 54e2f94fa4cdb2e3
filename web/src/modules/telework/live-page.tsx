import {
  Alert,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type {
  CrisisMeasureViewList,
  LiveFigures,
  LiveUnit,
} from '../../../../src/modules/telework/contract.js';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';
import { ApiError, api } from '../../app/api.js';
import { formatDay } from '../../app/format.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { withParam } from '../../app/url-params.js';
import { DownloadLinks } from './download-links.js';
import { chartSize, isWeekend, measureShortcuts, type UnitBar, unitBars } from './live-layout.js';

const K = 'web.telework.live';
const LABELS = 'telework.live';
const STANDINGS = ['full', 'partial', 'none'] as const;

// Told apart by the legend, the figures and the table too (never colour alone); 3:1 against white.
const COLOURS = { full: '#0b7285', partial: '#e67700', none: '#868e96' };

/**
 * Today's situation, or any day's: how many of the staff telework fully, partly or not at all, and
 * where they are that day, for the institution and per unit, from the agreements in force, the
 * crisis measures and the week plans, as management asked in March 2020 (86.06 % / 8.29 % / 5.65 %).
 * The day lives in the address, so a shared link shows the same figures.
 */
export function TeleworkLivePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = brusselsToday();
  const day = params.get('date') ?? today;
  const [draft, setDraft] = useState(day);
  useEffect(() => setDraft(day), [day]);

  const figures = useQuery({
    queryKey: ['telework', 'live', day, i18n.language],
    queryFn: ({ signal }) => api<LiveFigures>('/telework/live', { query: { date: day }, signal }),
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  // Only for the shortcuts: the page works without them.
  const measures = useQuery({
    queryKey: ['telework', 'crisis-measures'],
    queryFn: ({ signal }) => api<CrisisMeasureViewList>('/telework/crisis-measures', { signal }),
  });
  const shortcuts = measureShortcuts(measures.data?.items ?? [], i18n.language, today);

  const problem = figures.error instanceof ApiError && figures.error.status === 400 ? figures.error : null;
  const show = (value: string) =>
    setParams(withParam('date', value === today ? null : value), { replace: true });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    show(draft || today);
  };
  const data = figures.data;
  const fileQuery = data && { date: data.date, lang: i18n.language };

  return (
    <>
      <PageHeader
        title={t('web.areas.twLive.title')}
        description={t(`${K}.intro`)}
        actions={fileQuery && <DownloadLinks path="/telework/live" query={fileQuery} keys={K} />}
      />
      <Paper withBorder p="md" mb="md" component="search" aria-label={t(`${K}.day`)}>
        <form onSubmit={apply} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t(`${K}.day`)}
              type="date"
              name="date"
              w={180}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              error={problem?.fieldErrors[0]?.message}
            />
            <Button type="submit">{t(`${K}.show`)}</Button>
            {day !== today && (
              <Button variant="default" onClick={() => show(today)}>
                {t(`${K}.today`)}
              </Button>
            )}
          </Group>
        </form>
        {shortcuts.length > 0 && (
          <Group gap="xs" mt="sm" wrap="wrap" role="group" aria-label={t(`${K}.shortcuts`)}>
            <Text size="sm" c="dimmed">
              {t(`${K}.shortcuts`)}
            </Text>
            {shortcuts.map((s) => (
              <Button key={s.id} size="xs" variant="light" onClick={() => show(s.day)}>
                {t(`${K}.shortcut`, { title: s.title, day: formatDay(s.day, 'medium') })}
              </Button>
            ))}
          </Group>
        )}
      </Paper>

      {problem && !problem.fieldErrors.length && (
        <Alert color="red" role="alert" mb="md">
          {problem.message}
        </Alert>
      )}
      {figures.isPending && <LoadingState />}
      {figures.isError && !problem && (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      )}
      {data && <LiveReport figures={data} />}

      <Paper withBorder p="md" mt="md" component="section" aria-labelledby="tw-live-help">
        <Title order={2} fz="h4" id="tw-live-help" mb="xs">
          {t(`${K}.help_title`)}
        </Title>
        <List size="sm" spacing={4}>
          {[...STANDINGS, 'where'].map((key) => (
            <List.Item key={key}>{t(`${K}.help_${key}`)}</List.Item>
          ))}
        </List>
      </Paper>
    </>
  );
}

function LiveReport(props: { figures: LiveFigures }) {
  const { t, i18n } = useTranslation();
  const { figures } = props;
  const { totals } = figures;
  const nf = new Intl.NumberFormat(i18n.language);
  const pf = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = (value: number) => `${pf.format(value)} %`;
  const dayName = formatDay(figures.date);
  return (
    <Stack gap="md">
      {figures.measures.length > 0 && (
        <Alert
          color="orange"
          role="note"
          title={t(`${K}.measures_title`, { day: dayName })}
          // Mantine's orange title on its light orange reads at 3.6:1; the text colour keeps 4.5:1.
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          <List size="sm">
            {figures.measures.map((title) => (
              <List.Item key={title}>{title}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {isWeekend(figures.date) && <Alert>{t(`${K}.weekend`, { day: dayName })}</Alert>}
      <Paper withBorder p="md" component="section" aria-labelledby="tw-live-totals">
        <Title order={2} fz="h4" id="tw-live-totals" mb="sm">
          {t(`${K}.totals_title`, { day: dayName, headcount: nf.format(totals.headcount) })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          {STANDINGS.map((key) => (
            <div
              key={key}
              data-figure={key}
              style={{ borderLeft: `6px solid ${COLOURS[key]}`, paddingLeft: 12 }}
            >
              <Text fz={32} fw={700} lh={1.2}>
                {pct(totals[`${key}_pct`])}
              </Text>
              <Text fw={500}>{t(`${LABELS}.${key}`)}</Text>
              <Text size="sm" c="dimmed">
                {t(`${K}.people`, { count: nf.format(totals[key]), headcount: nf.format(totals.headcount) })}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Text size="sm">
          {t(`${K}.where`, {
            home: nf.format(totals.home),
            home_pct: pf.format(totals.home_pct),
            office: nf.format(totals.office),
            away: nf.format(totals.away),
          })}
        </Text>
      </Paper>
      {figures.units.length === 0 ? (
        <Alert>{t(`${K}.no_staff`)}</Alert>
      ) : (
        <>
          <UnitChart bars={unitBars(figures.units)} pct={pct} />
          <UnitTable figures={figures} nf={nf} pct={pct} />
        </>
      )}
    </Stack>
  );
}

/** The shares per unit as stacked bars; the table below carries the same figures in words. */
function UnitChart(props: { bars: UnitBar[]; pct: (value: number) => string }) {
  const { t } = useTranslation();
  const size = chartSize(props.bars);
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby="tw-live-chart">
      <Title order={2} fz="h4" id="tw-live-chart" mb="xs" component="figcaption">
        {t(`${K}.chart_title`)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.chart_alternative`)}
      </Text>
      <div style={{ width: '100%', height: size.height }}>
        <ResponsiveContainer>
          <BarChart data={props.bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="name" width={size.labelWidth} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => props.pct(Number(value))} />
            {/* In the order of the bars, not alphabetical; words in the text colour, the swatch tells the series. */}
            <Legend
              itemSorter={null}
              formatter={(value) => <span style={{ color: 'var(--mantine-color-text)' }}>{value}</span>}
            />
            {STANDINGS.map((key) => (
              <Bar
                key={key}
                dataKey={key}
                stackId="standing"
                name={t(`${LABELS}.${key}`)}
                fill={COLOURS[key]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}

function UnitTable(props: { figures: LiveFigures; nf: Intl.NumberFormat; pct: (value: number) => string }) {
  const { t } = useTranslation();
  const { figures, nf, pct } = props;
  const cells = (u: Omit<LiveUnit, 'code' | 'name'>) => (
    <>
      <Table.Td ta="right">{nf.format(u.headcount)}</Table.Td>
      {STANDINGS.flatMap((key) => [
        <Table.Td key={key} ta="right">
          {nf.format(u[key])}
        </Table.Td>,
        <Table.Td key={`${key}_pct`} ta="right">
          {pct(u[`${key}_pct`])}
        </Table.Td>,
      ])}
      <Table.Td ta="right">{nf.format(u.home)}</Table.Td>
      <Table.Td ta="right">{nf.format(u.office)}</Table.Td>
      <Table.Td ta="right">{nf.format(u.away)}</Table.Td>
    </>
  );
  const columns = [
    'headcount',
    'full',
    'full_pct',
    'partial',
    'partial_pct',
    'none',
    'none_pct',
    'home',
    'office',
    'away',
  ];
  return (
    // The scroller below is the region the heading names: a section around it would name a second one.
    <Paper withBorder p="md">
      <Title order={2} fz="h4" id="tw-live-table" mb="sm">
        {t(`${K}.table_title`, { day: formatDay(figures.date) })}
      </Title>
      {/* Scrolls sideways on a narrow screen: a keyboard reaches it too. */}
      <Table.ScrollContainer
        minWidth={900}
        type="native"
        tabIndex={0}
        role="region"
        aria-labelledby="tw-live-table"
      >
        <Table striped className="data-table" aria-labelledby="tw-live-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(`${LABELS}.unit`)}</Table.Th>
              {columns.map((key) => (
                <Table.Th key={key} scope="col" ta="right">
                  {t(`${LABELS}.${key}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.units.map((u) => (
              <Table.Tr key={u.code} data-unit={u.code}>
                <Table.Th scope="row" fw={400}>
                  {u.name}
                </Table.Th>
                {cells(u)}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-unit="total" fw={700}>
              <Table.Th scope="row">{t(`${LABELS}.total`)}</Table.Th>
              {cells(figures.totals)}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
