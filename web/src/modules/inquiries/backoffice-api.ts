import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Partner, PersonSummary } from '../../../../src/modules/directory/schemas.js';
import type { Delivery } from '../../../../src/modules/inquiries/answer.js';
import type { CallbackOutcome } from '../../../../src/modules/inquiries/callback-policy.js';
import type { CallbackView } from '../../../../src/modules/inquiries/callbacks.js';
import type {
  InquiryDetailView,
  InquirySummaryView,
} from '../../../../src/modules/inquiries/inquiry-view.js';
import type { PartnerRequestView } from '../../../../src/modules/inquiries/partner-requests.js';
import type { InquiryLanguage, Status } from '../../../../src/modules/inquiries/vocabulary.js';
import { api } from '../../app/api.js';
import type { FaqAudience } from './backoffice-format.js';

// The back office, callback pool and funds' portal talk to the inquiries API through here.

export type {
  CallbackOutcome,
  CallbackView,
  Delivery,
  InquiryDetailView,
  InquiryLanguage,
  InquirySummaryView,
  PartnerRequestView,
  Status,
};

export type TeamView = {
  code: string;
  name_fr: string;
  name_nl: string;
  first_answer_minutes: number;
  resolution_minutes: number;
  is_member: boolean;
};
export type Page<T> = { items: T[]; total: number };
export type CallbackStatus = CallbackView['status'];
export type PartnerRequestStatus = PartnerRequestView['status'];

/** Keys under `inquiries`, so one invalidation refreshes every inquiries screen after a change. */
export const backofficeKeys = {
  all: ['inquiries'] as const,
  list: ['inquiries', 'list'] as const,
  one: (ref: string) => ['inquiries', 'one', ref] as const,
  teams: ['inquiries', 'teams'] as const,
  callbacks: (status: CallbackStatus) => ['inquiries', 'callbacks', status] as const,
  partnerRequests: (status: PartnerRequestStatus) => ['inquiries', 'partner-requests', status] as const,
  funds: ['inquiries', 'funds'] as const,
  experts: ['inquiries', 'experts'] as const,
};

export const inquiryDetailPath = (ref: string) => `/inquiries/${encodeURIComponent(ref)}`;
/** The knowledge module's editor, where a proposed FAQ draft is finished and sent for review. */
export const faqDraftPath = (entryRef: string) => `/knowledge/entries/${encodeURIComponent(entryRef)}/edit`;

export type ListQuery = {
  team?: string | undefined;
  status?: Status | undefined;
  open?: boolean | undefined;
  assignee?: 'me' | 'none' | undefined;
  limit: number;
  offset: number;
};

export function useInquiryList(query: ListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...backofficeKeys.list, query],
    queryFn: ({ signal }) => api<Page<InquirySummaryView>>('/inquiries', { query, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    staleTime: 0,
    // Colleagues take and answer inquiries meanwhile: a queue left open keeps up by itself.
    refetchInterval: 60_000,
  });
}

/** One inquiry with its thread; the server audits a full read of the requester's data. */
export function useInquiryDetail(ref: string | null) {
  return useQuery({
    queryKey: backofficeKeys.one(ref ?? ''),
    queryFn: ({ signal }) => api<InquiryDetailView>(inquiryDetailPath(ref ?? ''), { signal }),
    enabled: Boolean(ref),
    staleTime: 0,
  });
}

export function useTeamList() {
  return useQuery({
    queryKey: backofficeKeys.teams,
    queryFn: ({ signal }) => api<TeamView[]>('/inquiries/teams', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The social insurance funds an expert may ask (partners of kind `fund`, still active). */
export function useFunds(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: backofficeKeys.funds,
    queryFn: ({ signal }) => api<{ items: Partner[] }>('/directory/partners', { signal }),
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
      api<Page<PersonSummary>>('/directory/people', {
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
      api<Page<CallbackView>>('/inquiries/callbacks', { query: { status, limit: 200 }, signal }),
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

export function usePartnerRequests(status: PartnerRequestStatus) {
  return useQuery({
    queryKey: backofficeKeys.partnerRequests(status),
    queryFn: ({ signal }) =>
      api<Page<PartnerRequestView>>('/inquiries/partner-requests', { query: { status, limit: 200 }, signal }),
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

const post = <T = void>(path: string, body?: unknown) =>
  api<T>(path, { method: 'POST', ...(body !== undefined && { body }) });

export const backofficeActions = {
  claim: (ref: string) => post(`${inquiryDetailPath(ref)}/claim`),
  reassign: (body: { refs: string[]; assignee?: string | null; team?: string }) =>
    post<{ reassigned: number }>('/inquiries/reassign', body),
  askFund: (ref: string, fund: string, question: string) =>
    post<{ id: string }>(`${inquiryDetailPath(ref)}/partner-requests`, { fund, question }),
  answer: (ref: string, body: string, delivery: Delivery) =>
    post(`${inquiryDetailPath(ref)}/answer`, { body, delivery }),
  proposeFaq: (ref: string, body: { theme?: string; audience?: FaqAudience }) =>
    post<{ entry_ref: string }>(`${inquiryDetailPath(ref)}/propose-faq`, body),
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
  askAsFund: (body: {
    language: InquiryLanguage;
    question: string;
    requester?: { name?: string; niss?: string; enterprise_number?: string };
  }) => post<InquirySummaryView>('/inquiries', { channel: 'partner', ...body }),
};
