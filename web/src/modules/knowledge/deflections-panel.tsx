import { Anchor, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../app/format.js';
import { Empty, ErrorState, LoadingState } from '../../app/ui.js';
import { useDeflections } from './api.js';

const PERIODS = [7, 30, 90, 365];

/**
 * The entries shown on the public question form while a person typed, of which they said "yes,
 * this answers my question" and sent nothing: the questions the FAQ spared, most first.
 */
export function DeflectionsPanel() {
  const { t } = useTranslation();
  const [days, setDays] = useState(30);
  const deflections = useDeflections(days);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="kb-deflections-title" mt="md">
      <Title order={2} fz="h4" id="kb-deflections-title" mb="xs">
        {t('web.knowledge.settings.deflections_title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('web.knowledge.settings.deflections_help')}
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
      {deflections.isPending ? (
        <LoadingState />
      ) : deflections.isError ? (
        <ErrorState error={deflections.error} onRetry={() => void deflections.refetch()} />
      ) : deflections.data.length === 0 ? (
        <Empty title={t('web.knowledge.settings.no_deflections')} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" striped aria-labelledby="kb-deflections-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.knowledge.settings.entry')}</Table.Th>
                <Table.Th scope="col">{t('web.knowledge.search.language')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('web.knowledge.settings.deflected_times')}
                </Table.Th>
                <Table.Th scope="col">{t('web.knowledge.settings.last_day')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deflections.data.map((row) => (
                <Table.Tr key={`${row.ref}|${row.lang}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/knowledge/search?ref=${encodeURIComponent(row.ref)}`}>
                      {row.ref}
                    </Anchor>{' '}
                    <span lang={row.lang}>{row.question}</span>
                  </Table.Td>
                  <Table.Td>{row.lang.toUpperCase()}</Table.Td>
                  <Table.Td ta="right">{row.count}</Table.Td>
                  <Table.Td>{formatDay(row.lastOn, 'medium')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
