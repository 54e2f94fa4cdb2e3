import { Paper, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.js';
import { Empty, ErrorState, LoadingState } from '../../app/ui.js';
import { useSearchMisses } from './api.js';

const PERIODS = [7, 30, 90, 365];

/** What agents searched without finding anything, most asked first: the FAQ's missing entries. */
export function SearchMissesPanel() {
  const { t } = useTranslation();
  const [days, setDays] = useState(30);
  const misses = useSearchMisses(days);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="kb-misses-title">
      <Title order={2} fz="h4" id="kb-misses-title" mb="xs">
        {t('web.knowledge.settings.misses_title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('web.knowledge.settings.misses_help')}
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
      {misses.isPending ? (
        <LoadingState />
      ) : misses.isError ? (
        <ErrorState error={misses.error} onRetry={() => void misses.refetch()} />
      ) : misses.data.length === 0 ? (
        <Empty title={t('web.knowledge.settings.no_misses')} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" striped aria-labelledby="kb-misses-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.knowledge.settings.query')}</Table.Th>
                <Table.Th scope="col">{t('web.knowledge.search.language')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('web.knowledge.settings.times')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('publicFaq.misses_public')}
                </Table.Th>
                <Table.Th scope="col">{t('web.knowledge.settings.last_asked')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {misses.data.map((miss) => (
                <Table.Tr key={`${miss.lang}|${miss.query}`}>
                  <Table.Td lang={miss.lang}>{miss.query}</Table.Td>
                  <Table.Td>{miss.lang.toUpperCase()}</Table.Td>
                  <Table.Td ta="right">{miss.count}</Table.Td>
                  <Table.Td ta="right">{miss.publicCount}</Table.Td>
                  <Table.Td>{formatInstant(miss.lastAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
