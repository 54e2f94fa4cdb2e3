import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryCreate, ReadyList, ReadyPerson } from '../../../../src/modules/equipment/contract.js';
import { api } from '../../app/api.js';
import { formatDay } from '../../app/format.js';
import { useSubmission } from '../../app/submission.js';
import { ErrorState, FormErrors, LoadingState } from '../../app/ui.js';

const K = 'web.equipment.deliveries';
const FIELDS = ['requests', 'mode', 'address', 'carrier', 'carrierRef', 'site'] as const;

/** Reserved units not in a batch yet, per person, each person with the form that makes their batch. */
export function ReadySection() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const ready = useQuery({
    queryKey: ['equipment', 'deliveries', 'ready'],
    queryFn: ({ signal }) => api<ReadyList>('/equipment/deliveries/ready', { signal }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deliveries-ready">
      <Title order={2} fz="h4" id="deliveries-ready" mb="xs">
        {t(`${K}.ready_title`)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.ready_help`)}
      </Text>
      <div role="status" aria-live="polite">
        {notice && (
          <Text size="sm" mb="xs" fw={500}>
            {notice}
          </Text>
        )}
      </div>
      {ready.isPending && <LoadingState />}
      {ready.isError && <ErrorState error={ready.error} onRetry={() => void ready.refetch()} />}
      {ready.data && ready.data.items.length === 0 && <Text c="dimmed">{t(`${K}.nothing_ready`)}</Text>}
      <Stack gap="lg">
        {ready.data?.items.map((person) => (
          <PersonBatchForm key={person.personId} person={person} onCreated={setNotice} />
        ))}
      </Stack>
    </Paper>
  );
}

function PersonBatchForm(props: { person: ReadyPerson; onCreated: (notice: string) => void }) {
  const { t } = useTranslation();
  const { person } = props;
  const queryClient = useQueryClient();
  const first = person.requests[0];
  const [chosen, setChosen] = useState<string[]>(person.requests.map((r) => r.requestId));
  const [mode, setMode] = useState<'home' | 'site'>(first?.delivery === 'site' ? 'site' : 'home');
  const [address, setAddress] = useState(person.requests.find((r) => r.address)?.address ?? '');
  const [site, setSite] = useState(person.requests.find((r) => r.site)?.site ?? '');
  const [carrier, setCarrier] = useState('');
  const [carrierRef, setCarrierRef] = useState('');
  const submission = useSubmission({
    fields: FIELDS,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment', 'deliveries'] }),
  });
  const headingId = `ready-${person.personId}`;
  const toggle = (id: string, isOn: boolean) =>
    setChosen((current) => (isOn ? [...current, id] : current.filter((x) => x !== id)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: DeliveryCreate =
      mode === 'home'
        ? {
            requests: chosen,
            mode,
            address,
            ...(carrier && { carrier }),
            ...(carrierRef && { carrierRef }),
          }
        : { requests: chosen, mode, site };
    void submission.run(async () => {
      const created = await api<{ id: string }>('/equipment/deliveries', { method: 'POST', body });
      props.onCreated(t(`${K}.batch_created`, { id: created.id, name: person.personName }));
    });
  };
  const error = (field: (typeof FIELDS)[number]) => submission.byField[field];
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Title order={3} fz="h5" id={headingId}>
        {person.personName}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped className="data-table" mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <span className="sr-only">{t(`${K}.in_batch`)}</span>
              </Table.Th>
              <Table.Th scope="col">{t(`${K}.tag`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.type`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.model`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.serial`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.due_on`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {person.requests.map((request) => (
              <Table.Tr key={request.requestId}>
                <Table.Td>
                  <Checkbox
                    aria-label={t(`${K}.include`, { tag: request.assetTag })}
                    checked={chosen.includes(request.requestId)}
                    onChange={(event) => toggle(request.requestId, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>{request.assetTag}</Table.Td>
                <Table.Td>
                  {t(`equipment.delivery.types.${request.type}`)}
                  {request.kitId && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {t(`${K}.kit`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{request.model}</Table.Td>
                <Table.Td>{request.serial ?? '—'}</Table.Td>
                <Table.Td>{formatDay(request.dueOn, 'medium')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {error('requests') && (
        <Text c="red.8" size="sm" role="alert">
          {error('requests')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mt="sm">
        <NativeSelect
          label={t(`${K}.mode`)}
          value={mode}
          onChange={(event) => setMode(event.currentTarget.value as 'home' | 'site')}
          data={(['home', 'site'] as const).map((m) => ({
            value: m,
            label: t(`equipment.delivery.modes.${m}`),
          }))}
          error={error('mode')}
        />
        {mode === 'home' ? (
          <>
            <TextInput
              label={t(`${K}.address`)}
              value={address}
              onChange={(event) => setAddress(event.currentTarget.value)}
              error={error('address')}
              required
            />
            <TextInput
              label={t(`${K}.carrier`)}
              value={carrier}
              onChange={(event) => setCarrier(event.currentTarget.value)}
              error={error('carrier')}
            />
            <TextInput
              label={t(`${K}.carrier_ref`)}
              value={carrierRef}
              onChange={(event) => setCarrierRef(event.currentTarget.value)}
              error={error('carrierRef')}
            />
          </>
        ) : (
          <TextInput
            label={t(`${K}.site`)}
            value={site}
            onChange={(event) => setSite(event.currentTarget.value)}
            error={error('site')}
            required
          />
        )}
      </SimpleGrid>
      <FormErrors
        title={submission.others.length > 0 ? t(`${K}.batch_not_created`) : null}
        messages={submission.others}
      />
      <Group mt="sm">
        <Button type="submit" loading={submission.isPending} disabled={chosen.length === 0}>
          {t(`${K}.create_batch`, { count: chosen.length })}
        </Button>
      </Group>
    </form>
  );
}
