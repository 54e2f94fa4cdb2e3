import {
  Button,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  EquipmentRequest,
  HeldAssetList,
  MyProfile,
  RequestList,
} from '../../../../src/modules/equipment/contract.js';
import { api } from '../../app/api.js';
import { errorMessage, requiredFieldsError } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';
import { DeliveriesToConfirm } from './deliveries-to-confirm.js';
import { ReturnReceipts, SignedReceipts } from './my-receipts.js';
import { base64Of, centsOf, formatEuros, K, RequestSteps, RequestWhat, StatusOf } from './request-parts.js';

const keys = {
  held: ['equipment', 'my-equipment'] as const,
  profile: ['equipment', 'my-profile'] as const,
  requests: ['equipment', 'requests', 'mine'] as const,
};

/**
 * My equipment, all in one place: what I hold, the deliveries on their way for me to confirm, my
 * requests step by step, the forms to ask for an item of my profile or a contribution towards buying
 * one, and my receipts (signed on delivery, given on a return). The shipping mail links here.
 */
export function MyEquipmentPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('web.areas.eqMine.title')} description={t(`${K}.mine_intro`)} />
      <Stack gap="lg">
        <HeldSection />
        <DeliveriesToConfirm />
        <RequestsSection />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <RequestForm />
          <ContributionForm />
        </SimpleGrid>
        <SignedReceipts />
        <ReturnReceipts />
      </Stack>
    </>
  );
}

function HeldSection() {
  const { t } = useTranslation();
  const held = useQuery({
    queryKey: keys.held,
    queryFn: ({ signal }) => api<HeldAssetList>('/equipment/my-equipment', { signal }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="eq-held">
      <Title order={2} fz="h4" id="eq-held" mb="sm">
        {t(`${K}.held_title`)}
      </Title>
      {held.isPending && <LoadingState />}
      {held.isError && <ErrorState error={held.error} onRetry={() => void held.refetch()} />}
      {held.data?.items.length === 0 && <Text c="dimmed">{t(`${K}.held_none`)}</Text>}
      {held.data && held.data.items.length > 0 && (
        <Table.ScrollContainer
          minWidth={520}
          type="native"
          tabIndex={0}
          role="group"
          aria-labelledby="eq-held"
        >
          <Table striped className="data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.column.type`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.column.model`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.column.tag`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.column.serial`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.column.status`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {held.data.items.map((asset) => (
                <Table.Tr key={asset.assetTag}>
                  <Table.Td>{t(`equipment.type.${asset.type}`)}</Table.Td>
                  <Table.Td>{asset.model}</Table.Td>
                  <Table.Td>{asset.assetTag}</Table.Td>
                  <Table.Td>{asset.serial ?? '—'}</Table.Td>
                  <Table.Td>
                    {t(`${K}.asset_status.${asset.status}`, { defaultValue: asset.status })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function RequestsSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: keys.requests,
    queryFn: ({ signal }) => api<RequestList>('/equipment/requests', { signal, query: { scope: 'mine' } }),
  });
  const submission = useSubmission<string>({
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const cancel = (request: EquipmentRequest) =>
    void submission.run(async () => {
      await api(`/equipment/requests/${encodeURIComponent(request.id)}/cancel`, { method: 'POST' });
      return t(`${K}.cancelled`, { id: request.id });
    }, request.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="eq-my-requests">
      <Title order={2} fz="h4" id="eq-my-requests" mb="sm">
        {t(`${K}.my_requests_title`)}
      </Title>
      <div aria-live="polite">
        {submission.notice && <Text c="teal.9">{submission.notice}</Text>}
        {submission.error !== null && <FormErrors title={errorMessage(submission.error)} messages={[]} />}
      </div>
      {requests.isPending && <LoadingState />}
      {requests.isError && <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.data?.items.length === 0 && <Text c="dimmed">{t(`${K}.no_requests`)}</Text>}
      <Stack gap="sm">
        {requests.data?.items.map((request) => (
          <Paper key={request.id} withBorder p="sm" component="article" aria-label={request.id}>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={4}>
                <Group gap="xs">
                  <RequestWhat request={request} />
                  <StatusOf request={request} />
                </Group>
                <Text size="xs" c="dimmed">
                  {request.id} · {new Date(request.createdAt).toLocaleDateString(i18n.language)}
                  {request.dueOn && ` · ${t(`${K}.due_on`, { day: request.dueOn })}`}
                  {request.assetTag && ` · ${request.assetTag}`}
                </Text>
                {request.refusalReason && (
                  <Text size="sm">
                    {t(`${K}.refusal_reason`)} {request.refusalReason}
                  </Text>
                )}
              </Stack>
              <RequestSteps steps={request.steps} />
              {request.actions.includes('cancel') && (
                <Button
                  variant="default"
                  size="xs"
                  loading={submission.pendingKey === request.id}
                  onClick={() => cancel(request)}
                >
                  {t(`${K}.cancel`)}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

function useMyProfile() {
  return useQuery({
    queryKey: keys.profile,
    queryFn: ({ signal }) => api<MyProfile>('/equipment/my-profile', { signal }),
  });
}

function RequestForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const profile = useMyProfile();
  const [type, setType] = useState('');
  const [delivery, setDelivery] = useState<'home' | 'site'>('site');
  const [address, setAddress] = useState('');
  const [site, setSite] = useState('');
  const [reason, setReason] = useState('');
  const submission = useSubmission({
    fields: ['type', 'delivery', 'address', 'site', 'reason'],
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const items = profile.data?.profile?.items ?? [];
  const chosen = type || items[0]?.type || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const created = await api<EquipmentRequest>('/equipment/requests', {
        method: 'POST',
        body: {
          type: chosen,
          delivery,
          ...(delivery === 'home' && { address }),
          ...(site.trim() && { site }),
          ...(reason.trim() && { reason }),
        },
      });
      setReason('');
      return t(`${K}.requested`, { id: created.id, status: t(`equipment.status.${created.status}`) });
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="eq-ask">
      <Title order={2} fz="h4" id="eq-ask" mb="sm">
        {t(`${K}.ask_title`)}
      </Title>
      {profile.isPending && <LoadingState />}
      {profile.data && !profile.data.profile && <Text c="dimmed">{t(`${K}.no_profile`)}</Text>}
      {profile.data?.profile && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <NativeSelect
              label={t(`${K}.field.type`)}
              value={chosen}
              onChange={(e) => setType(e.currentTarget.value)}
              data={items.map((item) => ({
                value: item.type,
                label: `${t(`equipment.type.${item.type}`)}${item.mode === 'default' ? ` (${t(`${K}.in_kit`)})` : ''}`,
              }))}
              error={submission.byField.type}
            />
            <Radio.Group
              label={t(`${K}.field.delivery`)}
              value={delivery}
              onChange={(value) => setDelivery(value as 'home' | 'site')}
              error={submission.byField.delivery}
            >
              <Group mt={4}>
                <Radio value="site" label={t(`${K}.delivery.site`)} />
                <Radio value="home" label={t(`${K}.delivery.home`)} />
              </Group>
            </Radio.Group>
            {delivery === 'home' && (
              <Textarea
                label={t(`${K}.field.address`)}
                required
                autosize
                minRows={2}
                value={address}
                onChange={(e) => setAddress(e.currentTarget.value)}
                error={submission.byField.address}
              />
            )}
            {delivery === 'site' && (
              <TextInput
                label={t(`${K}.field.site`)}
                value={site}
                onChange={(e) => setSite(e.currentTarget.value)}
                error={submission.byField.site}
              />
            )}
            <Textarea
              label={t(`${K}.field.reason`)}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={submission.byField.reason}
            />
            {submission.error !== null && (
              <FormErrors title={errorMessage(submission.error)} messages={submission.others} />
            )}
            <div aria-live="polite">{submission.notice && <Text c="teal.9">{submission.notice}</Text>}</div>
            <Group justify="flex-end">
              <Button type="submit" loading={submission.isPending}>
                {t(`${K}.ask_submit`)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

function ContributionForm() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const profile = useMyProfile();
  const [type, setType] = useState('');
  const [amount, setAmount] = useState('');
  const [receipt, setReceipt] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const submission = useSubmission({
    fields: ['type', 'amount', 'receipt', 'reason'],
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const capOf = new Map(
    (profile.data?.policies ?? []).filter((p) => p.contributionCapCents !== null).map((p) => [p.type, p]),
  );
  const items = (profile.data?.profile?.items ?? []).filter((item) => capOf.has(item.type));
  const chosen = type || items[0]?.type || '';
  const policy = capOf.get(chosen as never);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const cents = centsOf(amount);
      const missing = [...(cents === null ? ['amount'] : []), ...(receipt ? [] : ['receipt'])];
      if (missing.length) throw requiredFieldsError(missing);
      const created = await api<EquipmentRequest>('/equipment/contributions', {
        method: 'POST',
        body: {
          type: chosen,
          amount: cents ?? 0,
          ...(reason.trim() && { reason }),
          receipt: receipt
            ? { filename: receipt.name, content_type: receipt.type, content_base64: await base64Of(receipt) }
            : { filename: 'none', content_base64: '' },
        },
      });
      setAmount('');
      setReceipt(null);
      return t(`${K}.requested`, { id: created.id, status: t(`equipment.status.${created.status}`) });
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="eq-contribution">
      <Title order={2} fz="h4" id="eq-contribution" mb="sm">
        {t(`${K}.contribution_title`)}
      </Title>
      {profile.data && items.length === 0 && <Text c="dimmed">{t(`${K}.no_contribution`)}</Text>}
      {items.length > 0 && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <NativeSelect
              label={t(`${K}.field.type`)}
              value={chosen}
              onChange={(e) => setType(e.currentTarget.value)}
              data={items.map((item) => ({ value: item.type, label: t(`equipment.type.${item.type}`) }))}
              error={submission.byField.type}
            />
            {policy?.contributionCapCents != null && (
              <Text size="sm" c="dimmed">
                {t(`${K}.cap`, {
                  cap: formatEuros(policy.contributionCapCents, i18n.language),
                  months: policy.contributionPeriodMonths,
                })}
              </Text>
            )}
            <TextInput
              label={t(`${K}.field.amount`)}
              inputMode="decimal"
              required
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={submission.byField.amount}
            />
            <FileInput
              label={t(`${K}.field.receipt`)}
              description={t(`${K}.receipt_help`)}
              accept="application/pdf,image/jpeg,image/png,image/heic"
              required
              clearable
              value={receipt}
              onChange={setReceipt}
              error={submission.byField.receipt}
            />
            <Textarea
              label={t(`${K}.field.reason`)}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            {submission.error !== null && (
              <FormErrors title={errorMessage(submission.error)} messages={submission.others} />
            )}
            <div aria-live="polite">{submission.notice && <Text c="teal.9">{submission.notice}</Text>}</div>
            <Group justify="flex-end">
              <Button type="submit" loading={submission.isPending}>
                {t(`${K}.contribution_submit`)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
