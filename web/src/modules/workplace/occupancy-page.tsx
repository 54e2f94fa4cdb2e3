import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  SegmentedControl,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  DEFAULT_SITE_RULES,
  type OccupancyReport,
  type Site,
} from '../../../../src/modules/workplace/contract.js';
import { ApiError, api } from '../../app/api.js';
import type { Language } from '../../app/languages.js';
import { TableDownload } from '../../app/table-download.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { withParam } from '../../app/url-params.js';
import { useFloorPlan, useSites } from './api.js';
import { brusselsToday } from './bookable-days.js';
import {
  defaultOccupancyPeriod,
  type OccupancyGrouping,
  type OccupancyPoint,
  occupancySeries,
  occupancyUnit,
} from './occupancy-series.js';
import { nameIn } from './workplace-format.js';

const K = 'web.workplace.occupancy';

// Told apart by the legend and the table too (never colour alone); 3:1 against white and each other.
const COLOURS = {
  bookings: '#1864ab',
  checkIns: '#2b8a3e',
  noShows: '#c92a2a',
  peakPeople: '#5f3dc4',
  capacity: '#495057',
};

function useOccupancy(site: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['workplace', 'occupancy', site, from, to],
    queryFn: ({ signal }) =>
      api<OccupancyReport>('/workplace/occupancy', { query: { site, from, to }, signal }),
    enabled: site !== undefined,
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status === 400) && count < 2,
  });
}

/**
 * How full the offices are: per site, floor or zone, day by day or week by week, the bookings, the
 * check-ins and the no-shows, and the people present at once against the capacity the rules allow,
 * as charts with the same figures in a table, to download as CSV or Excel. The choices live in the
 * address, so a shared link shows the same figures. Facility managers print the desks' QR codes here.
 */
export function OccupancyPage() {
  const { t } = useTranslation();
  const sites = useSites();
  const header = <PageHeader title={t('web.areas.wpOccupancy.title')} description={t(`${K}.intro`)} />;
  if (sites.isPending)
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  if (sites.isError)
    return (
      <>
        {header}
        <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />
      </>
    );
  if (sites.data.items.length === 0)
    return (
      <>
        {header}
        <Empty title={t('web.workplace.no_sites')} />
      </>
    );
  return <OccupancyView sites={sites.data.items} header={header} />;
}

function OccupancyView(props: { sites: readonly Site[]; header: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [params, setParams] = useSearchParams();
  const today = brusselsToday();
  const fallback = defaultOccupancyPeriod(today);
  const site = props.sites.find((s) => s.id === params.get('site')) ?? props.sites[0]!;
  const floor = site.floors.find((f) => f.id === params.get('floor')) ?? null;
  const from = params.get('from') ?? fallback.from;
  const to = params.get('to') ?? fallback.to;
  const grouping: OccupancyGrouping = params.get('group') === 'week' ? 'week' : 'day';
  const plan = useFloorPlan(floor?.id ?? null, today, 'day');
  const zones = floor && plan.data?.floor.id === floor.id ? plan.data.zones : [];
  const zone = zones.find((z) => z.id === params.get('zone')) ?? null;
  const [draft, setDraft] = useState({ from, to });
  const report = useOccupancy(site.id, from, to);
  const problem = report.error instanceof ApiError && report.error.status === 400 ? report.error : null;
  const fieldError = (name: string) =>
    problem?.fieldErrors.find((e) => e.field === name || e.field === `querystring.${name}`)?.message;

  const choose = (name: string, value: string | null, clears: string[] = []) => {
    const next = withParam(name, value);
    for (const other of clears) next.delete(other);
    setParams(next, { replace: true });
  };
  const applyPeriod = (event: FormEvent) => {
    event.preventDefault();
    const next = withParam('from', draft.from || null);
    if (draft.to) next.set('to', draft.to);
    else next.delete('to');
    setParams(next, { replace: true });
  };

  const unitName = zone
    ? `${nameIn(zone.name, language)}, ${floor ? nameIn(floor.name, language) : ''}`
    : floor
      ? nameIn(floor.name, language)
      : site.name;
  const points = report.data
    ? occupancySeries(
        report.data.figures,
        occupancyUnit(site.id, floor?.id ?? null, zone?.id ?? null),
        grouping,
      )
    : [];
  const nf = new Intl.NumberFormat(i18n.language);
  const pf = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const periodLabel = t(`${K}.${grouping}`);

  return (
    <>
      {props.header}
      <Paper withBorder p="md" mb="md" component="search" aria-label={t(`${K}.filters`)}>
        <Group align="flex-end" wrap="wrap" mb="sm">
          {props.sites.length > 1 && (
            <Select
              label={t('web.workplace.site')}
              data={props.sites.map((s) => ({ value: s.id, label: s.name }))}
              value={site.id}
              allowDeselect={false}
              onChange={(value) => value && choose('site', value, ['floor', 'zone'])}
            />
          )}
          <Select
            label={t('web.workplace.floor')}
            data={[
              { value: '', label: t(`${K}.all_floors`) },
              ...site.floors.map((f) => ({ value: f.id, label: nameIn(f.name, language) })),
            ]}
            value={floor?.id ?? ''}
            allowDeselect={false}
            onChange={(value) => choose('floor', value || null, ['zone'])}
            w={200}
          />
          <Select
            label={t(`${K}.zone`)}
            data={[
              { value: '', label: t(`${K}.all_zones`) },
              ...zones.map((z) => ({ value: z.id, label: nameIn(z.name, language) })),
            ]}
            value={zone?.id ?? ''}
            allowDeselect={false}
            disabled={!floor}
            onChange={(value) => choose('zone', value || null)}
            w={200}
          />
          <div>
            <Text id="wp-occupancy-grouping" size="sm" fw={500} mb={2}>
              {t(`${K}.grouping`)}
            </Text>
            <SegmentedControl
              aria-labelledby="wp-occupancy-grouping"
              data={[
                { value: 'day', label: t(`${K}.by_day`) },
                { value: 'week', label: t(`${K}.by_week`) },
              ]}
              value={grouping}
              onChange={(value) => choose('group', value === 'week' ? 'week' : null)}
            />
          </div>
        </Group>
        <form onSubmit={applyPeriod} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t(`${K}.from`)}
              type="date"
              w={170}
              name="from"
              value={draft.from}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((d) => ({ ...d, from: value }));
              }}
              error={fieldError('from')}
            />
            <TextInput
              label={t(`${K}.to`)}
              type="date"
              w={170}
              name="to"
              value={draft.to}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setDraft((d) => ({ ...d, to: value }));
              }}
              error={fieldError('to')}
            />
            <Button type="submit">{t(`${K}.show`)}</Button>
          </Group>
        </form>
      </Paper>

      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="wp-occupancy-help">
        <Title order={2} fz="h4" id="wp-occupancy-help" mb="xs">
          {t(`${K}.help_title`)}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>
            {t(`${K}.help_no_show`, {
              morning: (site.rules.checkInBy ?? DEFAULT_SITE_RULES.checkInBy).am,
              afternoon: (site.rules.checkInBy ?? DEFAULT_SITE_RULES.checkInBy).pm,
            })}
          </List.Item>
          <List.Item>{t(`${K}.help_occupancy`)}</List.Item>
        </List>
      </Paper>

      {problem && !fieldError('from') && !fieldError('to') && (
        <Alert color="red" role="alert" mb="md">
          {problem.message}
        </Alert>
      )}
      {report.isPending && <LoadingState />}
      {report.isError && !problem && (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      )}
      {report.data && (
        <>
          <Group justify="space-between" align="center" mb="md" wrap="wrap">
            <Text role="status" fw={500}>
              {t(`${K}.summary`, { unit: unitName, from: report.data.from, to: report.data.to })}
            </Text>
            <TableDownload
              path="/workplace/occupancy"
              query={{ site: site.id, from: report.data.from, to: report.data.to }}
            />
          </Group>
          {points.length === 0 ? (
            <Empty title={t(`${K}.no_days`)} />
          ) : (
            <OccupancyCharts points={points} periodLabel={periodLabel} nf={nf} pf={pf} unitName={unitName} />
          )}
        </>
      )}

      <Paper withBorder p="md" mt="md" component="section" aria-labelledby="wp-qr-codes">
        <Title order={2} fz="h4" id="wp-qr-codes" mb="xs">
          {t(`${K}.qr_title`)}
        </Title>
        <Text size="sm" mb="xs">
          {t(`${K}.qr_help`)}
        </Text>
        <List size="sm" spacing={4}>
          {site.floors.map((f) => (
            <List.Item key={f.id}>
              <Anchor
                href={`/api/v1/workplace/floors/${encodeURIComponent(f.id)}/qr-sheet.pdf`}
                target="_blank"
                rel="noopener"
              >
                {t(`${K}.qr_link`, { floor: nameIn(f.name, language), count: f.deskCount })}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Paper>
    </>
  );
}

function OccupancyCharts(props: {
  points: OccupancyPoint[];
  periodLabel: string;
  unitName: string;
  nf: Intl.NumberFormat;
  pf: Intl.NumberFormat;
}) {
  const { t } = useTranslation();
  const { points, nf, pf } = props;
  const name = (key: string) => t(`${K}.columns.${key}`);
  const axis = { tick: { fontSize: 12 } };
  return (
    <>
      <Paper withBorder p="md" mb="md" component="figure" m={0} aria-labelledby="wp-occupancy-bookings">
        <Title order={2} fz="h4" id="wp-occupancy-bookings" mb="sm" component="figcaption">
          {t(`${K}.chart_bookings`, { unit: props.unitName })}
        </Title>
        <div className="wp-chart" data-chart="bookings">
          <ResponsiveContainer>
            <BarChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="period" {...axis} />
              <YAxis allowDecimals={false} {...axis} />
              <Tooltip />
              <Legend />
              {(['bookings', 'checkIns', 'noShows'] as const).map((key) => (
                <Bar key={key} dataKey={key} name={name(key)} fill={COLOURS[key]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </Paper>
      <Paper withBorder p="md" mb="md" component="figure" m={0} aria-labelledby="wp-occupancy-capacity">
        <Title order={2} fz="h4" id="wp-occupancy-capacity" mb="sm" component="figcaption">
          {t(`${K}.chart_capacity`, { unit: props.unitName })}
        </Title>
        <div className="wp-chart" data-chart="capacity">
          <ResponsiveContainer>
            <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="period" {...axis} />
              <YAxis allowDecimals={false} {...axis} />
              <Tooltip />
              <Legend />
              <Bar
                dataKey="peakPeople"
                name={name('peakPeople')}
                fill={COLOURS.peakPeople}
                isAnimationActive={false}
              />
              <Line
                type="stepAfter"
                dataKey="capacity"
                name={name('capacity')}
                stroke={COLOURS.capacity}
                strokeWidth={2}
                strokeDasharray="6 3"
                dot={false}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="wp-occupancy-table">
        <Title order={2} fz="h4" id="wp-occupancy-table" mb="sm">
          {t(`${K}.table_title`)}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped className="data-table" aria-labelledby="wp-occupancy-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{props.periodLabel}</Table.Th>
                {(['bookings', 'checkIns', 'noShows', 'peakPeople', 'capacity', 'occupancy'] as const).map(
                  (key) => (
                    <Table.Th key={key} scope="col" ta="right">
                      {name(key)}
                    </Table.Th>
                  ),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((p) => (
                <Table.Tr key={p.period} data-period={p.period}>
                  <Table.Th scope="row">{p.period}</Table.Th>
                  <Table.Td ta="right">{nf.format(p.bookings)}</Table.Td>
                  <Table.Td ta="right">{nf.format(p.checkIns)}</Table.Td>
                  <Table.Td ta="right">{nf.format(p.noShows)}</Table.Td>
                  <Table.Td ta="right">{nf.format(p.peakPeople)}</Table.Td>
                  <Table.Td ta="right">{nf.format(p.capacity)}</Table.Td>
                  <Table.Td ta="right">
                    {p.occupancyPercent === null ? '—' : `${pf.format(p.occupancyPercent)} %`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
