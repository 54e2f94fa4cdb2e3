import { Alert, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../app/api.js';
import { currentLanguage } from '../../app/i18n.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { ErrorState, LoadingState, PageHeader, StatusBadge } from '../../app/ui.js';
import { directoryKeys, type PersonDetail, usePerson } from './api.js';
import { PersonForm } from './person-form.js';
import { emptyPerson, personToValues, toCreateBody, toUpdateBody } from './person-values.js';

export function PersonCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t('web.people.create_title')} description={t('web.people.create_intro')} />
      <PersonForm
        mode="create"
        canWrite
        initial={emptyPerson(currentLanguage())}
        onCancel={() => navigate('/directory/people')}
        onSubmit={async (values) => {
          const created = await api<PersonDetail>('/directory/people', {
            method: 'POST',
            body: toCreateBody(values),
          });
          await queryClient.invalidateQueries({ queryKey: directoryKeys.people });
          navigate(`/directory/people?q=${encodeURIComponent(created.username)}`, {
            state: { notice: t('web.people.created', { name: created.name, username: created.username }) },
          });
        }}
      />
    </>
  );
}

export function PersonEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const person = usePerson(id);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const canWrite = hasAbility(me, 'directory.people.write');

  if (person.isPending) return <LoadingState />;
  if (person.isError)
    return (
      <>
        <PageHeader title={t('web.people.edit_title')} />
        <ErrorState error={person.error} onRetry={() => void person.refetch()} />
      </>
    );

  const initial = personToValues(person.data);
  return (
    <>
      <PageHeader
        title={person.data.name}
        description={
          <Group gap="xs" component="span">
            <Text span ff="monospace" size="sm">
              {person.data.username}
            </Text>
            {!person.data.isActive && <StatusBadge isActive={false} />}
          </Group>
        }
      />
      {savedAt && (
        <Alert color="teal" role="status" mb="md">
          {t('web.people.saved')}
        </Alert>
      )}
      {!canWrite && (
        <Alert color="gray" mb="md">
          {t('web.people.read_only')}
        </Alert>
      )}
      <PersonForm
        key={`${person.data.id}-${person.data.updatedAt}`}
        mode="edit"
        canWrite={canWrite}
        initial={initial}
        onCancel={() => navigate('/directory/people')}
        onSubmit={async (values) => {
          const body = toUpdateBody(initial, values);
          if (Object.keys(body).length === 0) {
            setSavedAt(Date.now());
            return;
          }
          const updated = await api<PersonDetail>(`/directory/people/${encodeURIComponent(id)}`, {
            method: 'PATCH',
            body,
          });
          queryClient.setQueryData(directoryKeys.person(id), updated);
          await queryClient.invalidateQueries({ queryKey: directoryKeys.people });
          setSavedAt(Date.now());
        }}
      />
    </>
  );
}
