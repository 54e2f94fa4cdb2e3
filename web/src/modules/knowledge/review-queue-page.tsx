import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { errorMessage, requiredFieldsError } from '../../app/problems.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { useSubmission } from '../../app/submission.js';
import { TEAL_BUTTON_HOVER } from '../../app/theme.js';
import { Empty, ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';
import {
  entryPath,
  knowledgeKeys,
  type QueueItem,
  useDraft,
  useEntry,
  useReviewQueue,
  useThemes,
} from './api.js';
import { DraftCompare } from './draft-compare.js';
import { questionIn } from './knowledge-format.js';
import { hasPublishedVersion } from './language-status.js';
import { ToneBadge } from './tone-badge.js';
import './knowledge.css';

/** Drafts waiting for a second pair of eyes, oldest first; the open one is compared side by side. */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const queue = useReviewQueue();
  const [params, setParams] = useSearchParams();
  const openRef = params.get('ref');
  const [notice, setNotice] = useState<string | null>(null);
  const select = (ref: string | null) => setParams(ref ? { ref } : {}, { replace: true });

  return (
    <>
      <PageHeader title={t('web.areas.kbReview.title')} description={t('web.knowledge.review.intro')} />
      {notice && (
        <Alert color="teal" role="status" mb="md">
          {notice}
        </Alert>
      )}
      {queue.isPending ? (
        <LoadingState />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <Empty title={t('web.knowledge.review.empty')} />
      ) : (
        <Paper withBorder mb="lg">
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="sm" striped captionSide="bottom">
              <Table.Caption>{t('web.knowledge.review.caption', { count: queue.data.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.knowledge.fields.ref')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.fields.question')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.review.kind')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.review.submitted_at')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('web.common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.map((item: QueueItem) => (
                  <Table.Tr key={item.ref} aria-current={item.ref === openRef ? 'true' : undefined}>
                    <Table.Td ff="monospace">{item.ref}</Table.Td>
                    <Table.Td>{questionIn(item, i18n.language)}</Table.Td>
                    <Table.Td>
                      <ToneBadge tone="info">
                        {item.isNew
                          ? t('web.knowledge.review.new_entry')
                          : t('web.knowledge.review.revision')}
                      </ToneBadge>
                    </Table.Td>
                    <Table.Td>{formatInstant(item.submittedAt)}</Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant={item.ref === openRef ? 'filled' : 'light'}
                        onClick={() => select(item.ref)}
                        aria-label={`${t('web.knowledge.review.open')}: ${item.ref}`}
                      >
                        {t('web.knowledge.review.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {openRef && (
        <ReviewPanel
          key={openRef}
          entryRef={openRef}
          onDone={(message) => {
            setNotice(message);
            select(null);
          }}
        />
      )}
    </>
  );
}

function ReviewPanel(props: { entryRef: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const draft = useDraft(props.entryRef);
  // The version the draft revises, to show what it changes; none for an entry never published.
  const isRevision = draft.data !== undefined && hasPublishedVersion(draft.data);
  const published = useEntry(isRevision ? props.entryRef : null, null);
  const themes = useThemes();
  const [comment, setComment] = useState('');
  // Publish or return, whichever button was pressed.
  const submission = useSubmission<'publish' | 'return'>({ fields: ['comment'] });
  const { error, byField, others } = submission;
  const busy = submission.pendingKey;
  const canReview = hasAbility(me, 'knowledge.review');

  const act = (kind: 'publish' | 'return') => {
    if (kind === 'return' && !comment.trim()) {
      submission.fail(requiredFieldsError(['comment']));
      return;
    }
    void submission.run(async () => {
      const path = `${entryPath(props.entryRef)}/${kind === 'publish' ? 'publish' : 'draft/return'}`;
      const body = comment.trim() ? { comment: comment.trim() } : {};
      const answer = await api<{ version?: number }>(path, { method: 'POST', body });
      // A published draft is gone: this panel still watches it, and refetching it would only get a 404.
      const draftKey = knowledgeKeys.draft(props.entryRef);
      const isGone = (key: readonly unknown[]) =>
        kind === 'publish' && draftKey.every((part, index) => key[index] === part);
      await queryClient.invalidateQueries({
        queryKey: knowledgeKeys.all,
        predicate: (query) => !isGone(query.queryKey),
      });
      props.onDone(
        kind === 'publish'
          ? t('web.knowledge.review.published', { ref: props.entryRef, version: answer.version ?? 1 })
          : t('web.knowledge.review.returned', { ref: props.entryRef }),
      );
    }, kind);
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="kb-review-title">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h4" id="kb-review-title">
          {t('web.knowledge.review.draft_of', { ref: props.entryRef })}
        </Title>
        {isRevision && (
          <Anchor
            component={Link}
            to={`/knowledge/search?ref=${encodeURIComponent(props.entryRef)}`}
            size="sm"
          >
            {t('web.knowledge.review.see_published')}
          </Anchor>
        )}
      </Group>
      {draft.isPending ? (
        <LoadingState />
      ) : draft.isError ? (
        <ErrorState error={draft.error} onRetry={() => void draft.refetch()} />
      ) : (
        <Stack gap="md">
          {draft.data.state !== 'in_review' && (
            <Alert color="orange" role="note">
              {t('web.knowledge.review.not_in_review')}
            </Alert>
          )}
          <DraftCompare
            draft={draft.data}
            themes={themes.data}
            isRevision={isRevision}
            published={published.data}
          />
          {canReview ? (
            <Stack gap="sm">
              {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
              <Textarea
                label={t('web.knowledge.review.comment')}
                description={t('web.knowledge.review.comment_help')}
                name="comment"
                autosize
                minRows={2}
                value={comment}
                error={byField.comment}
                onChange={(event) => setComment(event.currentTarget.value)}
              />
              <Group justify="flex-end">
                <Button
                  variant="default"
                  loading={busy === 'return'}
                  disabled={busy !== null}
                  onClick={() => void act('return')}
                >
                  {t('web.knowledge.review.return')}
                </Button>
                <Button
                  color="teal.9"
                  style={TEAL_BUTTON_HOVER}
                  loading={busy === 'publish'}
                  disabled={busy !== null}
                  onClick={() => void act('publish')}
                >
                  {t('web.knowledge.review.publish')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('web.knowledge.review.read_only')}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
