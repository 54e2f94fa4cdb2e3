import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../../app/format.js';
import { DeadlineBadge } from '../inquiry-deadlines.js';
import { InquiryStatusBadge } from '../inquiry-labels.js';
import { type TicketSummaryView, ticketPath } from './helpdesk-api.js';
import { K } from './ticket-form.js';

/** Tickets as a table: reference (opens it), when, category, what, status; for ICT also who asked, who works it and the deadline. */
export function TicketTable(props: { tickets: TicketSummaryView[]; forIct: boolean; caption: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={props.forIct ? 960 : 640}>
      <Table striped highlightOnHover>
        <caption className="sr-only">{props.caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`${K}.fields.ref`)}</Table.Th>
            <Table.Th>{t(`${K}.fields.created_at`)}</Table.Th>
            <Table.Th>{t(`${K}.fields.category`)}</Table.Th>
            {props.forIct && <Table.Th>{t(`${K}.fields.employee`)}</Table.Th>}
            <Table.Th>{t(`${K}.fields.question`)}</Table.Th>
            <Table.Th>{t(`${K}.fields.status`)}</Table.Th>
            {props.forIct && <Table.Th>{t(`${K}.fields.assignee`)}</Table.Th>}
            {props.forIct && <Table.Th>{t(`${K}.fields.deadline`)}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.tickets.map((ticket) => (
            <Table.Tr key={ticket.ref}>
              <Table.Th scope="row">
                <Anchor component={Link} to={ticketPath(ticket.ref)} ff="monospace">
                  {ticket.ref}
                </Anchor>
              </Table.Th>
              <Table.Td>{formatInstant(ticket.created_at)}</Table.Td>
              <Table.Td>{ticket.category ? t(`helpdesk.category.${ticket.category}`) : '—'}</Table.Td>
              {props.forIct && <Table.Td>{ticket.employee?.name ?? '—'}</Table.Td>}
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {ticket.question}
                </Text>
              </Table.Td>
              <Table.Td>
                <InquiryStatusBadge status={ticket.status} />
              </Table.Td>
              {props.forIct && <Table.Td>{ticket.assignee?.name ?? '—'}</Table.Td>}
              {props.forIct && (
                <Table.Td>
                  {ticket.status === 'closed' ? '—' : <DeadlineBadge deadlines={ticket.deadlines} />}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
