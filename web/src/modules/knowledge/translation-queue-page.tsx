import { Anchor, Group, Paper, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../app/format.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { entryPath, useTranslationQueue } from './api.js';
import { questionIn } from './knowledge-format.js';
import { ToneBadge } from './tone-badge.js';

/** Drafts where one language changed and the other waits: nothing goes to review half-translated. */
export function TranslationQueuePage() {
  const { t, i18n } = useTranslation();
  const queue = useTranslationQueue();
  return (
    <>
      <PageHeader
        title={t('web.areas.kbTranslation.title')}
        description={t('web.knowledge.translation.intro')}
      />
      {queue.isPending ? (
        <LoadingState />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <Empty title={t('web.knowledge.translation.empty')} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="sm" striped captionSide="bottom">
              <Table.Caption>
                {t('web.knowledge.translation.caption', { count: queue.data.length })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.knowledge.fields.ref')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.fields.question')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.translation.to_update')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.translation.changed_at')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.map((item) => (
                  <Table.Tr key={item.ref}>
                    <Table.Td>
                      <Anchor component={Link} to={`${entryPath(item.ref)}/edit`} ff="monospace" fw={600}>
                        {item.ref}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{questionIn(item, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {item.frNeedsUpdate && (
                          <ToneBadge tone="warn">{t('web.knowledge.languages.fr')}</ToneBadge>
                        )}
                        {item.nlNeedsUpdate && (
                          <ToneBadge tone="warn">{t('web.knowledge.languages.nl')}</ToneBadge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatInstant(item.updatedAt)}</Table.Td>
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
