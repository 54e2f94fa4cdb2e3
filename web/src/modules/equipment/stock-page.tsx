import { Badge, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { HomeReport, StockReport } from '../../../../src/modules/equipment/contract/stock-contract.js';
import { api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { TableDownload } from '../../app/table-download.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';

const K = 'web.equipment.stock';

/** Units in stock per type against the low-stock thresholds (chart and table), and who has what at home. */
export function StockPage() {
  const { t } = useTranslation();
  const stock = useQuery({
    queryKey: ['equipment', 'stock'],
    queryFn: ({ signal }) => api<StockReport>('/equipment/stock', { signal }),
  });
  return (
    <>
      <PageHeader
        title={t('web.areas.eqStock.title')}
        description={t(`${K}.intro`)}
        actions={<TableDownload path="/equipment/stock" query={{}} />}
      />
      {stock.isPending && <LoadingState />}
      {stock.isError && <ErrorState error={stock.error} onRetry={() => void stock.refetch()} />}
      {stock.data && (
        <Stack gap="lg">
          <Paper withBorder p="md" component="figure" m={0} aria-labelledby="stock-chart">
            <Title order={2} fz="h4" id="stock-chart" mb="sm" component="figcaption">
              {t(`${K}.chart_title`)}
            </Title>
            <div style={{ width: '100%', height: 320 }}>
              <ResponsiveContainer>
                <ComposedChart
                  data={stock.data.types.map((row) => ({
                    name: t(`equipment.type.${row.type}`),
                    inStock: row.inStock,
                    threshold: row.threshold ?? undefined,
                  }))}
                  margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="name"
                    tick={{ fontSize: 12 }}
                    interval={0}
                    angle={-20}
                    textAnchor="end"
                    height={60}
                  />
                  <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="inStock" name={t(`${K}.in_stock`)} fill="#1c7ed6" />
                  <Line
                    dataKey="threshold"
                    name={t(`${K}.threshold`)}
                    stroke="#e03131"
                    strokeDasharray="6 4"
                    dot
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </div>
          </Paper>
          <Paper withBorder component="section" aria-labelledby="stock-table">
            <Title order={2} fz="h4" id="stock-table" p="md" pb={0}>
              {t(`${K}.table_title`)}
            </Title>
            {stock.data.rows.length === 0 ? (
              <Empty title={t(`${K}.empty`)} />
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped className="data-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t(`${K}.type`)}</Table.Th>
                      <Table.Th scope="col">{t(`${K}.site`)}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t(`${K}.in_stock`)}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t(`${K}.threshold`)}
                      </Table.Th>
                      <Table.Th scope="col">{t(`${K}.state`)}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {stock.data.rows.map((row) => (
                      <Table.Tr key={`${row.type}-${row.site ?? ''}`}>
                        <Table.Td>{t(`equipment.type.${row.type}`)}</Table.Td>
                        <Table.Td>{row.site ?? '—'}</Table.Td>
                        <Table.Td ta="right">{row.inStock}</Table.Td>
                        <Table.Td ta="right">{row.threshold ?? '—'}</Table.Td>
                        <Table.Td>
                          {row.isLow ? (
                            <Badge color="red" variant="light">
                              {t(`${K}.low`)}
                            </Badge>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
          <HomeSection />
        </Stack>
      )}
    </>
  );
}

function HomeSection() {
  const { t } = useTranslation();
  const home = useQuery({
    queryKey: ['equipment', 'home-report'],
    queryFn: ({ signal }) => api<HomeReport>('/equipment/home-report', { signal }),
  });
  return (
    <Paper withBorder component="section" aria-labelledby="home-table">
      <Group justify="space-between" p="md" pb={0}>
        <Title order={2} fz="h4" id="home-table">
          {t(`${K}.home_title`, { count: home.data?.people ?? 0 })}
        </Title>
        <TableDownload path="/equipment/home-report" query={{}} label={t(`${K}.home_download`)} />
      </Group>
      {home.isPending && <LoadingState />}
      {home.isError && <ErrorState error={home.error} onRetry={() => void home.refetch()} />}
      {home.data && home.data.items.length === 0 && <Empty title={t(`${K}.home_empty`)} />}
      {home.data && home.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped className="data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.person`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.unit`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.asset`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.model`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.since`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {home.data.items.map((row) => (
                <Table.Tr key={row.tag}>
                  <Table.Td>{row.person.name}</Table.Td>
                  <Table.Td>{row.unit ?? '—'}</Table.Td>
                  <Table.Td>
                    {row.tag} · {t(`equipment.type.${row.type}`)}
                  </Table.Td>
                  <Table.Td>{row.model}</Table.Td>
                  <Table.Td>{formatInstant(row.since)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
