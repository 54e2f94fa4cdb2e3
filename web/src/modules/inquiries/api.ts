import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Channel,
  FlagKind,
  InquiryDetailView,
  InquiryListQuery,
  InquiryPage,
  InquirySummaryView,
  NewInquiry,
  NewMessage,
  Origin,
  SocialPlatform,
  Status,
  TeamView,
} from '../../../../src/modules/inquiries/contract.js';
import { api } from '../../app/api.js';

export type {
  Channel,
  FlagKind,
  InquiryDetailView,
  InquirySummaryView,
  NewInquiry,
  NewMessage,
  Origin,
  SocialPlatform,
  Status,
};
export type Team = TeamView;

/** A page of the console's list (the server checks the values the page takes from its address). */
export type InquiryFilter = Pick<InquiryListQuery, 'q' | 'channel' | 'status' | 'origin' | 'team'> &
  Required<Pick<InquiryListQuery, 'limit' | 'offset'>>;

export const inquiryKeys = {
  all: ['inquiries'] as const,
  list: ['inquiries', 'list'] as const,
  one: (ref: string) => ['inquiries', 'one', ref] as const,
  teams: ['inquiries', 'teams'] as const,
};

export const inquiryPath = (ref: string) => `/inquiries/${encodeURIComponent(ref)}`;

export function useInquiries(filter: InquiryFilter) {
  return useQuery({
    queryKey: [...inquiryKeys.list, filter],
    queryFn: ({ signal }) => api<InquiryPage>('/inquiries', { query: filter, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** One inquiry with its thread (none asked while `ref` is null); the server audits each full read of the requester's data. */
export function useInquiry(ref: string | null) {
  return useQuery({
    queryKey: inquiryKeys.one(ref ?? ''),
    queryFn: ({ signal }) => api<InquiryDetailView>(inquiryPath(ref ?? ''), { signal }),
    enabled: ref !== null && ref !== '',
    staleTime: 0,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: inquiryKeys.teams,
    queryFn: ({ signal }) => api<Team[]>('/inquiries/teams', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Logs a call; the key makes a repeated submission (double press, retry) return the same inquiry. */
export const createInquiry = (body: NewInquiry, idempotencyKey: string) =>
  api<InquirySummaryView>('/inquiries', {
    method: 'POST',
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });

const post = (ref: string, action: string, body: unknown) =>
  api<void>(`${inquiryPath(ref)}/${action}`, { method: 'POST', body });

export const inquiryActions = {
  answerFromFaq: (ref: string, entryRef: string) => post(ref, 'answer-from-faq', { entry_ref: entryRef }),
  escalate: (ref: string, team: string, note: string) => post(ref, 'escalate', { team, note }),
  addMessage: (ref: string, body: NewMessage) => post(ref, 'messages', body),
  flag: (ref: string, kind: FlagKind, note?: string) =>
    post(ref, 'flags', { kind, ...(note?.trim() && { note: note.trim() }) }),
  close: (ref: string, note?: string) => post(ref, 'close', note?.trim() ? { note: note.trim() } : {}),
  /** Names the telephony's record of the call this phone inquiry was logged for. */
  linkCall: (ref: string, callId: string) => post(ref, 'call', { call_id: callId }),
};
