import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AcknowledgementBoard,
  ChainItem,
  ChangeItem,
  ContentLanguage,
  Deflection,
  DraftPatch,
  DraftView,
  EntryView,
  HistoryItem,
  NewEntry,
  PendingChanges,
  Preview,
  QueueItem,
  SearchHit,
  SearchMiss,
  SearchResponse,
  StaleItem,
  SynonymGroupView,
  TextDiff,
  ThemeView,
} from '../../../../src/modules/knowledge/contract.js';
import { api } from '../../app/api.js';

export type {
  AcknowledgementBoard,
  ChainItem,
  ChangeItem,
  ContentLanguage,
  DraftPatch,
  DraftView,
  EntryView,
  HistoryItem,
  NewEntry,
  PendingChanges,
  QueueItem,
  SearchHit,
  SearchMiss,
  SearchResponse,
  StaleItem,
  SynonymGroupView,
  TextDiff,
  ThemeView,
};

type Items<T> = { items: T[] };

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  themes: ['knowledge', 'themes'] as const,
  search: ['knowledge', 'search'] as const,
  entry: (ref: string, asOf: string | null) => ['knowledge', 'entry', ref, asOf] as const,
  draft: (ref: string) => ['knowledge', 'draft', ref] as const,
  history: (ref: string) => ['knowledge', 'history', ref] as const,
  reviewQueue: ['knowledge', 'queues', 'review'] as const,
  translationQueue: ['knowledge', 'queues', 'translation'] as const,
  staleQueue: ['knowledge', 'queues', 'stale'] as const,
  pendingChanges: ['knowledge', 'changes', 'pending'] as const,
  board: ['knowledge', 'changes', 'board'] as const,
  synonyms: ['knowledge', 'synonyms'] as const,
  misses: (days: number) => ['knowledge', 'misses', days] as const,
  deflections: (days: number) => ['knowledge', 'deflections', days] as const,
  preview: (markdown: string) => ['knowledge', 'preview', markdown] as const,
};

export const entryPath = (ref: string) => `/knowledge/entries/${encodeURIComponent(ref)}`;

export function useThemes() {
  return useQuery({
    queryKey: knowledgeKeys.themes,
    queryFn: ({ signal }) => api<Items<ThemeView>>('/knowledge/themes', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export type SearchParams = {
  q: string;
  lang: ContentLanguage;
  asOf: string;
  theme: string | null;
  /** Only entries of this audience (the ICT helpdesk suggests its `internal` ones). */
  audience?: 'internal';
};

/**
 * Search as you type. Each keystroke (once debounced) is a new query key; the request of the key
 * left behind loses its last observer and React Query aborts it through `signal`, so a slow answer
 * to "overbrug" never replaces the one to "overbruggingsrecht".
 */
export function useSearch(params: SearchParams) {
  const q = params.q.trim();
  return useQuery({
    queryKey: [...knowledgeKeys.search, { ...params, q }],
    queryFn: ({ signal }) =>
      api<SearchResponse>('/knowledge/search', {
        query: {
          q,
          lang: params.lang,
          as_of: params.asOf,
          theme: params.theme,
          audience: params.audience,
          limit: 20,
        },
        signal,
      }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** A published entry as a reader sees it on `asOf` (null: today, the server's Brussels day). */
export function useEntry(ref: string | null, asOf: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.entry(ref ?? '', asOf),
    queryFn: ({ signal }) => api<EntryView>(entryPath(ref ?? ''), { query: { as_of: asOf }, signal }),
    enabled: Boolean(ref),
    // Every opening is counted by the server; the agent reloads by hand when told of a change.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * A Markdown answer as readers will see it, rendered and sanitised by the server's renderer (the
 * one that renders published answers). The caller debounces `markdown`; the request of a text
 * left behind is aborted through `signal`, and the previous rendering stays up meanwhile.
 */
export function usePreview(markdown: string, options: { enabled: boolean }) {
  return useQuery({
    queryKey: knowledgeKeys.preview(markdown),
    queryFn: ({ signal }) =>
      api<Preview>('/knowledge/preview', { method: 'POST', body: { markdown }, signal }),
    enabled: options.enabled && markdown.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    select: (data) => data.html,
  });
}

export function useDraft(ref: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: knowledgeKeys.draft(ref),
    queryFn: ({ signal }) => api<DraftView>(`${entryPath(ref)}/draft`, { signal }),
    enabled: options.enabled ?? true,
    staleTime: 0,
  });
}

export function useHistory(ref: string) {
  return useQuery({
    queryKey: knowledgeKeys.history(ref),
    queryFn: ({ signal }) => api<Items<HistoryItem>>(`${entryPath(ref)}/history`, { signal }),
    select: (data) => data.items,
  });
}

const useList = <T>(key: readonly unknown[], path: string) =>
  useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<Items<T>>(path, { signal }),
    select: (data) => data.items,
    staleTime: 0,
  });

export const useReviewQueue = () => useList<QueueItem>(knowledgeKeys.reviewQueue, '/knowledge/queues/review');
export const useTranslationQueue = () =>
  useList<QueueItem>(knowledgeKeys.translationQueue, '/knowledge/queues/translation');
export const useStaleEntries = () => useList<StaleItem>(knowledgeKeys.staleQueue, '/knowledge/queues/stale');
/** What a fund narrows its pending changes to, and which page of them it reads. */
export type PendingFilter = { theme: string | null; kind: ChangeItem['kind'] | null; page: number };
export const CHANGES_PAGE_SIZE = 25;

export function usePendingChanges(filter: PendingFilter) {
  const query = {
    ...(filter.theme && { theme: filter.theme }),
    ...(filter.kind && { kind: filter.kind }),
    limit: CHANGES_PAGE_SIZE,
    offset: (filter.page - 1) * CHANGES_PAGE_SIZE,
  };
  return useQuery({
    queryKey: [...knowledgeKeys.pendingChanges, query],
    queryFn: ({ signal }) => api<PendingChanges>('/knowledge/changes/pending', { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
export const useSynonyms = () => useList<SynonymGroupView>(knowledgeKeys.synonyms, '/knowledge/synonyms');

export const BOARD_PAGE_SIZE = 20;

export function useAcknowledgementBoard(page: number) {
  const query = { limit: BOARD_PAGE_SIZE, offset: (page - 1) * BOARD_PAGE_SIZE };
  return useQuery({
    queryKey: [...knowledgeKeys.board, query],
    queryFn: ({ signal }) =>
      api<AcknowledgementBoard>('/knowledge/changes/acknowledgements', { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The entries that answered people on the public question form before they asked (for the editors). */
export function useDeflections(days: number) {
  return useQuery({
    queryKey: knowledgeKeys.deflections(days),
    queryFn: ({ signal }) => api<Items<Deflection>>('/knowledge/deflections', { query: { days }, signal }),
    select: (data) => data.items,
    staleTime: 0,
  });
}

export function useSearchMisses(days: number) {
  return useQuery({
    queryKey: knowledgeKeys.misses(days),
    queryFn: ({ signal }) => api<Items<SearchMiss>>('/knowledge/search-misses', { query: { days }, signal }),
    select: (data) => data.items,
    staleTime: 0,
  });
}
