import { Anchor, Group, Paper, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { entryPath, useStaleEntries } from './api.js';
import { formatDay, questionIn } from './knowledge-format.js';

/** Published entries past their review date, most overdue first: rules change under them. */
export function StaleEntriesPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const stale = useStaleEntries();
  const canWrite = hasAbility(me, 'knowledge.write');
  return (
    <>
      <PageHeader title={t('web.areas.kbStale.title')} description={t('web.knowledge.stale.intro')} />
      {stale.isPending ? (
        <LoadingState />
      ) : stale.isError ? (
        <ErrorState error={stale.error} onRetry={() => void stale.refetch()} />
      ) : stale.data.length === 0 ? (
        <Empty title={t('web.knowledge.stale.empty')} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="sm" striped captionSide="bottom">
              <Table.Caption>{t('web.knowledge.stale.caption', { count: stale.data.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.knowledge.fields.ref')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.fields.question')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.stale.due_on')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('web.common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stale.data.map((item) => (
                  <Table.Tr key={item.ref}>
                    <Table.Td ff="monospace">{item.ref}</Table.Td>
                    <Table.Td>{questionIn(item, i18n.language)}</Table.Td>
                    <Table.Td>{formatDay(item.reviewDueOn, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap" justify="flex-end">
                        <Anchor
                          component={Link}
                          to={`/knowledge/search?ref=${encodeURIComponent(item.ref)}`}
                          size="sm"
                          aria-label={`${t('web.knowledge.stale.read')}: ${item.ref}`}
                        >
                          {t('web.knowledge.stale.read')}
                        </Anchor>
                        {canWrite && (
                          <Anchor
                            component={Link}
                            to={`${entryPath(item.ref)}/edit`}
                            size="sm"
                            aria-label={`${t('web.knowledge.read.edit')}: ${item.ref}`}
                          >
                            {t('web.knowledge.read.edit')}
                          </Anchor>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
