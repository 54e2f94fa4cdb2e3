import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  InquiryDetailView,
  InquirySummaryView,
} from '../../../../src/modules/inquiries/inquiry-view.js';
import type { NewInquiry } from '../../../../src/modules/inquiries/schemas.js';
import type { Channel, FlagKind, Origin, Status } from '../../../../src/modules/inquiries/vocabulary.js';
import { api } from '../../app/api.js';

export type { Channel, FlagKind, InquiryDetailView, InquirySummaryView, NewInquiry, Origin, Status };
export type Team = {
  code: string;
  name_fr: string;
  name_nl: string;
  first_answer_minutes: number;
  resolution_minutes: number;
  /** Whether the person asking belongs to the team (their queue opens on it). */
  is_member: boolean;
};
export type InquiryPage = { items: InquirySummaryView[]; total: number };

export type InquiryFilter = {
  q?: string | undefined;
  channel?: string | undefined;
  status?: string | undefined;
  origin?: string | undefined;
  team?: string | undefined;
  limit: number;
  offset: number;
};

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
  addMessage: (ref: string, body: { kind: 'incoming' | 'outgoing' | 'note'; body: string; via?: string }) =>
    post(ref, 'messages', body),
  flag: (ref: string, kind: FlagKind, note?: string) =>
    post(ref, 'flags', { kind, ...(note?.trim() && { note: note.trim() }) }),
  close: (ref: string, note?: string) => post(ref, 'close', note?.trim() ? { note: note.trim() } : {}),
};
