import { Alert, Anchor, Badge, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ROLES } from '../../../../src/platform/auth/contract.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { TableDownload } from '../../app/table-download.js';
import { Empty, ErrorState, LoadingState, PageHeader, Pager, StatusBadge } from '../../app/ui.js';
import { withParam } from '../../app/url-params.js';
import { localName, type PeopleFilter, usePartners, usePeople } from './api.js';

const PAGE_SIZE = 25;

/** The searchable, filterable list of people; filters live in the address so Back and links keep them. */
export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const canWrite = hasAbility(me, 'directory.people.write');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const partners = usePartners({ enabled: hasAbility(me, 'directory.partners.read') });

  const setParam = (name: string, value: string | null) => {
    setParams(() => withParam(name, value, { resetPage: true }), { replace: true, state: null });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives the query.
  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch.trim()) setParam('q', debouncedSearch.trim() || null);
  }, [debouncedSearch]);

  const status = params.get('status');
  const filter: PeopleFilter = {
    q: params.get('q') ?? undefined,
    role: (params.get('role') ?? undefined) as PeopleFilter['role'],
    partner: params.get('partner') ?? undefined,
    ...(status && { isActive: status === 'active' }),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const people = usePeople(filter);
  const pageCount = Math.max(1, Math.ceil((people.data?.total ?? 0) / PAGE_SIZE));
  const hasFilter = Boolean(filter.q || filter.role || filter.partner || status);

  return (
    <>
      <PageHeader
        title={t('web.areas.people.title')}
        description={t('web.people.intro')}
        actions={
          <>
            <TableDownload
              path="/directory/people"
              query={{
                q: filter.q,
                role: filter.role,
                partner: filter.partner,
                ...(status && { isActive: String(status === 'active') }),
              }}
            />
            {canWrite && (
              <>
                <Button component={Link} to="/directory/import" variant="default">
                  {t('web.people.import')}
                </Button>
                <Button component={Link} to="/directory/people/new">
                  {t('web.people.new')}
                </Button>
              </>
            )}
          </>
        }
      />
      {notice && (
        <Alert color="teal" role="status" mb="md">
          {notice}
        </Alert>
      )}
      <Paper withBorder p="md" mb="md" component="search" aria-label={t('web.people.filters')}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            label={t('web.people.search')}
            placeholder={t('web.people.search_placeholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            type="search"
            w={260}
          />
          <Select
            label={t('web.people.role_filter')}
            placeholder={t('web.common.all')}
            data={ROLES.map((role) => ({ value: role, label: t(`web.roles.names.${role}`) }))}
            value={params.get('role')}
            onChange={(value) => setParam('role', value)}
            clearable
            w={200}
          />
          <Select
            label={t('web.people.partner_filter')}
            placeholder={t('web.common.all')}
            data={(partners.data ?? []).map((p) => ({ value: p.code, label: localName(p, i18n.language) }))}
            value={params.get('partner')}
            onChange={(value) => setParam('partner', value)}
            clearable
            searchable
            w={260}
          />
          <Select
            label={t('web.people.status_filter')}
            placeholder={t('web.common.all')}
            data={[
              { value: 'active', label: t('web.common.active') },
              { value: 'inactive', label: t('web.common.inactive') },
            ]}
            value={status}
            onChange={(value) => setParam('status', value)}
            clearable
            w={160}
          />
        </Group>
      </Paper>

      {people.isPending ? (
        <LoadingState />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => void people.refetch()} />
      ) : people.data.items.length === 0 ? (
        <Empty
          title={hasFilter ? t('web.people.none_found') : t('web.people.empty')}
          description={hasFilter ? t('web.people.none_found_help') : undefined}
        />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" className="data-table" captionSide="bottom">
              <Table.Caption>{t('web.people.caption', { count: people.data.total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.people.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('web.people.fields.username')}</Table.Th>
                  <Table.Th scope="col">{t('web.people.fields.roles')}</Table.Th>
                  <Table.Th scope="col">{t('web.people.fields.orgUnit')}</Table.Th>
                  <Table.Th scope="col">{t('web.people.fields.partner')}</Table.Th>
                  <Table.Th scope="col">{t('web.people.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody aria-busy={people.isFetching}>
                {people.data.items.map((person) => (
                  <Table.Tr key={person.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/directory/people/${person.id}`} fw={500}>
                        {person.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {person.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {person.roles.map((role) => (
                          <Badge key={role} variant="light" size="sm">
                            {t(`web.roles.names.${role}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{person.orgUnit ?? '—'}</Table.Td>
                    <Table.Td>{person.partner ?? '—'}</Table.Td>
                    <Table.Td>
                      <StatusBadge isActive={person.isActive} />
                    </Table.Td>
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
