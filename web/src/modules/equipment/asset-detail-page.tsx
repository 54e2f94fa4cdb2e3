import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type AssetDetail,
  SETTABLE_STATUSES,
} from '../../../../src/modules/equipment/contract/asset-contract.js';
import type { AssetTicketList } from '../../../../src/modules/inquiries/contract.js';
import { api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { useSubmission } from '../../app/submission.js';
import { ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';

const K = 'web.equipment.asset';
const FIELDS = ['status', 'site', 'desk', 'note', 'model', 'serial'] as const;

/**
 * One asset: what and where it is, who holds it, its whole history, ICT's change of status, and the
 * helpdesk tickets that name it.
 */
export function AssetDetailPage() {
  const { t } = useTranslation();
  const { tag = '' } = useParams();
  const asset = useQuery({
    queryKey: ['equipment', 'asset', tag],
    queryFn: ({ signal }) => api<AssetDetail>(`/equipment/assets/${encodeURIComponent(tag)}`, { signal }),
  });
  if (asset.isPending) return <LoadingState />;
  if (asset.isError) return <ErrorState error={asset.error} onRetry={() => void asset.refetch()} />;
  const a = asset.data;
  const place = [t(`equipment.location.${a.location}`), a.site, a.desk].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        title={`${a.tag} – ${t(`equipment.type.${a.type}`)}`}
        description={a.model}
        actions={
          <Button component={Link} to="/equipment/assets" variant="default">
            {t(`${K}.back`)}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <Paper withBorder p="md" component="section" aria-labelledby="asset-facts">
            <Title order={2} fz="h4" id="asset-facts" mb="sm">
              {t(`${K}.facts`)}
            </Title>
            <dl className="facts">
              <dt>{t(`${K}.status`)}</dt>
              <dd>
                <Badge variant="light">{t(`equipment.status.${a.status}`)}</Badge>
              </dd>
              <dt>{t(`${K}.where`)}</dt>
              <dd>{place}</dd>
              <dt>{t(`${K}.holder`)}</dt>
              <dd>{a.holder?.name ?? '—'}</dd>
              <dt>{t(`${K}.serial`)}</dt>
              <dd>{a.serial ?? '—'}</dd>
            </dl>
          </Paper>
          <ChangeForm asset={a} />
        </Stack>
        <Paper withBorder p="md" component="section" aria-labelledby="asset-history">
          <Title order={2} fz="h4" id="asset-history" mb="sm">
            {t(`${K}.history`)}
          </Title>
          <Timeline active={a.moves.length - 1} bulletSize={14} lineWidth={2}>
            {[...a.moves].reverse().map((move) => (
              <Timeline.Item
                key={`${move.at}-${move.kind}-${move.toStatus}`}
                title={t(`web.equipment.moves.${move.kind}`, { defaultValue: move.kind })}
              >
                <Text size="sm">
                  {move.fromStatus ? `${t(`equipment.status.${move.fromStatus}`)} → ` : ''}
                  {t(`equipment.status.${move.toStatus}`)} · {t(`equipment.location.${move.location}`)}
                  {move.site ? ` · ${move.site}` : ''}
                  {move.desk ? ` · ${move.desk}` : ''}
                  {move.holder ? ` · ${move.holder.name}` : ''}
                </Text>
                {move.note && (
                  <Text size="sm" c="dimmed">
                    {move.note}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {formatInstant(move.at)}
                  {move.actor ? ` · ${move.actor.name}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      </SimpleGrid>
      <AssetTickets tag={a.tag} />
    </>
  );
}

/** The helpdesk tickets that name the asset: a unit that keeps failing shows here (the helpdesk's API). */
function AssetTickets(props: { tag: string }) {
  const { t } = useTranslation();
  const tickets = useQuery({
    queryKey: ['helpdesk', 'asset-tickets', props.tag],
    queryFn: ({ signal }) =>
      api<AssetTicketList>(`/helpdesk/assets/${encodeURIComponent(props.tag)}/tickets`, { signal }),
  });
  const H = 'web.helpdesk.fields';
  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="asset-tickets">
      <Title order={2} fz="h4" id="asset-tickets" mb="sm">
        {t(`${K}.tickets_title`)}
      </Title>
      {tickets.isPending && <LoadingState />}
      {tickets.isError && <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} />}
      {tickets.data?.items.length === 0 && <Text c="dimmed">{t(`${K}.tickets_none`)}</Text>}
      {tickets.data && tickets.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped className="data-table">
            <caption className="sr-only">{t(`${K}.tickets_caption`, { tag: props.tag })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${H}.ref`)}</Table.Th>
                <Table.Th scope="col">{t(`${H}.created_at`)}</Table.Th>
                <Table.Th scope="col">{t(`${H}.category`)}</Table.Th>
                <Table.Th scope="col">{t(`${H}.employee`)}</Table.Th>
                <Table.Th scope="col">{t(`${H}.status`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tickets.data.items.map((ticket) => (
                <Table.Tr key={ticket.ref}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/helpdesk/tickets/${encodeURIComponent(ticket.ref)}`}>
                      {ticket.ref}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{formatInstant(ticket.created_at)}</Table.Td>
                  <Table.Td>{ticket.category ? t(`helpdesk.category.${ticket.category}`) : '—'}</Table.Td>
                  <Table.Td>{ticket.employee?.name ?? '—'}</Table.Td>
                  <Table.Td>{t(`web.inquiries.statuses.${ticket.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function ChangeForm(props: { asset: AssetDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { asset } = props;
  const [status, setStatus] = useState<string | null>(null);
  const [site, setSite] = useState(asset.site ?? '');
  const [desk, setDesk] = useState(asset.desk ?? '');
  const [note, setNote] = useState('');
  const sending = useSubmission({
    fields: FIELDS,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = { version: asset.version };
    if (status) body.status = status;
    if (site.trim() !== (asset.site ?? '')) body.site = site.trim() || null;
    if (desk.trim() !== (asset.desk ?? '')) body.desk = desk.trim() || null;
    if (note.trim()) body.note = note.trim();
    void sending.run(async () => {
      await api(`/equipment/assets/${encodeURIComponent(asset.tag)}`, { method: 'PATCH', body });
      setStatus(null);
      setNote('');
      return t(`${K}.changed`);
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="asset-change">
      <Title order={2} fz="h4" id="asset-change" mb="sm">
        {t(`${K}.change`)}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t(`${K}.new_status`)}
            placeholder={t(`equipment.status.${asset.status}`)}
            data={SETTABLE_STATUSES.map((s) => ({ value: s, label: t(`equipment.status.${s}`) }))}
            value={status}
            onChange={setStatus}
            clearable
            error={sending.byField.status}
          />
          <Group grow>
            <TextInput
              label={t(`${K}.site`)}
              value={site}
              onChange={(e) => setSite(e.currentTarget.value)}
              error={sending.byField.site}
            />
            <TextInput
              label={t(`${K}.desk`)}
              value={desk}
              onChange={(e) => setDesk(e.currentTarget.value)}
              error={sending.byField.desk}
            />
          </Group>
          <TextInput
            label={t(`${K}.note`)}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={sending.byField.note}
          />
          <FormErrors title={null} messages={sending.others} />
          {sending.notice && (
            <Alert color="teal" role="status">
              {sending.notice}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={sending.isPending}>
              {t(`${K}.save`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
