import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type {
  StatisticsReport,
  StatOrganisation,
  StatOrganisationList,
} from '../../../../src/modules/telework/contract.js';
import { ApiError, api } from '../../app/api.js';
import { formatDay } from '../../app/format.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { DownloadLinks } from './download-links.js';
import { answerLines, chartPoints } from './statistics-layout.js';

const K = 'web.telework.statistics';
const LABELS = 'telework.statistics';
const keys = {
  organisations: ['telework', 'statistics', 'organisations'] as const,
  report: (org: string, from: string, to: string, at: string) => [
    'telework',
    'statistics',
    org,
    from,
    to,
    at,
  ],
};

// Colours told apart by the legend and the table too (never colour alone), 3:1 against white.
const COLOURS = { teleworkers: '#0b7285', structural: '#5f3dc4', occasional: '#c92a2a', target: '#2b8a3e' };

/** The years a report opens on: the last five with agreements. */
function defaultRange(organisation: StatOrganisation | undefined) {
  const last = organisation?.lastYear ?? new Date().getFullYear();
  const first = Math.max(organisation?.firstYear ?? last, last - 4);
  return { from: String(first), to: String(last) };
}

/**
 * The yearly telework report of an organisation as the institutions answer parliament: a table with
 * the years as columns, a chart of the shares with the target line, downloads, and the definitions.
 */
export function TeleworkStatisticsPage() {
  const { t, i18n } = useTranslation();
  const organisations = useQuery({
    queryKey: keys.organisations,
    queryFn: ({ signal }) => api<StatOrganisationList>('/telework/statistics/organisations', { signal }),
  });
  const items = organisations.data?.items ?? [];
  const [orgId, setOrgId] = useState<string>('');
  const organisation = items.find((o) => o.id === orgId) ?? items[0];
  const [draft, setDraft] = useState({ from: '', to: '', at: '12-31' });
  const [shown, setShown] = useState<{ from: string; to: string; at: string } | null>(null);
  useEffect(() => {
    if (!organisation) return;
    const range = { ...defaultRange(organisation), at: '12-31' };
    setDraft(range);
    setShown(range);
  }, [organisation]);

  const report = useQuery({
    queryKey: keys.report(organisation?.id ?? '', shown?.from ?? '', shown?.to ?? '', shown?.at ?? ''),
    queryFn: ({ signal }) =>
      api<StatisticsReport>('/telework/statistics', {
        query: { org: organisation!.id, from: shown!.from, to: shown!.to, at: shown!.at },
        signal,
      }),
    enabled: Boolean(organisation && shown),
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const problem = report.error instanceof ApiError && report.error.status === 400 ? report.error : null;
  const fieldError = (name: string) => problem?.fieldErrors.find((e) => e.field === name)?.message;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setShown({ ...draft });
  };
  const nf = new Intl.NumberFormat(i18n.language);
  const pf = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const data = report.data;
  const fileQuery = data && organisation && shown && { org: organisation.id, ...shown, lang: i18n.language };

  return (
    <>
      <PageHeader
        title={t('web.areas.twStatistics.title')}
        description={t(`${K}.intro`)}
        actions={fileQuery && <DownloadLinks path="/telework/statistics" query={fileQuery} keys={K} />}
      />
      {organisations.isPending && <LoadingState />}
      {organisations.isError && (
        <ErrorState error={organisations.error} onRetry={() => void organisations.refetch()} />
      )}
      {organisations.data && items.length === 0 && <Alert>{t(`${K}.no_organisation`)}</Alert>}
      {organisation && (
        <Paper withBorder p="md" mb="md" component="search" aria-label={t(`${K}.organisation`)}>
          <form onSubmit={apply} noValidate>
            <Group align="flex-end" wrap="wrap">
              <NativeSelect
                label={t(`${K}.organisation`)}
                value={organisation.id}
                data={items.map((o) => ({ value: o.id, label: o.name }))}
                onChange={(event) => setOrgId(event.currentTarget.value)}
              />
              <TextInput
                label={t(`${K}.from`)}
                type="number"
                w={110}
                value={draft.from}
                onChange={(event) => {
                  const from = event.currentTarget.value;
                  setDraft((d) => ({ ...d, from }));
                }}
                error={fieldError('from')}
              />
              <TextInput
                label={t(`${K}.to`)}
                type="number"
                w={110}
                value={draft.to}
                onChange={(event) => {
                  const to = event.currentTarget.value;
                  setDraft((d) => ({ ...d, to }));
                }}
                error={fieldError('to')}
              />
              <TextInput
                label={t(`${K}.at`)}
                w={170}
                value={draft.at}
                onChange={(event) => {
                  const at = event.currentTarget.value;
                  setDraft((d) => ({ ...d, at }));
                }}
                error={fieldError('at')}
              />
              <Button type="submit">{t('web.period.show')}</Button>
            </Group>
          </form>
        </Paper>
      )}
      {problem && !fieldError('from') && !fieldError('to') && !fieldError('at') && (
        <Alert color="red" role="alert" mb="md">
          {problem.message}
        </Alert>
      )}
      {report.isError && !problem && (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      )}
      {data && organisation && (
        <Stack gap="md">
          <Paper withBorder p="md">
            <Table.ScrollContainer minWidth={600}>
              <Table>
                <Table.Caption>
                  {t(`${K}.table_caption`, { organisation: data.organisation, at: data.at })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t(`${LABELS}.figure`)}</Table.Th>
                    {data.rows.map((row) => (
                      <Table.Th key={row.year} ta="right" scope="col">
                        {row.year}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {answerLines(data.rows).map((line) => (
                    <Table.Tr key={line.key}>
                      <Table.Th scope="row" fw={line.isPercent ? 400 : 500}>
                        {t(`${LABELS}.${line.label}`, line.params)}
                      </Table.Th>
                      {line.values.map((value, index) => (
                        <Table.Td key={data.rows[index]!.year} ta="right">
                          {line.isPercent ? `${pf.format(value)} %` : nf.format(value)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Paper withBorder p="md" component="figure" m={0} aria-labelledby="telework-chart">
            <Title order={2} fz="h4" id="telework-chart" mb="sm" component="figcaption">
              {t(`${K}.chart_title`)}
            </Title>
            <div style={{ width: '100%', height: 320 }}>
              <ResponsiveContainer>
                <LineChart data={chartPoints(data.rows)} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="year" tick={{ fontSize: 12 }} />
                  <YAxis unit=" %" domain={[0, 100]} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={(value) => `${pf.format(Number(value))} %`} />
                  <Legend />
                  {(['teleworkers', 'structural', 'occasional'] as const).map((series) => (
                    <Line
                      key={series}
                      dataKey={series}
                      name={t(`${LABELS}.${series}_pct`)}
                      stroke={COLOURS[series]}
                      strokeWidth={2}
                      isAnimationActive={false}
                    />
                  ))}
                  {data.target_pct !== null && (
                    <ReferenceLine
                      y={data.target_pct}
                      stroke={COLOURS.target}
                      strokeDasharray="6 4"
                      label={{
                        value: t(`${K}.target_line`, { pct: pf.format(data.target_pct) }),
                        position: 'insideTopLeft',
                        fill: COLOURS.target,
                      }}
                    />
                  )}
                </LineChart>
              </ResponsiveContainer>
            </div>
            <CrisisPeriods measures={data.crisisMeasures} />
          </Paper>
          <TargetForm organisation={organisation} />
          <Paper withBorder p="md" component="section" aria-labelledby="telework-definitions">
            <Title order={2} fz="h4" id="telework-definitions" mb="sm">
              {t(`${K}.definitions_title`)}
            </Title>
            <Stack gap={4} component="ul" m={0} pl="md">
              {[1, 2, 3, 4].map((n) => (
                <Text component="li" size="sm" key={n}>
                  {t(`${K}.definition_${n}`)}
                </Text>
              ))}
            </Stack>
          </Paper>
        </Stack>
      )}
      {report.isPending && organisation && <LoadingState />}
    </>
  );
}

/** The crisis measures in force during the report's years, under the chart ("the reports show the period"). */
function CrisisPeriods(props: { measures: StatisticsReport['crisisMeasures'] }) {
  const { t, i18n } = useTranslation();
  if (props.measures.length === 0) return null;
  return (
    <Stack gap={2} mt="sm" component="ul" pl="md" aria-label={t(`${K}.crisis_periods`)}>
      {props.measures.map((m) => (
        <Text component="li" size="sm" key={`${m.startDate}-${m.title.fr}`}>
          {t(`${K}.crisis_period`, {
            title: i18n.language === 'nl' ? m.title.nl : m.title.fr,
            from: formatDay(m.startDate, 'medium'),
            to: m.endDate ? formatDay(m.endDate, 'medium') : '…',
          })}
        </Text>
      ))}
    </Stack>
  );
}

/** The target share of staff teleworking, a line on the chart; empty clears it. */
function TargetForm(props: { organisation: StatOrganisation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(
    props.organisation.targetPct === null ? '' : String(props.organisation.targetPct),
  );
  const [error, setError] = useState<string | undefined>();
  const [isSaved, setIsSaved] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaved(false);
    setError(undefined);
    try {
      await api(`/telework/statistics/organisations/${props.organisation.id}/target`, {
        method: 'PUT',
        body: { targetPct: value.trim() === '' ? null : Number(value.replace(',', '.')) },
      });
      await queryClient.invalidateQueries({ queryKey: ['telework', 'statistics'] });
      setIsSaved(true);
    } catch (failure) {
      setError(
        failure instanceof ApiError ? (failure.fieldErrors[0]?.message ?? failure.message) : String(failure),
      );
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="telework-target">
      <form onSubmit={save} noValidate>
        <Title order={2} fz="h4" id="telework-target" mb="sm">
          {t(`${K}.target`)}
        </Title>
        <Group align="flex-end">
          <TextInput
            label={t(`${K}.target`)}
            description={t(`${K}.target_help`)}
            inputMode="decimal"
            w={320}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            error={error}
          />
          <Button type="submit">{t(`${K}.save_target`)}</Button>
        </Group>
        {isSaved && (
          <Text role="status" size="sm" mt="xs">
            {t(`${K}.target_saved`)}
          </Text>
        )}
      </form>
    </Paper>
  );
}
