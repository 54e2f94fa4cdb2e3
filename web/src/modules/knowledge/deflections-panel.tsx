import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../app/format.js';
import { useDeflections } from './api.js';
import { PeriodCountsPanel } from './period-counts-panel.js';

/**
 * The entries shown on the public question form while a person typed, of which they said "yes,
 * this answers my question" and sent nothing: the questions the FAQ spared, most first.
 */
export function DeflectionsPanel() {
  const { t } = useTranslation();
  return (
    <PeriodCountsPanel
      id="kb-deflections-title"
      mt="md"
      title={t('web.knowledge.settings.deflections_title')}
      help={t('web.knowledge.settings.deflections_help')}
      empty={t('web.knowledge.settings.no_deflections')}
      useCounts={useDeflections}
      head={
        <>
          <Table.Th scope="col">{t('web.knowledge.settings.entry')}</Table.Th>
          <Table.Th scope="col">{t('web.knowledge.search.language')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('web.knowledge.settings.deflected_times')}
          </Table.Th>
          <Table.Th scope="col">{t('web.knowledge.settings.last_day')}</Table.Th>
        </>
      }
      row={(row) => (
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
      )}
    />
  );
}
