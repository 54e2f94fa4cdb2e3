import { Button, Group, Paper, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { Dialog, Empty, ErrorState, FormErrors, LoadingState, Pager } from '../../app/ui.js';

const PAGE_SIZE = 25;

import { knowledgeKeys, type SynonymGroupView, useSynonyms } from './api.js';
import { groupHasTerm } from './knowledge-format.js';

/** Phrases that mean the same in French and Dutch: a search for one finds entries using another. */
export function SynonymsPanel() {
  const { t } = useTranslation();
  const synonyms = useSynonyms();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<SynonymGroupView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SynonymGroupView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const groups = (synonyms.data ?? []).filter((group) => groupHasTerm(group, filter));
  const pageCount = Math.max(1, Math.ceil(groups.length / PAGE_SIZE));
  const shown = groups.slice(
    (Math.min(page, pageCount) - 1) * PAGE_SIZE,
    Math.min(page, pageCount) * PAGE_SIZE,
  );
  const label = (group: SynonymGroupView) => [...group.fr, ...group.nl][0] ?? group.id;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="kb-synonyms-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={2} fz="h4" id="kb-synonyms-title">
            {t('web.knowledge.settings.synonyms_title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('web.knowledge.settings.synonyms_help')}
          </Text>
        </div>
        <Button onClick={() => setEditing('new')}>{t('web.knowledge.settings.new_group')}</Button>
      </Group>
      {notice && (
        <Text size="sm" c="teal.9" role="status" mb="sm">
          {notice}
        </Text>
      )}
      <TextInput
        label={t('web.knowledge.settings.filter_terms')}
        type="search"
        value={filter}
        onChange={(event) => {
          setFilter(event.currentTarget.value);
          setPage(1);
        }}
        w={280}
        mb="md"
      />
      {synonyms.isPending ? (
        <LoadingState />
      ) : synonyms.isError ? (
        <ErrorState error={synonyms.error} onRetry={() => void synonyms.refetch()} />
      ) : groups.length === 0 ? (
        <Empty title={t('web.knowledge.settings.no_groups')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" striped captionSide="bottom">
            <Table.Caption>
              {t('web.knowledge.settings.groups_caption', { count: groups.length })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.knowledge.settings.terms_fr')}</Table.Th>
                <Table.Th scope="col">{t('web.knowledge.settings.terms_nl')}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{t('web.common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((group) => (
                <Table.Tr key={group.id}>
                  <Table.Td lang="fr">{group.fr.join(', ') || '—'}</Table.Td>
                  <Table.Td lang="nl">{group.nl.join(', ') || '—'}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setEditing(group)}
                      aria-label={`${t('web.common.edit')}: ${label(group)}`}
                    >
                      {t('web.common.edit')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      c="red.9"
                      onClick={() => setDeleting(group)}
                      aria-label={`${t('web.knowledge.settings.delete')}: ${label(group)}`}
                    >
                      {t('web.knowledge.settings.delete')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager page={Math.min(page, pageCount)} pageCount={pageCount} onChange={setPage} />
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new' ? t('web.knowledge.settings.new_group') : t('web.knowledge.settings.edit_group')
        }
        size="lg"
      >
        {editing !== null && (
          <SynonymForm
            group={editing === 'new' ? null : editing}
            onDone={(message) => {
              setEditing(null);
              if (message) setNotice(message);
            }}
          />
        )}
      </Dialog>
      <Dialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('web.knowledge.settings.delete_group')}
      >
        {deleting && (
          <DeleteGroup
            group={deleting}
            onDone={(message) => {
              setDeleting(null);
              if (message) setNotice(message);
            }}
          />
        )}
      </Dialog>
    </Paper>
  );
}

function SynonymForm(props: { group: SynonymGroupView | null; onDone: (message?: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fr, setFr] = useState(props.group?.fr ?? []);
  const [nl, setNl] = useState(props.group?.nl ?? []);
  const submission = useSubmission({ fields: ['fr', 'nl'] });
  const { error, byField, others } = submission;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const path = props.group ? `/knowledge/synonyms/${props.group.id}` : '/knowledge/synonyms';
      await api(path, { method: props.group ? 'PUT' : 'POST', body: { fr, nl } });
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.synonyms });
      props.onDone(t('web.knowledge.settings.group_saved'));
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
        <Text size="sm" c="dimmed">
          {t('web.knowledge.settings.terms_help')}
        </Text>
        <TagsInput
          label={t('web.knowledge.settings.terms_fr')}
          name="fr"
          lang="fr"
          value={fr}
          onChange={setFr}
          error={byField.fr}
          clearable
          clearButtonProps={{ 'aria-label': t('web.common.clear') }}
        />
        <TagsInput
          label={t('web.knowledge.settings.terms_nl')}
          name="nl"
          lang="nl"
          value={nl}
          onChange={setNl}
          error={byField.nl}
          clearable
          clearButtonProps={{ 'aria-label': t('web.common.clear') }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => props.onDone()}>
            {t('web.common.cancel')}
          </Button>
          <Button type="submit" loading={submission.isPending}>
            {t('web.common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteGroup(props: { group: SynonymGroupView; onDone: (message?: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [isDeleting, setDeleting] = useState(false);
  const remove = async () => {
    setDeleting(true);
    try {
      await api(`/knowledge/synonyms/${props.group.id}`, { method: 'DELETE' });
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.synonyms });
      props.onDone(t('web.knowledge.settings.group_deleted'));
    } catch (error) {
      setProblem(errorMessage(error));
      setDeleting(false);
    }
  };
  return (
    <Stack gap="md">
      <Text size="sm">{t('web.knowledge.settings.delete_confirm')}</Text>
      <Text size="sm" fw={600}>
        {[...props.group.fr, ...props.group.nl].join(', ')}
      </Text>
      {problem && (
        <Text size="sm" c="red.9" role="alert">
          {problem}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => props.onDone()}>
          {t('web.common.cancel')}
        </Button>
        <Button color="red.9" loading={isDeleting} onClick={() => void remove()}>
          {t('web.knowledge.settings.delete')}
        </Button>
      </Group>
    </Stack>
  );
}
