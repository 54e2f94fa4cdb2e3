import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AcceptanceList, ReturnList } from '../../../../src/modules/equipment/contract.js';
import { api } from '../../app/api.js';
import { formatDay, formatInstant } from '../../app/format.js';
import { useCurrentUser } from '../../app/session.js';
import { ErrorState, LoadingState } from '../../app/ui.js';

const K = 'web.equipment.deliveries';

// The person's own papers on the My equipment page: the receipts they signed, and the return
// receipts (PDF) of what they gave back. Their tables scroll sideways on a phone, natively and
// focusable, so a keyboard scrolls them too.

/** The receipts the person confirmed, each with the units by tag and serial. */
export function SignedReceipts() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const list = useQuery({
    queryKey: ['equipment', 'acceptances', 'mine'],
    queryFn: ({ signal }) =>
      api<AcceptanceList>('/equipment/acceptances', { query: { person: me.username }, signal }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="signed-receipts">
      <Title order={2} fz="h4" id="signed-receipts" mb="sm">
        {t(`${K}.signed_title`)}
      </Title>
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t(`${K}.no_signed`)}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer
          minWidth={560}
          type="native"
          tabIndex={0}
          role="group"
          aria-labelledby="signed-receipts"
        >
          <Table striped className="data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.accepted`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.batch`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.units`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatInstant(a.acceptedAt)}</Table.Td>
                  <Table.Td>{a.deliveryId ?? '—'}</Table.Td>
                  <Table.Td>
                    {a.items
                      .map((item) => `${item.assetTag}${item.serial ? ` (${item.serial})` : ''}`)
                      .join(', ')}
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

/** The return receipts of what the person gave back, each a PDF. */
export function ReturnReceipts() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const list = useQuery({
    queryKey: ['equipment', 'returns', 'mine'],
    queryFn: ({ signal }) =>
      api<ReturnList>('/equipment/returns', { query: { person: me.username }, signal }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="return-receipts">
      <Title order={2} fz="h4" id="return-receipts" mb="sm">
        {t(`${K}.returns_title`)}
      </Title>
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t(`${K}.no_returns`)}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer
          minWidth={560}
          type="native"
          tabIndex={0}
          role="group"
          aria-labelledby="return-receipts"
        >
          <Table striped className="data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.returned_on`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.units`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.receipt`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDay(r.returnedOn, 'medium')}</Table.Td>
                  <Table.Td>{r.items.map((item) => item.assetTag).join(', ')}</Table.Td>
                  <Table.Td>
                    <Anchor
                      href={`/api/v1/equipment/returns/${encodeURIComponent(r.id)}/receipt`}
                      target="_blank"
                    >
                      {t(`${K}.receipt_pdf`, { id: r.id })}
                    </Anchor>
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
