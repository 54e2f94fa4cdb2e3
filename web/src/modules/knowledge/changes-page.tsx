import { Alert, Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { type ChangeItem, knowledgeKeys, usePendingChanges } from './api.js';
import { questionIn } from './knowledge-format.js';
import { ToneBadge } from './tone-badge.js';

/**
 * What changed in the FAQ since this fund last acknowledged, oldest first. Acknowledging up to a
 * change tells the institution the fund applies the same rule from now on.
 */
export function ChangesPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const pending = usePendingChanges();
  const [notice, setNotice] = useState<string | null>(null);
  // One acknowledgement at a time, known by the change it reaches up to.
  const acknowledgement = useSubmission<number>();
  const problem = acknowledgement.error === null ? null : errorMessage(acknowledgement.error);
  const busySeq = acknowledgement.pendingKey;

  const acknowledge = (change: ChangeItem) =>
    acknowledgement.run(async () => {
      const { acknowledged } = await api<{ acknowledged: number }>('/knowledge/changes/acknowledge', {
        method: 'POST',
        body: { upTo: change.seq },
      });
      setNotice(t('web.knowledge.changes.acknowledged', { count: acknowledged }));
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.pendingChanges });
    }, change.seq);

  return (
    <>
      <PageHeader title={t('web.areas.kbChanges.title')} description={t('web.knowledge.changes.intro')} />
      {notice && (
        <Alert color="teal" role="status" mb="md">
          {notice}
        </Alert>
      )}
      {problem && (
        <Alert color="red" role="alert" mb="md">
          {problem}
        </Alert>
      )}
      {pending.isPending ? (
        <LoadingState />
      ) : pending.isError ? (
        <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
      ) : pending.data.length === 0 ? (
        <Empty
          title={t('web.knowledge.changes.up_to_date')}
          description={t('web.knowledge.changes.up_to_date_help')}
        />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" striped captionSide="top">
              <Table.Caption style={{ textAlign: 'left', padding: '8px 12px' }}>
                {t('web.knowledge.changes.caption', { count: pending.data.length })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.knowledge.changes.at')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.fields.ref')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.changes.what')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.fields.question')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('web.common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.data.map((change) => (
                  <Table.Tr key={change.seq}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(change.at)}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/knowledge/search?ref=${encodeURIComponent(change.ref)}`}
                        ff="monospace"
                        fw={600}
                      >
                        {change.ref}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('web.knowledge.changes.version', { version: change.version })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ChangeKind change={change} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{questionIn(change, i18n.language)}</Text>
                      {change.comment && (
                        <Text size="xs" c="dimmed">
                          {change.comment}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="light"
                        loading={busySeq === change.seq}
                        disabled={busySeq !== null}
                        onClick={() => void acknowledge(change)}
                        aria-label={t('web.knowledge.changes.acknowledge_up_to_ref', {
                          ref: change.ref,
                          version: change.version,
                        })}
                      >
                        {t('web.knowledge.changes.acknowledge_up_to')}
                      </Button>
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

/** New, changed (and which parts), or withdrawn. */
export function ChangeKind(props: { change: ChangeItem }) {
  const { t } = useTranslation();
  const { change } = props;
  return (
    <>
      <ToneBadge tone={change.kind === 'withdrawn' ? 'danger' : 'info'}>
        {t(`web.knowledge.changes.kinds.${change.kind}`)}
      </ToneBadge>
      {change.fields.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {change.fields
            .map((field) => t(`web.knowledge.changes.fields.${field}`, { defaultValue: field }))
            .join(', ')}
        </Text>
      )}
    </>
  );
}
