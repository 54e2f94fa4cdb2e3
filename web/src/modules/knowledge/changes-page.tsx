import { Alert, Anchor, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../app/ui.js';
import {
  CHANGES_PAGE_SIZE,
  type ChangeItem,
  knowledgeKeys,
  type PendingFilter,
  usePendingChanges,
  useThemes,
} from './api.js';
import { questionIn, themeLabel } from './knowledge-format.js';
import { ToneBadge } from './tone-badge.js';

const KINDS: ChangeItem['kind'][] = ['new', 'changed', 'withdrawn'];

/**
 * What changed in the FAQ since this fund last acknowledged, oldest first, a page at a time and
 * narrowed by theme and kind. Acknowledging up to a change tells the institution the fund applies
 * the same rule from now on; the top of the page does it up to the latest in one step.
 */
export function ChangesPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const themes = useThemes();
  const [params, setParams] = useSearchParams();
  const filter: PendingFilter = {
    theme: params.get('theme'),
    kind: KINDS.find((kind) => kind === params.get('kind')) ?? null,
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const isFiltered = filter.theme !== null || filter.kind !== null;
  const pending = usePendingChanges(filter);
  const [notice, setNotice] = useState<string | null>(null);
  // One acknowledgement at a time, known by the change it reaches up to.
  const acknowledgement = useSubmission<number>();
  const problem = acknowledgement.error === null ? null : errorMessage(acknowledgement.error);
  const busySeq = acknowledgement.pendingKey;

  const setFilter = (name: 'theme' | 'kind' | 'page', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next);
  };

  const acknowledge = (upTo: number) =>
    acknowledgement.run(async () => {
      const { acknowledged } = await api<{ acknowledged: number }>('/knowledge/changes/acknowledge', {
        method: 'POST',
        body: {
          upTo,
          ...(filter.theme && { theme: filter.theme }),
          ...(filter.kind && { kind: filter.kind }),
        },
      });
      setNotice(t('web.knowledge.changes.acknowledged', { count: acknowledged }));
      if (filter.page > 1) setFilter('page', null);
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.pendingChanges });
    }, upTo);

  const data = pending.data;
  // While a new filter or page loads, the list on screen is the previous one: its counts and its
  // "up to the latest" would not be the filter's, so they wait for the answer.
  const isStale = pending.isPlaceholderData;
  const pageCount = Math.max(1, Math.ceil((data?.total ?? 0) / CHANGES_PAGE_SIZE));

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
      {data && data.allPending > 0 && (
        <Paper withBorder p="md" mb="md" component="search" aria-label={t('web.knowledge.changes.filters')}>
          <Group justify="space-between" align="flex-end" gap="md">
            <Group align="flex-end" gap="md">
              <Select
                label={t('web.knowledge.fields.theme')}
                placeholder={t('web.knowledge.search.all_themes')}
                data={(themes.data ?? []).map((theme) => ({
                  value: theme.code,
                  label: themeLabel(theme.code, themes.data, i18n.language),
                }))}
                value={filter.theme}
                onChange={(value) => setFilter('theme', value)}
                clearable
                clearButtonProps={{ 'aria-label': t('web.common.clear') }}
                w={240}
              />
              <Select
                label={t('web.knowledge.changes.kind')}
                placeholder={t('web.knowledge.changes.all_kinds')}
                data={KINDS.map((kind) => ({ value: kind, label: t(`web.knowledge.changes.kinds.${kind}`) }))}
                value={filter.kind}
                onChange={(value) => setFilter('kind', value)}
                clearable
                clearButtonProps={{ 'aria-label': t('web.common.clear') }}
                w={180}
              />
            </Group>
            {data.latestSeq !== null && (
              <Button
                loading={busySeq === data.latestSeq}
                disabled={busySeq !== null || isStale}
                onClick={() => void acknowledge(data.latestSeq!)}
              >
                {isFiltered
                  ? t('web.knowledge.changes.acknowledge_filtered', { count: data.total })
                  : t('web.knowledge.changes.acknowledge_all', { count: data.total })}
              </Button>
            )}
          </Group>
        </Paper>
      )}
      {pending.isPending ? (
        <LoadingState />
      ) : pending.isError ? (
        <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
      ) : pending.data.allPending === 0 ? (
        <Empty
          title={t('web.knowledge.changes.up_to_date')}
          description={t('web.knowledge.changes.up_to_date_help')}
        />
      ) : pending.data.total === 0 ? (
        <Empty
          title={t('web.knowledge.changes.no_match')}
          description={t('web.knowledge.changes.no_match_help')}
        />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" striped captionSide="top">
              <Table.Caption style={{ textAlign: 'left', padding: '8px 12px' }}>
                {isStale
                  ? t('web.common.loading')
                  : isFiltered
                    ? t('web.knowledge.changes.caption_filtered', {
                        count: pending.data.total,
                        all: pending.data.allPending,
                      })
                    : t('web.knowledge.changes.caption', { count: pending.data.total })}
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
              <Table.Tbody aria-busy={pending.isFetching}>
                {pending.data.items.map((change) => (
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
                      <Text size="xs" c="dimmed">
                        {themeLabel(change.theme, themes.data, i18n.language)}
                        {change.comment && ` · ${change.comment}`}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="light"
                        loading={busySeq === change.seq}
                        disabled={busySeq !== null || isStale}
                        onClick={() => void acknowledge(change.seq)}
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
      <Pager page={filter.page} pageCount={pageCount} onChange={(page) => setFilter('page', String(page))} />
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
