import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type NavigateFunction, useLocation, useNavigate, useParams } from 'react-router';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';
import { ApiError, api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { type DraftView, entryPath, knowledgeKeys, useDraft, useEntry } from './api.js';
import { contentToValues, emptyEntryValues, toDraftPatch, toNewEntryBody } from './editor-values.js';
import { EntryForm } from './entry-form.js';
import { hasPublishedVersion } from './language-status.js';
import { ToneBadge } from './tone-badge.js';
import './knowledge.css';

/** Back where the editor came from; a page opened from a link or a bookmark has no "back" in this app. */
function goBack(navigate: NavigateFunction, fallback: string): void {
  const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
  if (index > 0) navigate(-1);
  else navigate(fallback);
}

/** A new entry, often written in one language first; the other follows before review. */
export function EntryCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial = useMemo(() => emptyEntryValues(brusselsToday()), []);
  return (
    <>
      <PageHeader
        title={t('web.knowledge.editor.create_title')}
        description={t('web.knowledge.editor.create_intro')}
      />
      <EntryForm
        mode="create"
        initial={initial}
        onCancel={() => goBack(navigate, '/knowledge/search')}
        onSave={async (values) => {
          const draft = await api<DraftView>('/knowledge/entries', {
            method: 'POST',
            body: toNewEntryBody(values),
          });
          queryClient.setQueryData(knowledgeKeys.draft(draft.ref), draft);
          await queryClient.invalidateQueries({ queryKey: knowledgeKeys.translationQueue });
          navigate(`${entryPath(draft.ref)}/edit`, {
            replace: true,
            state: { notice: t('web.knowledge.editor.created', { ref: draft.ref }) },
          });
        }}
      />
    </>
  );
}

const isNoDraft = (error: unknown) => error instanceof ApiError && error.code === 'knowledge.draft_not_found';

/**
 * The draft of an entry. Without one, the published version is the starting point: the first save
 * opens a draft from it, while readers keep the published text until the next publication.
 */
export function EntryEditPage() {
  const { t } = useTranslation();
  const { ref = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const draft = useDraft(ref);
  const hasNoDraft = draft.isError && isNoDraft(draft.error);
  const published = useEntry(hasNoDraft ? ref : null, null);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  // The form starts again from the server's answer after each successful action, not on failures
  // (a refused submission keeps what was typed and shows why).
  const [formKey, setFormKey] = useState(0);

  if (draft.isPending || (hasNoDraft && published.isPending)) return <LoadingState />;
  const failure = hasNoDraft ? published.error : draft.error;
  if (failure || !(draft.data || published.data))
    return (
      <>
        <PageHeader title={t('web.knowledge.editor.edit_title_ref', { ref })} />
        <ErrorState
          error={failure}
          onRetry={() => void (hasNoDraft ? published.refetch() : draft.refetch())}
        />
      </>
    );

  const view = draft.data;
  const initial = contentToValues(view ? view.content : published.data!);
  const adopt = async (saved: DraftView, message: string) => {
    queryClient.setQueryData(knowledgeKeys.draft(ref), saved);
    setFormKey((key) => key + 1);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: ['knowledge', 'queues'] });
  };
  const save = async (values: typeof initial) => {
    const patch = toDraftPatch(initial, values);
    if (Object.keys(patch).length === 0) return view;
    return api<DraftView>(`${entryPath(ref)}/draft`, { method: 'PATCH', body: patch });
  };

  return (
    <>
      <PageHeader
        title={t('web.knowledge.editor.edit_title_ref', { ref })}
        description={
          <Group gap="xs" component="span">
            <ToneBadge size="md" tone={view?.state === 'in_review' ? 'ok' : 'muted'}>
              {view ? t(`web.knowledge.states.${view.state}`) : t('web.knowledge.states.published')}
            </ToneBadge>
            {view && (
              <Text span size="sm" c="dimmed">
                {t('web.knowledge.editor.saved_at', { at: formatInstant(view.updatedAt) })}
              </Text>
            )}
          </Group>
        }
        actions={
          // A draft never published has no published version to open.
          hasPublishedVersion(view) && (
            <Anchor component={Link} to={`/knowledge/search?ref=${encodeURIComponent(ref)}`} size="sm">
              {t('web.knowledge.editor.open_published')}
            </Anchor>
          )
        }
      />
      {notice && (
        <Alert color="teal" role="status" mb="md">
          {notice}
        </Alert>
      )}
      {!view && (
        <Alert color="gray" mb="md" role="note">
          {t('web.knowledge.editor.no_draft_yet')}
        </Alert>
      )}
      {view?.state === 'in_review' && (
        <Alert color="blue" mb="md" role="note">
          {t('web.knowledge.editor.in_review_help')}
        </Alert>
      )}
      {view?.reviewComment && view.state === 'draft' && (
        <Alert color="orange" mb="md" role="note" title={t('web.knowledge.editor.returned_title')}>
          {view.reviewComment}
        </Alert>
      )}
      <EntryForm
        key={formKey}
        mode="edit"
        initial={initial}
        draft={view}
        onCancel={() => goBack(navigate, `/knowledge/search?ref=${encodeURIComponent(ref)}`)}
        onSave={async (values) => {
          const saved = await save(values);
          if (saved) await adopt(saved, t('web.knowledge.editor.saved'));
        }}
        onSubmitForReview={async (values) => {
          const saved = await save(values);
          if (saved && saved !== view) queryClient.setQueryData(knowledgeKeys.draft(ref), saved);
          const submitted = await api<DraftView>(`${entryPath(ref)}/draft/submit`, { method: 'POST' });
          await adopt(submitted, t('web.knowledge.editor.submitted', { ref }));
        }}
        onConfirmTranslation={async (language) => {
          const confirmed = await api<DraftView>(`${entryPath(ref)}/draft/confirm-translation`, {
            method: 'POST',
            body: { language },
          });
          await adopt(confirmed, t(`web.knowledge.editor.confirmed.${language}`));
        }}
      />
    </>
  );
}
