import { Group, NativeSelect, Paper, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../../app/ui.js';
import { HELPDESK_CATEGORIES, type HelpdeskCategory, type TicketFilter, useTickets } from './helpdesk-api.js';
import { K } from './ticket-form.js';
import { TicketTable } from './ticket-table.js';

const TABS = ['queue', 'mine', 'all'] as const;
type Tab = (typeof TABS)[number];
const PAGE_SIZE = 25;

/** Each tab as the list's filter: the team's queue (nobody's yet), my work, every ticket. */
const FILTERS: Record<Tab, Omit<TicketFilter, 'limit' | 'offset'>> = {
  queue: { assignee: 'none', open: true },
  mine: { assignee: 'me', open: true },
  all: {},
};

/**
 * ICT's side of the helpdesk, on the inquiries engine's queues: what waits for someone to take it,
 * what I am working on (each with its service-level deadline), and every ticket by category.
 */
export function HelpdeskQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : 'queue';
  const [category, setCategory] = useState<HelpdeskCategory | ''>('');
  const [page, setPage] = useState(1);
  const tickets = useTickets({
    ...FILTERS[tab],
    ...(category && { category }),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return (
    <>
      <PageHeader title={t('web.areas.hdQueue.title')} description={t(`${K}.queue.intro`)} />
      <Tabs
        value={tab}
        onChange={(value) => {
          setPage(1);
          if (value) setParams(value === 'queue' ? {} : { tab: value }, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`${K}.queue.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Paper withBorder p="md">
        <Group mb="sm">
          <NativeSelect
            label={t(`${K}.fields.category`)}
            value={category}
            onChange={(event) => {
              setPage(1);
              setCategory(event.currentTarget.value as HelpdeskCategory | '');
            }}
            data={[
              { value: '', label: t(`${K}.queue.all_categories`) },
              ...HELPDESK_CATEGORIES.map((code) => ({ value: code, label: t(`helpdesk.category.${code}`) })),
            ]}
          />
        </Group>
        {tickets.isPending ? (
          <LoadingState />
        ) : tickets.isError ? (
          <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} />
        ) : tickets.data.items.length === 0 ? (
          <Empty title={t(`${K}.queue.none`)} />
        ) : (
          <>
            <TicketTable tickets={tickets.data.items} forIct caption={t(`${K}.queue.tabs.${tab}`)} />
            <Pager page={page} pageCount={Math.ceil(tickets.data.total / PAGE_SIZE)} onChange={setPage} />
          </>
        )}
      </Paper>
    </>
  );
}
