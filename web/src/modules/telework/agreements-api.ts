import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AgreementDecision,
  AgreementDetail,
  AgreementEnding,
  AgreementList,
  AgreementRequest,
  AgreementStatus,
  Eligibility,
  Policy,
  StaffProfile,
  TeleworkFunction,
} from '../../../../src/modules/telework/contract.js';
import { api } from '../../app/api.js';

export type AgreementScope = 'mine' | 'team' | 'all';

export const agreementKeys = {
  all: ['telework', 'agreements'] as const,
  list: (scope: AgreementScope, status: AgreementStatus | null, page: number) =>
    ['telework', 'agreements', 'list', scope, status, page] as const,
  detail: (id: string) => ['telework', 'agreements', 'detail', id] as const,
  eligibility: ['telework', 'agreements', 'eligibility'] as const,
  policy: ['telework', 'policy'] as const,
  functions: ['telework', 'functions'] as const,
  profile: (person: string) => ['telework', 'profiles', person] as const,
};

export const PAGE_SIZE = 25;

const path = (id: string, tail = '') => `/telework/agreements/${encodeURIComponent(id)}${tail}`;

/** The agreements of a scope: mine, those I decide (waiting for me first), or everyone's (HR). */
export function useAgreements(
  scope: AgreementScope,
  status: AgreementStatus | null,
  page = 1,
  isEnabled = true,
) {
  return useQuery({
    queryKey: agreementKeys.list(scope, status, page),
    queryFn: ({ signal }) =>
      api<AgreementList>('/telework/agreements', {
        query: { scope, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useAgreement(id: string) {
  return useQuery({
    queryKey: agreementKeys.detail(id),
    queryFn: ({ signal }) => api<AgreementDetail>(path(id), { signal }),
    staleTime: 0,
  });
}

export function useEligibility() {
  return useQuery({
    queryKey: agreementKeys.eligibility,
    queryFn: ({ signal }) => api<Eligibility>('/telework/eligibility', { signal }),
  });
}

export const requestAgreement = (body: AgreementRequest) =>
  api<AgreementDetail>('/telework/agreements', { method: 'POST', body });
export const decideAgreement = (id: string, body: AgreementDecision) =>
  api<AgreementDetail>(path(id, '/decision'), { method: 'POST', body });
export const signAgreement = (id: string) => api<AgreementDetail>(path(id, '/signature'), { method: 'POST' });
export const withdrawAgreement = (id: string) =>
  api<AgreementDetail>(path(id, '/withdrawal'), { method: 'POST' });
export const endAgreement = (id: string, body: AgreementEnding) =>
  api<AgreementDetail>(path(id, '/ending'), { method: 'POST', body });
/** The written agreement as a PDF: a plain link, the browser opens it. */
export const agreementPdfUrl = (id: string) => `/api/v1${path(id, '/pdf')}`;

// ---- HR: the policy, the functions, each person's profile --------------------------------------

export function usePolicy() {
  return useQuery({
    queryKey: agreementKeys.policy,
    queryFn: ({ signal }) => api<Policy>('/telework/policy', { signal }),
  });
}
export const savePolicy = (body: Policy) => api<Policy>('/telework/policy', { method: 'PUT', body });

export function useFunctions() {
  return useQuery({
    queryKey: agreementKeys.functions,
    queryFn: ({ signal }) => api<{ items: TeleworkFunction[] }>('/telework/functions', { signal }),
  });
}
export const saveFunction = (body: TeleworkFunction) =>
  api<TeleworkFunction>(`/telework/functions/${encodeURIComponent(body.code)}`, { method: 'PUT', body });

/** A person's profile, or null when HR has recorded none yet. */
export function useProfile(person: string | null) {
  return useQuery({
    queryKey: agreementKeys.profile(person ?? ''),
    queryFn: async ({ signal }) => {
      try {
        return await api<StaffProfile>(`/telework/profiles/${encodeURIComponent(person ?? '')}`, { signal });
      } catch (error) {
        if ((error as { code?: string }).code === 'telework.profile_not_found') return null;
        throw error;
      }
    },
    enabled: person !== null,
    staleTime: 0,
  });
}
export const saveProfile = (person: string, body: StaffProfile) =>
  api<StaffProfile>(`/telework/profiles/${encodeURIComponent(person)}`, { method: 'PUT', body });
