import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  HelpdeskCategory,
  HelpdeskFigures,
  NewTicket,
  TicketDetailView,
  TicketListQuery,
  TicketPage,
  TicketSummaryView,
} from '../../../../../src/modules/inquiries/contract.js';
import { ApiError, api } from '../../../app/api.js';

export { HELPDESK_CATEGORIES } from '../../../../../src/modules/inquiries/contract.js';
export type { HelpdeskCategory, HelpdeskFigures, NewTicket, TicketDetailView, TicketSummaryView };

export const helpdeskKeys = {
  all: ['helpdesk'] as const,
  list: ['helpdesk', 'list'] as const,
  one: (ref: string) => ['helpdesk', 'one', ref] as const,
  figures: (from: string | null, to: string | null) => ['helpdesk', 'figures', from, to] as const,
};

export const ticketPath = (ref: string) => `/helpdesk/tickets/${encodeURIComponent(ref)}`;

export type TicketFilter = Omit<TicketListQuery, 'limit' | 'offset'> & { limit: number; offset: number };

export function useTickets(filter: TicketFilter) {
  return useQuery({
    queryKey: [...helpdeskKeys.list, filter],
    queryFn: ({ signal }) => api<TicketPage>('/helpdesk/tickets', { query: filter, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useTicket(ref: string) {
  return useQuery({
    queryKey: helpdeskKeys.one(ref),
    queryFn: ({ signal }) => api<TicketDetailView>(ticketPath(ref), { signal }),
    staleTime: 0,
  });
}

export function useHelpdeskFigures(from: string | null, to: string | null) {
  return useQuery({
    queryKey: helpdeskKeys.figures(from, to),
    queryFn: ({ signal }) =>
      api<HelpdeskFigures>('/helpdesk/figures', {
        query: { ...(from && { from }), ...(to && { to }) },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status === 400) && count < 2,
  });
}

export const createTicket = (body: NewTicket) =>
  api<TicketSummaryView>('/helpdesk/tickets', { method: 'POST', body });

const post = (ref: string, action: string, body?: unknown) =>
  api<void>(`${ticketPath(ref)}/${action}`, { method: 'POST', body });

export const ticketActions = {
  claim: (ref: string) => post(ref, 'claim'),
  answer: (ref: string, body: string, close: boolean) => post(ref, 'answer', { body, close }),
  write: (ref: string, body: string, kind: 'incoming' | 'note') => post(ref, 'messages', { body, kind }),
  close: (ref: string, note?: string) => post(ref, 'close', note ? { note } : {}),
};
