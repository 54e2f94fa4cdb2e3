import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EquipmentRequest, RequestList } from '../../../../src/modules/equipment/contract.js';
import { api } from '../../app/api.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { Empty, ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';
import { K, RequestSteps, RequestWhat, StatusOf } from './request-parts.js';

/** The manager's approvals: their reports' requests waiting for a decision, then the others of the team. */
export function EquipmentApprovalsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const waiting = useQuery({
    queryKey: ['equipment', 'requests', 'team'],
    queryFn: ({ signal }) =>
      api<RequestList>('/equipment/requests', { signal, query: { scope: 'team', limit: 200 } }),
  });
  const submission = useSubmission<string>({
    fields: ['reason'],
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const decide = (request: EquipmentRequest, decision: 'approve' | 'refuse') =>
    void submission.run(async () => {
      await api(`/equipment/requests/${encodeURIComponent(request.id)}/${decision}`, {
        method: 'POST',
        ...(decision === 'refuse' && { body: { reason: reasons[request.id] ?? '' } }),
      });
      return t(`${K}.decided.${decision}`, { id: request.id, person: request.personName });
    }, `${request.id}:${decision}`);
  const items = waiting.data?.items ?? [];
  const pending = items.filter((r) => r.status === 'awaiting_approval');
  const others = items.filter((r) => r.status !== 'awaiting_approval');
  return (
    <>
      <PageHeader title={t('web.areas.eqApprovals.title')} description={t(`${K}.approvals_intro`)} />
      <div aria-live="polite">
        {submission.notice && <Text c="teal.9">{submission.notice}</Text>}
        {submission.error !== null && (
          <FormErrors title={errorMessage(submission.error)} messages={submission.others} />
        )}
      </div>
      {waiting.isPending && <LoadingState />}
      {waiting.isError && <ErrorState error={waiting.error} onRetry={() => void waiting.refetch()} />}
      {waiting.data && pending.length === 0 && <Empty title={t(`${K}.nothing_to_approve`)} />}
      <Stack gap="sm" component="section" aria-label={t(`${K}.waiting_title`)}>
        {pending.map((request) => (
          <Paper
            key={request.id}
            withBorder
            p="sm"
            component="article"
            aria-label={`${request.personName}: ${request.id}`}
          >
            <Stack gap="xs">
              <Group gap="xs">
                <Text fw={600}>{request.personName}</Text>
                <RequestWhat request={request} />
                <StatusOf request={request} />
              </Group>
              {request.reason && <Text size="sm">{request.reason}</Text>}
              <Group align="flex-end" wrap="wrap">
                <Button
                  onClick={() => decide(request, 'approve')}
                  loading={submission.pendingKey === `${request.id}:approve`}
                >
                  {t(`${K}.approve`)}
                </Button>
                <TextInput
                  label={t(`${K}.refusal_reason_label`)}
                  value={reasons[request.id] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setReasons((all) => ({ ...all, [request.id]: value }));
                  }}
                />
                <Button
                  variant="default"
                  color="red"
                  disabled={!(reasons[request.id] ?? '').trim()}
                  onClick={() => decide(request, 'refuse')}
                  loading={submission.pendingKey === `${request.id}:refuse`}
                >
                  {t(`${K}.refuse`)}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
      {others.length > 0 && (
        <Stack gap="sm" mt="lg" component="section" aria-label={t(`${K}.team_title`)}>
          <Text fw={700}>{t(`${K}.team_title`)}</Text>
          {others.map((request) => (
            <Paper
              key={request.id}
              withBorder
              p="sm"
              component="article"
              aria-label={`${request.personName}: ${request.id}`}
            >
              <Group justify="space-between" align="flex-start">
                <Group gap="xs">
                  <Text fw={600}>{request.personName}</Text>
                  <RequestWhat request={request} />
                </Group>
                <RequestSteps steps={request.steps} />
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
