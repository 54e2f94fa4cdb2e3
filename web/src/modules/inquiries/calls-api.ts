import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CallGrouping, CallStats } from '../../../../src/modules/inquiries/contract.js';
import { ApiError, api } from '../../app/api.js';

export type { CallGrouping, CallStats };

/** The call center's figures for a period, grouped one way; the previous figures stay while the next load. */
export function useCallStats(by: CallGrouping, from: string | null, to: string | null) {
  return useQuery({
    queryKey: ['inquiries', 'calls', 'stats', by, from, to],
    queryFn: ({ signal }) =>
      api<CallStats>('/stats/calls', {
        query: { by, ...(from && { from }), ...(to && { to }) },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status === 400) && count < 2,
  });
}
