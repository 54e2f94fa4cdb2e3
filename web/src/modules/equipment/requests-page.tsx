import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  EquipmentRequest,
  PendingAgeReport,
  RequestList,
  Reservation,
} from '../../../../src/modules/equipment/contract.js';
import { ASSET_TYPES, REQUEST_STATUSES } from '../../../../src/modules/equipment/contract.js';
import { ApiError, api } from '../../app/api.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { TableDownload } from '../../app/table-download.js';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../app/ui.js';
import { K, RequestWhat, StatusOf } from './request-parts.js';

const PAGE = 50;
type Action = 'reserve' | 'release' | 'pay' | 'cancel';

/**
 * ICT's queue: every request with filters, the new colleagues' kits grouped with their due date,
 * and the reserve button (which says plainly when the stock is out), then the pending requests by age.
 */
export function EquipmentRequestsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('open');
  const [type, setType] = useState('');
  const [kind, setKind] = useState('');
  const [kits, setKits] = useState(false);
  const [page, setPage] = useState(1);
  const query = {
    scope: 'all',
    ...(status && { status }),
    ...(type && { type }),
    ...(kind && { kind }),
    ...(kits && { kits: 'true' }),
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const list = useQuery({
    queryKey: ['equipment', 'requests', 'all', query],
    queryFn: ({ signal }) => api<RequestList>('/equipment/requests', { signal, query }),
    placeholderData: keepPreviousData,
  });
  const submission = useSubmission<string>({
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const act = (request: EquipmentRequest, action: Action) =>
    void submission.run(async () => {
      const answer = await api<Reservation | EquipmentRequest>(
        `/equipment/requests/${encodeURIComponent(request.id)}/${action}`,
        { method: 'POST' },
      );
      return action === 'reserve'
        ? t(`${K}.reserved_notice`, { id: request.id, tag: (answer as Reservation).asset_tag })
        : t(`${K}.done_notice.${action}`, { id: request.id });
    }, `${request.id}:${action}`);
  const outOfStock = submission.error instanceof ApiError && submission.error.code === 'out_of_stock';
  const select = (
    label: string,
    value: string,
    set: (v: string) => void,
    options: { value: string; label: string }[],
  ) => (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => {
        set(e.currentTarget.value);
        setPage(1);
      }}
      data={[{ value: '', label: t(`${K}.any`) }, ...options]}
    />
  );
  const items = list.data?.items ?? [];
  // Kits side by side: the requests of one new colleague under one heading with the due date.
  const groups = kits
    ? [
        ...new Map(
          items.map((r) => [r.kitId ?? r.id, items.filter((i) => (i.kitId ?? i.id) === (r.kitId ?? r.id))]),
        ),
      ]
    : [['', items] as const];
  return (
    <>
      <PageHeader title={t('web.areas.eqRequests.title')} description={t(`${K}.queue_intro`)} />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="eq-queue">
          <Title order={2} fz="h4" id="eq-queue" mb="sm">
            {t(`${K}.queue_title`)}
          </Title>
          <Group align="flex-end" mb="sm" wrap="wrap">
            {select(
              t(`${K}.column.status`),
              status,
              setStatus,
              REQUEST_STATUSES.map((s) => ({ value: s, label: t(`equipment.status.${s}`) })),
            )}
            {select(
              t(`${K}.column.type`),
              type,
              setType,
              ASSET_TYPES.map((s) => ({ value: s, label: t(`equipment.type.${s}`) })),
            )}
            {select(t(`${K}.column.kind`), kind, setKind, [
              { value: 'item', label: t('equipment.kind.item') },
              { value: 'contribution', label: t('equipment.kind.contribution') },
            ])}
            <Checkbox
              label={t(`${K}.kits_only`)}
              checked={kits}
              onChange={(e) => {
                setKits(e.currentTarget.checked);
                setPage(1);
              }}
              mb={8}
            />
          </Group>
          <div aria-live="polite">
            {submission.notice && <Text c="teal.9">{submission.notice}</Text>}
            {submission.error !== null && (
              <Alert color="red" role="alert" title={errorMessage(submission.error)}>
                {outOfStock && t(`${K}.out_of_stock_help`)}
              </Alert>
            )}
          </div>
          {list.isPending && <LoadingState />}
          {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
          {list.data && items.length === 0 && <Empty title={t(`${K}.queue_empty`)} />}
          {groups.map(([kit, rows]) => (
            <Stack key={kit || 'all'} gap={4} mt={kit ? 'sm' : 0}>
              {kit && (
                <Group gap="xs">
                  <Text fw={700}>{rows[0]?.personName}</Text>
                  <Badge variant="light" c="blue.9">
                    {t(`${K}.kit_due`, { day: rows[0]?.dueOn })}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {kit}
                  </Text>
                </Group>
              )}
              {rows.length > 0 && (
                <Table.ScrollContainer minWidth={760}>
                  <Table striped className="data-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t(`${K}.column.id`)}</Table.Th>
                        <Table.Th scope="col">{t(`${K}.column.person`)}</Table.Th>
                        <Table.Th scope="col">{t(`${K}.column.what`)}</Table.Th>
                        <Table.Th scope="col">{t(`${K}.column.status`)}</Table.Th>
                        <Table.Th scope="col">{t(`${K}.column.delivery`)}</Table.Th>
                        <Table.Th scope="col">{t(`${K}.column.due_on`)}</Table.Th>
                        <Table.Th scope="col">{t(`${K}.column.tag`)}</Table.Th>
                        <Table.Th scope="col">
                          <span className="sr-only">{t('web.common.actions')}</span>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((request) => (
                        <Table.Tr key={request.id}>
                          <Table.Td>{request.id}</Table.Td>
                          <Table.Td>{request.personName}</Table.Td>
                          <Table.Td>
                            <RequestWhat request={request} />
                          </Table.Td>
                          <Table.Td>
                            <StatusOf request={request} />
                          </Table.Td>
                          <Table.Td>
                            {request.delivery ? t(`${K}.delivery.${request.delivery}`) : '—'}
                            {request.site && ` · ${request.site}`}
                          </Table.Td>
                          <Table.Td>{request.dueOn ?? '—'}</Table.Td>
                          <Table.Td>{request.assetTag ?? '—'}</Table.Td>
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              {(['reserve', 'release', 'pay', 'cancel'] as const)
                                .filter((action) => request.actions.includes(action))
                                .map((action) => (
                                  <Button
                                    key={action}
                                    size="xs"
                                    variant={action === 'reserve' || action === 'pay' ? 'filled' : 'default'}
                                    loading={submission.pendingKey === `${request.id}:${action}`}
                                    onClick={() => act(request, action)}
                                    aria-label={t(`${K}.action_on.${action}`, { id: request.id })}
                                  >
                                    {t(`${K}.action.${action}`)}
                                  </Button>
                                ))}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          ))}
          {list.data && (
            <Pager page={page} pageCount={Math.ceil(list.data.total / PAGE)} onChange={setPage} />
          )}
        </Paper>
        <PendingByAge />
      </Stack>
    </>
  );
}

function PendingByAge() {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['equipment', 'reports', 'pending'],
    queryFn: ({ signal }) => api<PendingAgeReport>('/equipment/reports/pending-requests', { signal }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="eq-pending-age">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4" id="eq-pending-age">
          {t(`${K}.pending_title`)}
        </Title>
        <TableDownload path="/equipment/reports/pending-requests" query={{}} />
      </Group>
      {report.isPending && <LoadingState />}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <Table.ScrollContainer minWidth={400}>
          <Table className="data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.column.age_days`)}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t(`${K}.column.count`)}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.buckets.map((bucket) => (
                <Table.Tr key={bucket.bucket}>
                  <Table.Td>{t(`${K}.bucket`, { bucket: bucket.bucket })}</Table.Td>
                  <Table.Td ta="right">{bucket.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
