import { Paper, Select, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, LoadingState } from '../../app/ui.js';

const PERIODS = [7, 30, 90, 365];

/**
 * What the FAQ's readers did over the last days, counted, most first (searches that found nothing,
 * entries that answered before anyone asked): a period to choose, then the table or why there is none.
 */
export function PeriodCountsPanel<Row>(props: {
  id: string;
  title: string;
  help: string;
  empty: string;
  /** The counts over the last `days` days (a query hook: called once per render). */
  useCounts: (days: number) => UseQueryResult<Row[]>;
  head: ReactNode;
  row: (row: Row) => ReactNode;
  mt?: string;
}) {
  const { t } = useTranslation();
  const [days, setDays] = useState(30);
  const counts = props.useCounts(days);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={props.id} mt={props.mt}>
      <Title order={2} fz="h4" id={props.id} mb="xs">
        {props.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {props.help}
      </Text>
      <Select
        label={t('web.knowledge.settings.misses_period')}
        data={PERIODS.map((value) => ({
          value: String(value),
          label: t('web.knowledge.settings.last_days', { count: value }),
        }))}
        value={String(days)}
        onChange={(value) => value && setDays(Number(value))}
        allowDeselect={false}
        w={220}
        mb="md"
      />
      {counts.isPending ? (
        <LoadingState />
      ) : counts.isError ? (
        <ErrorState error={counts.error} onRetry={() => void counts.refetch()} />
      ) : counts.data.length === 0 ? (
        <Empty title={props.empty} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" striped aria-labelledby={props.id}>
            <Table.Thead>
              <Table.Tr>{props.head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>{counts.data.map(props.row)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
