import { Anchor, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CHANNELS, ORIGINS, STATUSES } from '../../../../src/modules/inquiries/contract.js';
import { parseInquiryRef } from '../../../../src/shared/spoken-refs.js';
import { formatInstant } from '../../app/format.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../app/ui.js';
import './inquiries.css';
import { TableDownload } from '../../app/table-download.js';
import { withParam } from '../../app/url-params.js';
import { type InquiryFilter, inquiryPath, useInquiries, useTeams } from './api.js';
import { InquiryStatusBadge, teamName } from './inquiry-labels.js';

const PAGE_SIZE = 25;
const FILTERS = ['channel', 'status', 'origin', 'team'] as const;

/**
 * Every inquiry, newest first: found by reference, NISS, enterprise number, name or words of the
 * question, and narrowed by channel, status, origin or team. Filters live in the address, so
 * Back and a shared link bring the same list.
 */
export function InquiriesPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const refTyped = parseInquiryRef(search);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const teams = useTeams();

  const setParam = (name: string, value: string | null) =>
    setParams(() => withParam(name, value, { resetPage: true }), { replace: true });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives the query.
  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch.trim()) setParam('q', debouncedSearch.trim() || null);
  }, [debouncedSearch]);

  const criteria = {
    q: params.get('q') ?? undefined,
    ...Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined])),
  } as Omit<InquiryFilter, 'limit' | 'offset'>;
  const filter: InquiryFilter = { ...criteria, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const inquiries = useInquiries(filter);
  const pageCount = Math.max(1, Math.ceil((inquiries.data?.total ?? 0) / PAGE_SIZE));
  const hasFilter = Object.values(criteria).some(Boolean);

  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`web.inquiries.${prefix}.${value}`) }));

  return (
    <>
      <PageHeader
        title={t('web.areas.inqList.title')}
        description={t('web.inquiries.list.intro')}
        actions={
          <>
            <TableDownload path="/inquiries" query={criteria} />
            {hasAbility(me, 'inquiries.work') && (
              <Button component={Link} to="/inquiries/new">
                {t('web.areas.inqNew.title')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md" mb="md" component="search" aria-label={t('web.inquiries.list.filters')}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            label={t('web.inquiries.list.search')}
            description={
              // Said back as read: the agent sees that "q 2026 2" is taken for Q-2026-000002.
              refTyped && refTyped !== search.trim()
                ? t('web.inquiries.list.read_as_ref', { ref: refTyped })
                : t('web.inquiries.list.search_help')
            }
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            type="search"
            name="q"
            autoComplete="off"
            w={300}
          />
          <Select
            label={t('web.inquiries.fields.channel')}
            placeholder={t('web.common.all')}
            data={options(CHANNELS, 'channels')}
            value={params.get('channel')}
            onChange={(value) => setParam('channel', value)}
            clearable
            clearButtonProps={{ 'aria-label': t('web.common.clear') }}
            w={160}
          />
          <Select
            label={t('web.inquiries.fields.status')}
            placeholder={t('web.common.all')}
            data={options(STATUSES, 'statuses')}
            value={params.get('status')}
            onChange={(value) => setParam('status', value)}
            clearable
            clearButtonProps={{ 'aria-label': t('web.common.clear') }}
            w={190}
          />
          <Select
            label={t('web.inquiries.fields.origin')}
            placeholder={t('web.common.all')}
            data={options(ORIGINS, 'origins')}
            value={params.get('origin')}
            onChange={(value) => setParam('origin', value)}
            clearable
            clearButtonProps={{ 'aria-label': t('web.common.clear') }}
            w={230}
          />
          <Select
            label={t('web.inquiries.fields.team')}
            placeholder={t('web.common.all')}
            data={(teams.data ?? []).map((team) => ({
              value: team.code,
              label: teamName(team, i18n.language),
            }))}
            value={params.get('team')}
            onChange={(value) => setParam('team', value)}
            clearable
            clearButtonProps={{ 'aria-label': t('web.common.clear') }}
            w={230}
          />
        </Group>
      </Paper>

      {inquiries.isPending ? (
        <LoadingState />
      ) : inquiries.isError ? (
        <ErrorState error={inquiries.error} onRetry={() => void inquiries.refetch()} />
      ) : inquiries.data.items.length === 0 ? (
        <Empty
          title={hasFilter ? t('web.inquiries.list.none_found') : t('web.inquiries.list.empty')}
          description={hasFilter ? t('web.inquiries.list.none_found_help') : undefined}
        />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="sm" className="data-table" captionSide="bottom">
              <Table.Caption>
                {t('web.inquiries.list.caption', { count: inquiries.data.total })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.inquiries.fields.ref')}</Table.Th>
                  <Table.Th scope="col">{t('web.inquiries.fields.created_at')}</Table.Th>
                  <Table.Th scope="col">{t('web.inquiries.fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('web.inquiries.fields.channel')}</Table.Th>
                  <Table.Th scope="col">{t('web.inquiries.fields.requester')}</Table.Th>
                  <Table.Th scope="col">{t('web.inquiries.fields.question')}</Table.Th>
                  <Table.Th scope="col">{t('web.inquiries.fields.team')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody aria-busy={inquiries.isFetching}>
                {inquiries.data.items.map((item) => (
                  <Table.Tr key={item.ref} data-ref={item.ref}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={inquiryPath(item.ref)}
                        ff="monospace"
                        fw={600}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {item.ref}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatInstant(item.created_at)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <InquiryStatusBadge status={item.status} partnerAnsweredAt={item.partner_answered_at} />
                    </Table.Td>
                    <Table.Td>{t(`web.inquiries.channels.${item.channel}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.requester.name ?? '—'}</Text>
                      {item.requester.niss && (
                        <Text size="xs" c="dimmed" ff="monospace">
                          {item.requester.niss}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={380}>
                      <Text size="sm" lineClamp={2} lang={item.language}>
                        {item.question}
                      </Text>
                    </Table.Td>
                    <Table.Td>{item.team ? teamName(item.team, i18n.language) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Pager page={page} pageCount={pageCount} onChange={(value) => setParam('page', String(value))} />
    </>
  );
}
