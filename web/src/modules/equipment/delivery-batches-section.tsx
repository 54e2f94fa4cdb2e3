import { Badge, Button, Group, NativeSelect, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_STATUSES,
  type Delivery,
  type DeliveryList,
} from '../../../../src/modules/equipment/contract.js';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';
import { api } from '../../app/api.js';
import { formatDay, formatInstant } from '../../app/format.js';
import { useSubmission } from '../../app/submission.js';
import { TableDownload } from '../../app/table-download.js';
import { Dialog, ErrorState, FormErrors, LoadingState, Pager } from '../../app/ui.js';
import { ItemsTable } from './deliveries-to-confirm.js';

const K = 'web.equipment.deliveries';
const PAGE = 25;
type Step = 'ship' | 'deliver' | 'return';

/** Every batch, filtered by status and week, with the step each may take next. */
export function BatchesSection() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const [week, setWeek] = useState('');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const isWeek = week === '' || /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(week);
  const query = { status: status || undefined, week: isWeek ? week || undefined : undefined };
  const batches = useQuery({
    queryKey: ['equipment', 'deliveries', 'list', query, page],
    queryFn: ({ signal }) =>
      api<DeliveryList>('/equipment/deliveries', {
        query: { ...query, limit: PAGE, offset: (page - 1) * PAGE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deliveries-batches">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} fz="h4" id="deliveries-batches">
          {t(`${K}.batches_title`)}
        </Title>
        <TableDownload path="/equipment/deliveries" query={{ ...query, lang: i18n.language }} />
      </Group>
      <Group align="flex-end" mb="md" wrap="wrap" component="search" aria-label={t(`${K}.filters`)}>
        <NativeSelect
          label={t(`${K}.status`)}
          value={status}
          onChange={(event) => {
            setStatus(event.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: '', label: t('web.common.all') },
            ...DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`equipment.delivery.statuses.${s}`) })),
          ]}
        />
        <TextInput
          label={t(`${K}.week`)}
          description={t(`${K}.week_help`)}
          placeholder="2020-W12"
          value={week}
          onChange={(event) => {
            setWeek(event.currentTarget.value.trim().toUpperCase());
            setPage(1);
          }}
          error={isWeek ? undefined : t(`${K}.week_invalid`)}
        />
      </Group>
      <div role="status" aria-live="polite">
        {notice && (
          <Text size="sm" mb="xs" fw={500}>
            {notice}
          </Text>
        )}
      </div>
      {batches.isPending && <LoadingState />}
      {batches.isError && <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />}
      {batches.data && batches.data.items.length === 0 && <Text c="dimmed">{t(`${K}.no_batches`)}</Text>}
      {batches.data && batches.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped className="data-table">
            <Table.Caption>{t(`${K}.batches_caption`, { count: batches.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.batch`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.person`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.status`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.where`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.units`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.shipped`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.signed_for`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.accepted`)}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{t('web.common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Th scope="row" fw={500}>
                    {d.id}
                  </Table.Th>
                  <Table.Td>{d.personName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" c="dark.7" color="gray" size="sm">
                      {t(`equipment.delivery.statuses.${d.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {d.mode === 'home'
                      ? [d.address, d.carrier, d.carrierRef].filter(Boolean).join(' · ')
                      : t(`${K}.at_site`, { site: d.site })}
                  </Table.Td>
                  <Table.Td>{d.items.map((item) => item.assetTag).join(', ')}</Table.Td>
                  <Table.Td>{formatInstant(d.shippedAt)}</Table.Td>
                  <Table.Td>{formatDay(d.signedForOn, 'medium')}</Table.Td>
                  <Table.Td>{formatInstant(d.acceptedAt)}</Table.Td>
                  <Table.Td>
                    <BatchActions delivery={d} onDone={setNotice} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {batches.data && (
        <Pager page={page} pageCount={Math.ceil(batches.data.total / PAGE)} onChange={setPage} />
      )}
    </Paper>
  );
}

/** The steps a batch may take next, each behind a dialog. */
function BatchActions(props: { delivery: Delivery; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const { delivery } = props;
  const [step, setStep] = useState<Step | null>(null);
  const steps: Step[] = [];
  if (delivery.status === 'prepared') steps.push('ship');
  if (delivery.status === 'shipped' || (delivery.status === 'delivered' && delivery.signedForOn === null))
    steps.push('deliver');
  if (delivery.status === 'shipped' && delivery.acceptedAt === null) steps.push('return');
  const label = (s: Step) =>
    s === 'ship' && delivery.mode === 'site' ? t(`${K}.actions.hand_over`) : t(`${K}.actions.${s}`);
  return (
    <Group gap="xs" wrap="nowrap">
      {steps.map((s) => (
        <Button
          key={s}
          size="xs"
          variant={s === 'return' ? 'default' : 'light'}
          onClick={() => setStep(s)}
          aria-label={`${label(s)} ${delivery.id}`}
        >
          {label(s)}
        </Button>
      ))}
      {step && (
        <StepDialog
          delivery={delivery}
          step={step}
          title={label(step)}
          onClose={() => setStep(null)}
          onDone={props.onDone}
        />
      )}
    </Group>
  );
}

function StepDialog(props: {
  delivery: Delivery;
  step: Step;
  title: string;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const { delivery, step } = props;
  const queryClient = useQueryClient();
  const [carrier, setCarrier] = useState(delivery.carrier ?? '');
  const [carrierRef, setCarrierRef] = useState(delivery.carrierRef ?? '');
  const [signedForOn, setSignedForOn] = useState(brusselsToday());
  const [note, setNote] = useState('');
  const submission = useSubmission({
    fields: ['carrier', 'carrierRef', 'signedForOn', 'note'],
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body =
      step === 'ship'
        ? { ...(carrier && { carrier }), ...(carrierRef && { carrierRef }) }
        : step === 'deliver'
          ? { signedForOn }
          : { ...(note && { note }) };
    void submission.run(async () => {
      await api(`/equipment/deliveries/${encodeURIComponent(delivery.id)}/${step}`, { method: 'POST', body });
      props.onDone(t(`${K}.step_done.${step}`, { id: delivery.id }));
      props.onClose();
    });
  };
  const error = (field: string) => submission.byField[field];
  return (
    <Dialog opened onClose={props.onClose} title={`${props.title} — ${delivery.id}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Text size="sm" mb="xs">
          {delivery.personName}
        </Text>
        <ItemsTable delivery={delivery} />
        {step === 'ship' && delivery.mode === 'home' && (
          <Group grow mt="sm" align="flex-start">
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
          </Group>
        )}
        {step === 'ship' && delivery.mode === 'site' && (
          <Text size="sm" mt="sm">
            {t(`${K}.hand_over_help`, { site: delivery.site })}
          </Text>
        )}
        {step === 'deliver' && (
          <TextInput
            type="date"
            mt="sm"
            label={t(`${K}.signed_for_on`)}
            description={t(`${K}.signed_for_on_help`)}
            max={brusselsToday()}
            value={signedForOn}
            onChange={(event) => setSignedForOn(event.currentTarget.value)}
            error={error('signedForOn')}
            required
          />
        )}
        {step === 'return' && (
          <>
            <Text size="sm" mt="sm">
              {t(`${K}.return_help`)}
            </Text>
            <TextInput
              mt="sm"
              label={t(`${K}.return_note`)}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={error('note')}
            />
          </>
        )}
        <FormErrors
          title={submission.others.length > 0 ? t(`${K}.step_failed`) : null}
          messages={submission.others}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={props.onClose}>
            {t('web.common.cancel')}
          </Button>
          <Button type="submit" loading={submission.isPending}>
            {props.title}
          </Button>
        </Group>
      </form>
    </Dialog>
  );
}
