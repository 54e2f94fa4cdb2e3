import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.js';
import { useSearchMisses } from './api.js';
import { PeriodCountsPanel } from './period-counts-panel.js';

/** What agents searched without finding anything, most asked first: the FAQ's missing entries. */
export function SearchMissesPanel() {
  const { t } = useTranslation();
  return (
    <PeriodCountsPanel
      id="kb-misses-title"
      title={t('web.knowledge.settings.misses_title')}
      help={t('web.knowledge.settings.misses_help')}
      empty={t('web.knowledge.settings.no_misses')}
      useCounts={useSearchMisses}
      head={
        <>
          <Table.Th scope="col">{t('web.knowledge.settings.query')}</Table.Th>
          <Table.Th scope="col">{t('web.knowledge.search.language')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('web.knowledge.settings.times')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('publicFaq.misses_public')}
          </Table.Th>
          <Table.Th scope="col">{t('web.knowledge.settings.last_asked')}</Table.Th>
        </>
      }
      row={(miss) => (
        <Table.Tr key={`${miss.lang}|${miss.query}`}>
          <Table.Td lang={miss.lang}>{miss.query}</Table.Td>
          <Table.Td>{miss.lang.toUpperCase()}</Table.Td>
          <Table.Td ta="right">{miss.count}</Table.Td>
          <Table.Td ta="right">{miss.publicCount}</Table.Td>
          <Table.Td>{formatInstant(miss.lastAt)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
