import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  OrgUnit,
  Partner,
  PersonDetail,
  PersonSummary,
} from '../../../../src/modules/directory/schemas.js';
import { api } from '../../app/api.js';

export type { OrgUnit, Partner, PersonDetail, PersonSummary };
export type Page<T> = { items: T[]; total: number };

export type PeopleFilter = {
  q?: string;
  role?: string;
  partner?: string;
  orgUnit?: string;
  isActive?: boolean;
  limit: number;
  offset: number;
};

export const directoryKeys = {
  people: ['directory', 'people'] as const,
  person: (id: string) => ['directory', 'person', id] as const,
  partners: ['directory', 'partners'] as const,
  orgUnits: ['directory', 'org-units'] as const,
};

export function usePeople(filter: PeopleFilter) {
  return useQuery({
    queryKey: [...directoryKeys.people, filter],
    queryFn: ({ signal }) => api<Page<PersonSummary>>('/directory/people', { query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One person with contact details: the server audits this read, so only the edit page asks. */
export function usePerson(id: string) {
  return useQuery({
    queryKey: directoryKeys.person(id),
    queryFn: ({ signal }) => api<PersonDetail>(`/directory/people/${encodeURIComponent(id)}`, { signal }),
    staleTime: 0,
  });
}

export function usePartners(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: directoryKeys.partners,
    queryFn: ({ signal }) => api<{ items: Partner[] }>('/directory/partners', { signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

export function useOrgUnits(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: directoryKeys.orgUnits,
    queryFn: ({ signal }) => api<{ items: OrgUnit[] }>('/directory/org-units', { signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

/** Partners and units carry a French and a Dutch name; English readers get the French one. */
export const localName = (item: { nameFr: string; nameNl: string }, language: string): string =>
  language === 'nl' ? item.nameNl : item.nameFr;
