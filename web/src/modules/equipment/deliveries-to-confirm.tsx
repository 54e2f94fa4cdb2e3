import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, DeliveryList } from '../../../../src/modules/equipment/contract.js';
import { api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { useCurrentUser } from '../../app/session.js';
import { useSubmission } from '../../app/submission.js';
import { Dialog, ErrorState, FormErrors, LoadingState } from '../../app/ui.js';

const K = 'web.equipment.deliveries';
export const MY_DELIVERIES_KEY = ['equipment', 'deliveries', 'mine'] as const;

/**
 * The logged-in person's batches on their way or delivered and not yet confirmed, each with an
 * "I received it" button: a dialog lists the units by tag and serial before the person confirms.
 * On the My equipment page, where the shipping mail sends the person.
 */
export function DeliveriesToConfirm() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [notice, setNotice] = useState<string | null>(null);
  // By name: ICT would otherwise get everyone's batches.
  const mine = useQuery({
    queryKey: MY_DELIVERIES_KEY,
    queryFn: ({ signal }) =>
      api<DeliveryList>('/equipment/deliveries', { query: { person: me.username, limit: 100 }, signal }),
  });
  const waiting = (mine.data?.items ?? []).filter(
    (d) => (d.status === 'shipped' || d.status === 'delivered') && d.acceptedAt === null,
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deliveries-to-confirm">
      <Title order={2} fz="h4" id="deliveries-to-confirm" mb="sm">
        {t(`${K}.to_confirm_title`)}
      </Title>
      <div role="status" aria-live="polite">
        {notice && (
          <Alert color="teal" mb="sm">
            {notice}
          </Alert>
        )}
      </div>
      {mine.isPending && <LoadingState />}
      {mine.isError && <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && waiting.length === 0 && <Text c="dimmed">{t(`${K}.nothing_to_confirm`)}</Text>}
      <Stack gap="md">
        {waiting.map((delivery) => (
          <BatchToConfirm key={delivery.id} delivery={delivery} onConfirmed={setNotice} />
        ))}
      </Stack>
    </Paper>
  );
}

function BatchToConfirm(props: { delivery: Delivery; onConfirmed: (notice: string) => void }) {
  const { t } = useTranslation();
  const { delivery } = props;
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const submission = useSubmission({
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const confirm = () =>
    void submission.run(async () => {
      await api(`/equipment/deliveries/${encodeURIComponent(delivery.id)}/accept`, { method: 'POST' });
      setOpen(false);
      props.onConfirmed(t(`${K}.confirmed`, { id: delivery.id }));
    });
  const headingId = `batch-${delivery.id}`;
  return (
    <article aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Text fw={600} id={headingId}>
            {t(`${K}.batch_heading`, { id: delivery.id, count: delivery.items.length })}
          </Text>
          <Text size="sm" c="dimmed">
            {delivery.mode === 'home'
              ? t(`${K}.shipped_on`, {
                  date: formatInstant(delivery.shippedAt),
                  carrier: delivery.carrier ?? '—',
                  reference: delivery.carrierRef ?? '—',
                })
              : t(`${K}.handed_over_at`, { site: delivery.site ?? '—' })}
          </Text>
        </div>
        <Button onClick={() => setOpen(true)}>{t(`${K}.i_received_it`)}</Button>
      </Group>
      <ItemsTable delivery={delivery} />
      <Dialog
        opened={isOpen}
        onClose={() => setOpen(false)}
        title={t(`${K}.confirm_title`, { id: delivery.id })}
      >
        <Text size="sm" mb="sm">
          {t(`${K}.confirm_text`, { count: delivery.items.length })}
        </Text>
        <ItemsTable delivery={delivery} />
        <FormErrors
          title={submission.others.length > 0 ? t(`${K}.not_confirmed`) : null}
          messages={submission.others}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('web.common.cancel')}
          </Button>
          <Button onClick={confirm} loading={submission.isPending}>
            {t(`${K}.confirm_button`)}
          </Button>
        </Group>
      </Dialog>
    </article>
  );
}

/**
 * The units of a batch: tag, type, model and serial number, as the person checks them. Four short
 * columns that wrap, so it fits a dialog on a phone without a scrolling region to reach by keyboard.
 */
export function ItemsTable(props: { delivery: Delivery }) {
  const { t } = useTranslation();
  return (
    <Table striped className="data-table" mt="xs" style={{ overflowWrap: 'anywhere' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t(`${K}.tag`)}</Table.Th>
          <Table.Th scope="col">{t(`${K}.type`)}</Table.Th>
          <Table.Th scope="col">{t(`${K}.model`)}</Table.Th>
          <Table.Th scope="col">{t(`${K}.serial`)}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.delivery.items.map((item) => (
          <Table.Tr key={item.assetId}>
            <Table.Td>{item.assetTag}</Table.Td>
            <Table.Td>{t(`equipment.delivery.types.${item.type}`)}</Table.Td>
            <Table.Td>{item.model}</Table.Td>
            <Table.Td>{item.serial ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
