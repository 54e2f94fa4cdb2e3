import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PartnerList, PeoplePage } from '../../../../src/modules/directory/contract.js';
import type {
  CallbackOutcome,
  CallbackPage,
  CallbackStatus,
  CallbackView,
  CreatedId,
  Delivery,
  FaqDraftProposed,
  FaqProposal,
  InquiryDetailView,
  InquiryLanguage,
  InquiryListQuery,
  InquiryPage,
  InquirySummaryView,
  NewInquiry,
  PartnerRequestPage,
  PartnerRequestStatus,
  PartnerRequestView,
  Reassigned,
  Reassignment,
  Status,
} from '../../../../src/modules/inquiries/contract.js';
import { api } from '../../app/api.js';
import { inquiryKeys, inquiryPath } from './api.js';

// One inquiry, its path and the teams are the console's too: the back-office screens import them from here.
export { inquiryPath, useInquiry, useTeams } from './api.js';

// The back office, callback pool and funds' portal talk to the inquiries API through here.

export type { Team as TeamView } from './api.js';
export type {
  CallbackOutcome,
  CallbackStatus,
  CallbackView,
  Delivery,
  InquiryDetailView,
  InquiryLanguage,
  InquirySummaryView,
  PartnerRequestStatus,
  PartnerRequestView,
  Status,
};

/** Keys under `inquiries` (inquiryKeys), so one invalidation refreshes every inquiries screen after a change. */
export const backofficeKeys = {
  ...inquiryKeys,
  callbacks: (status: CallbackStatus) => ['inquiries', 'callbacks', status] as const,
  partnerRequests: (status: PartnerRequestStatus) => ['inquiries', 'partner-requests', status] as const,
  funds: ['inquiries', 'funds'] as const,
  experts: ['inquiries', 'experts'] as const,
};

/** The knowledge module's editor, where a proposed FAQ draft is finished and sent for review. */
export const faqDraftPath = (entryRef: string) => `/knowledge/entries/${encodeURIComponent(entryRef)}/edit`;

export type ListQuery = Pick<InquiryListQuery, 'team' | 'status' | 'open' | 'assignee'> &
  Required<Pick<InquiryListQuery, 'limit' | 'offset'>>;

export function useInquiryList(query: ListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...backofficeKeys.list, query],
    queryFn: ({ signal }) => api<InquiryPage>('/inquiries', { query, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    staleTime: 0,
    // Colleagues take and answer inquiries meanwhile: a queue left open keeps up by itself.
    refetchInterval: 60_000,
  });
}

/** The social insurance funds an expert may ask (partners of kind `fund`, still active). */
export function useFunds(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: backofficeKeys.funds,
    queryFn: ({ signal }) => api<PartnerList>('/directory/partners', { signal }),
    select: (data) => data.items.filter((partner) => partner.kind === 'fund' && partner.isActive),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

/** Experts to hand inquiries to (the directory is read by managers and admins, who reassign). */
export function useExperts(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: backofficeKeys.experts,
    queryFn: ({ signal }) =>
      api<PeoplePage>('/directory/people', {
        query: { role: 'expert', isActive: true, limit: 200 },
        signal,
      }),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

export function useCallbacks(status: CallbackStatus) {
  return useQuery({
    queryKey: backofficeKeys.callbacks(status),
    queryFn: ({ signal }) =>
      api<CallbackPage>('/inquiries/callbacks', { query: { status, limit: 200 }, signal }),
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

export function usePartnerRequests(status: PartnerRequestStatus) {
  return useQuery({
    queryKey: backofficeKeys.partnerRequests(status),
    queryFn: ({ signal }) =>
      api<PartnerRequestPage>('/inquiries/partner-requests', { query: { status, limit: 200 }, signal }),
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

const post = <T = void>(path: string, body?: unknown) =>
  api<T>(path, { method: 'POST', ...(body !== undefined && { body }) });

export const backofficeActions = {
  claim: (ref: string) => post(`${inquiryPath(ref)}/claim`),
  reassign: (body: Reassignment) => post<Reassigned>('/inquiries/reassign', body),
  askFund: (ref: string, fund: string, question: string) =>
    post<CreatedId>(`${inquiryPath(ref)}/partner-requests`, { fund, question }),
  answer: (ref: string, body: string, delivery: Delivery) =>
    post(`${inquiryPath(ref)}/answer`, { body, delivery }),
  proposeFaq: (ref: string, body: Pick<FaqProposal, 'theme' | 'audience'>) =>
    post<FaqDraftProposed>(`${inquiryPath(ref)}/propose-faq`, body),
  claimCallback: (id: string) => post(`/inquiries/callbacks/${encodeURIComponent(id)}/claim`),
  recordAttempt: (id: string, outcome: CallbackOutcome, note?: string) =>
    post<{ status: CallbackStatus; due_at: string }>(
      `/inquiries/callbacks/${encodeURIComponent(id)}/attempts`,
      {
        outcome,
        ...(note?.trim() && { note: note.trim() }),
      },
    ),
  answerPartnerRequest: (id: string, answer: string) =>
    post(`/inquiries/partner-requests/${encodeURIComponent(id)}/answer`, { answer }),
  /** A fund's own question: the server makes it of channel `partner`, for the caller's fund. */
  askAsFund: (body: Pick<NewInquiry, 'language' | 'question' | 'requester'>) =>
    post<InquirySummaryView>('/inquiries', { channel: 'partner', ...body }),
};
