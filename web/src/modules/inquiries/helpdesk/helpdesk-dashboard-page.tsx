import { Group, Paper, SimpleGrid, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ApiError } from '../../../app/api.js';
import { ChartWithTable, KeyFigure } from '../../../app/figure-blocks.js';
import { formatMinutes } from '../../../app/format.js';
import { PeriodPicker, usePeriodParams } from '../../../app/period-picker.js';
import { TableDownload } from '../../../app/table-download.js';
import { ErrorState, LoadingState, PageHeader } from '../../../app/ui.js';
import {
  HELPDESK_CATEGORIES,
  type HelpdeskCategory,
  type HelpdeskFigures,
  useHelpdeskFigures,
} from './helpdesk-api.js';
import { K } from './ticket-form.js';

const F = `${K}.figures`;

// One colour per category, told apart by the legend and the table too (never colour alone).
const COLOURS: Record<HelpdeskCategory, string> = {
  vpn: '#c92a2a',
  hardware: '#0b7285',
  software: '#5f3dc4',
  phone: '#e67700',
  account: '#2b8a3e',
};

/** `2020-03` as the reader says it: "mars 2020", "maart 2020", "March 2020". */
function useMonthName() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * The helpdesk's load for ICT and management: tickets per month by category (the March 2020 surge
 * shows at once), per category, the time to resolution, and what is open now. Every chart has its
 * figures in a table beside it, and every table downloads.
 */
export function HelpdeskDashboardPage() {
  const { t, i18n } = useTranslation();
  const { from, to } = usePeriodParams();
  const figures = useHelpdeskFigures(from, to);
  const monthName = useMonthName();
  const nf = new Intl.NumberFormat(i18n.language);
  const data = figures.data;
  const category = (code: HelpdeskCategory) => t(`helpdesk.category.${code}`);

  return (
    <>
      <PageHeader title={t('web.areas.hdDashboard.title')} description={t(`${F}.intro`)} />
      <PeriodPicker
        shown={data}
        error={figures.error}
        quick={[{ label: t(`${F}.year_2020`), from: '2020-01-01', to: '2020-12-31' }]}
      />
      {figures.isPending && <LoadingState />}
      {figures.isError && !(figures.error instanceof ApiError && figures.error.status === 400) && (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      )}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" mb="md">
            <KeyFigure label={t(`${F}.total_tickets`)} value={nf.format(data.total)} />
            <KeyFigure label={t(`${F}.median`)} value={formatMinutes(data.resolution.median_minutes)} />
            <KeyFigure label={t(`${F}.p90`)} value={formatMinutes(data.resolution.p90_minutes)} />
            <KeyFigure label={t(`${F}.backlog`)} value={nf.format(data.backlog.total)} />
          </SimpleGrid>
          <ChartWithTable
            id="hd-months"
            title={t(`${F}.months`)}
            download={
              <TableDownload
                path="/helpdesk/figures"
                query={{ from: data.from, to: data.to, table: 'months' }}
              />
            }
            chart={
              <ResponsiveContainer>
                <BarChart data={data.months} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" tick={{ fontSize: 12 }} tickFormatter={monthName} />
                  <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                  <Tooltip labelFormatter={(month) => monthName(String(month))} />
                  <Legend />
                  {HELPDESK_CATEGORIES.map((code) => (
                    <Bar
                      key={code}
                      dataKey={`by_category.${code}`}
                      name={category(code)}
                      stackId="category"
                      fill={COLOURS[code]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            }
            table={<MonthsTable figures={data} monthName={monthName} />}
          />
          <CategoriesTable figures={data} />
        </>
      )}
    </>
  );
}

function MonthsTable(props: { figures: HelpdeskFigures; monthName: (month: string) => string }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped>
        <caption className="sr-only">{t(`${F}.months`)}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`${F}.month`)}</Table.Th>
            {HELPDESK_CATEGORIES.map((code) => (
              <Table.Th key={code} ta="right">
                {t(`helpdesk.category.${code}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t(`${F}.total`)}</Table.Th>
            <Table.Th ta="right">{t(`${F}.median`)}</Table.Th>
            <Table.Th ta="right">{t(`${F}.p90`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.figures.months.map((month) => (
            <Table.Tr key={month.month} data-month={month.month}>
              <Table.Th scope="row">{props.monthName(month.month)}</Table.Th>
              {HELPDESK_CATEGORIES.map((code) => (
                <Table.Td key={code} ta="right">
                  {nf.format(month.by_category[code])}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600}>
                {nf.format(month.total)}
              </Table.Td>
              <Table.Td ta="right">{formatMinutes(month.resolution.median_minutes)}</Table.Td>
              <Table.Td ta="right">{formatMinutes(month.resolution.p90_minutes)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CategoriesTable(props: { figures: HelpdeskFigures }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  const { figures } = props;
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby="hd-categories">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} fz="h4" id="hd-categories">
          {t(`${F}.categories`)}
        </Title>
        <TableDownload
          path="/helpdesk/figures"
          query={{ from: figures.from, to: figures.to, table: 'categories' }}
        />
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${F}.category`)}</Table.Th>
              <Table.Th ta="right">{t(`${F}.total`)}</Table.Th>
              <Table.Th ta="right">{t(`${F}.closed`)}</Table.Th>
              <Table.Th ta="right">{t(`${F}.median`)}</Table.Th>
              <Table.Th ta="right">{t(`${F}.p90`)}</Table.Th>
              <Table.Th ta="right">{t(`${F}.open_now`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.categories.map((row) => (
              <Table.Tr key={row.category} data-category={row.category}>
                <Table.Th scope="row">{t(`helpdesk.category.${row.category}`)}</Table.Th>
                <Table.Td ta="right">{nf.format(row.total)}</Table.Td>
                <Table.Td ta="right">{nf.format(row.closed)}</Table.Td>
                <Table.Td ta="right">{formatMinutes(row.resolution.median_minutes)}</Table.Td>
                <Table.Td ta="right">{formatMinutes(row.resolution.p90_minutes)}</Table.Td>
                <Table.Td ta="right">{nf.format(figures.backlog.by_category[row.category])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
