import { Group, NativeSelect, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ASSET_TYPES, type DeliveryReport } from '../../../../src/modules/equipment/contract.js';
import { api } from '../../app/api.js';
import { TableDownload } from '../../app/table-download.js';
import { ErrorState, LoadingState } from '../../app/ui.js';

const K = 'web.equipment.deliveries';
// Distinct and dark enough on white (AA for the legend's text beside them).
const COLOURS: Record<(typeof ASSET_TYPES)[number], string> = {
  laptop: '#1c5d99',
  screen: '#b8431e',
  docking_station: '#2f7d32',
  headset: '#7b3fa0',
  keyboard: '#8a6d00',
  mouse: '#00727a',
  phone: '#a3214f',
  chair: '#5c5c5c',
  other: '#3d3d8f',
};

/** Units shipped or handed over per week or month, by type: a stacked bar chart and its table. */
export function DeliveryReportSection() {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState<'week' | 'month'>('month');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = { by, from: from || undefined, to: to || undefined };
  const report = useQuery({
    queryKey: ['equipment', 'deliveries', 'report', query],
    queryFn: ({ signal }) => api<DeliveryReport>('/equipment/deliveries/report', { query, signal }),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const shown = ASSET_TYPES.filter((type) => data?.rows.some((row) => row.byType[type] > 0));
  const points = (data?.rows ?? []).map((row) => ({ period: row.period, ...row.byType }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deliveries-report">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} fz="h4" id="deliveries-report">
          {t(`${K}.report_title`)}
        </Title>
        <TableDownload path="/equipment/deliveries/report" query={{ ...query, lang: i18n.language }} />
      </Group>
      <Group align="flex-end" mb="md" wrap="wrap" component="search" aria-label={t(`${K}.report_filters`)}>
        <NativeSelect
          label={t(`${K}.report_by`)}
          value={by}
          onChange={(event) => setBy(event.currentTarget.value as 'week' | 'month')}
          data={[
            { value: 'month', label: t('equipment.delivery.report.per_month') },
            { value: 'week', label: t('equipment.delivery.report.per_week') },
          ]}
        />
        <TextInput
          type="date"
          label={t(`${K}.from`)}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t(`${K}.to`)}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {report.isPending && <LoadingState />}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {data && data.rows.length === 0 && <Text c="dimmed">{t(`${K}.report_empty`)}</Text>}
      {data && data.rows.length > 0 && (
        <>
          <figure style={{ margin: 0 }} aria-labelledby="deliveries-chart-caption">
            <Text component="figcaption" id="deliveries-chart-caption" size="sm" c="dimmed" mb="xs">
              {t(`${K}.chart_caption`, { total: data.total })}
            </Text>
            <div style={{ width: '100%', height: 300 }}>
              <ResponsiveContainer>
                <BarChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="period" tick={{ fontSize: 12 }} />
                  <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Legend />
                  {shown.map((type) => (
                    <Bar
                      key={type}
                      dataKey={type}
                      stackId="units"
                      name={t(`equipment.delivery.types.${type}`)}
                      fill={COLOURS[type]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </figure>
          <Table.ScrollContainer minWidth={480}>
            <Table striped className="data-table" mt="md">
              <Table.Caption>{t(`${K}.report_caption`, { total: data.total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`equipment.delivery.report.${data.by}`)}</Table.Th>
                  {shown.map((type) => (
                    <Table.Th scope="col" ta="right" key={type}>
                      {t(`equipment.delivery.types.${type}`)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" ta="right">
                    {t('equipment.delivery.report.units')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row) => (
                  <Table.Tr key={row.period}>
                    <Table.Th scope="row" fw={500}>
                      {row.period}
                    </Table.Th>
                    {shown.map((type) => (
                      <Table.Td ta="right" key={type}>
                        {row.byType[type]}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={600}>
                      {row.units}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}
