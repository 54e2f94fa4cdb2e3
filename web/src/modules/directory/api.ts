import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  OrgUnit,
  OrgUnitList,
  Partner,
  PartnerList,
  PeoplePage,
  PeopleQuery,
  PersonDetail,
  PersonSummary,
} from '../../../../src/modules/directory/contract.js';
import { api } from '../../app/api.js';

export type { OrgUnit, Partner, PersonDetail, PersonSummary };

/** A page of the people list (the server checks the values the page takes from its address). */
export type PeopleFilter = Omit<PeopleQuery, 'format'> & Required<Pick<PeopleQuery, 'limit' | 'offset'>>;

export const directoryKeys = {
  people: ['directory', 'people'] as const,
  person: (id: string) => ['directory', 'person', id] as const,
  partners: ['directory', 'partners'] as const,
  orgUnits: ['directory', 'org-units'] as const,
};

export function usePeople(filter: PeopleFilter) {
  return useQuery({
    queryKey: [...directoryKeys.people, filter],
    queryFn: ({ signal }) => api<PeoplePage>('/directory/people', { query: filter, signal }),
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
    queryFn: ({ signal }) => api<PartnerList>('/directory/partners', { signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

export function useOrgUnits(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: directoryKeys.orgUnits,
    queryFn: ({ signal }) => api<OrgUnitList>('/directory/org-units', { signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

/** Partners and units carry a French and a Dutch name; English readers get the French one. */
export const localName = (item: { nameFr: string; nameNl: string }, language: string): string =>
  language === 'nl' ? item.nameNl : item.nameFr;
