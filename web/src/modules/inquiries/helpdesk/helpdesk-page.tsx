import { Paper, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, LoadingState, PageHeader, Pager } from '../../../app/ui.js';
import { useTickets } from './helpdesk-api.js';
import { K, TicketForm } from './ticket-form.js';
import { TicketTable } from './ticket-table.js';

const PAGE_SIZE = 20;

/** The helpdesk for every member of staff: ask for help (the internal FAQ first), and follow one's tickets. */
export function HelpdeskPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('web.areas.hdHelp.title')} description={t(`${K}.intro`)} />
      <TicketForm />
      <MyTickets />
    </>
  );
}

function MyTickets() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  // For ICT the server lists every ticket: "mine" is what they asked themselves, which it filters by.
  const tickets = useTickets({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, mine: true });
  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby="helpdesk-mine-title">
      <Title order={2} fz="h4" id="helpdesk-mine-title" mb="sm">
        {t(`${K}.mine.title`)}
      </Title>
      {tickets.isPending ? (
        <LoadingState />
      ) : tickets.isError ? (
        <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} />
      ) : tickets.data.items.length === 0 ? (
        <Empty title={t(`${K}.mine.none`)} />
      ) : (
        <>
          <TicketTable tickets={tickets.data.items} forIct={false} caption={t(`${K}.mine.title`)} />
          <Pager page={page} pageCount={Math.ceil(tickets.data.total / PAGE_SIZE)} onChange={setPage} />
        </>
      )}
    </Paper>
  );
}
