import { Grid, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { type ContentLanguage, knowledgeKeys, useEntry, useSearch } from './api.js';
import { useEntryChanges } from './entry-events.js';
import { contentLanguageOf, moveActive } from './knowledge-format.js';
import { ReadingPane } from './reading-pane.js';
import { SearchFilters } from './search-filters.js';
import { RESULTS_ID, resultId, SearchResults } from './search-results.js';
import './knowledge.css';
import { withParam } from '../../app/url-params.js';

const isDay = (value: string | null): value is string => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));

/**
 * The FAQ as agents use it while a caller talks: type, arrows, Enter. What is typed, the language,
 * the day and the open entry live in the address, so a link or Back brings the same screen.
 */
export function KnowledgeSearchPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => brusselsToday(), []);
  const language: ContentLanguage =
    params.get('lang') === 'nl' || params.get('lang') === 'fr'
      ? (params.get('lang') as ContentLanguage)
      : contentLanguageOf(i18n.language);
  const asOfParam = params.get('as_of');
  const asOf = asOfParam === 'any' ? 'any' : isDay(asOfParam) ? asOfParam : today;
  const theme = params.get('theme');
  const openRef = params.get('ref');

  const [text, setText] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(text, 150);
  const search = useSearch({ q: debounced, lang: language, asOf, theme });
  const hits = debounced.trim() ? (search.data?.results ?? []) : [];
  const [activeIndex, setActiveIndex] = useState(-1);
  const entryAsOf = asOf === 'any' ? null : asOf;
  // The pane's own query (same key): read here only to announce what opened.
  const openEntry = useEntry(openRef, entryAsOf);
  const [changedRefs, setChangedRefs] = useState<ReadonlySet<string>>(new Set());

  const setParam = (name: string, value: string | null) =>
    setParams(() => withParam(name, value), { replace: true });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text updates the address.
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced.trim()) setParam('q', debounced.trim() || null);
  }, [debounced]);
  // A new answer list starts with nothing highlighted: Enter then opens the best match.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the list itself changes.
  useEffect(() => setActiveIndex(-1), [search.data]);

  useEntryChanges(
    (ref) => {
      setChangedRefs((current) => new Set(current).add(ref));
      // The list may now rank differently; the open text is left alone until the agent reloads it.
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.search });
    },
    () => {
      // Too much changed while the connection was away to tell entry by entry: the open entry may
      // have changed too, so it offers its reload like after a single notice.
      if (openRef) setChangedRefs((current) => new Set(current).add(openRef));
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.search });
    },
  );

  const open = (ref: string) => setParam('ref', ref);
  const reload = () => {
    if (!openRef) return;
    setChangedRefs((current) => {
      const next = new Set(current);
      next.delete(openRef);
      return next;
    });
    void queryClient.invalidateQueries({ queryKey: ['knowledge', 'entry', openRef] });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = moveActive(activeIndex, event.key === 'ArrowDown' ? 1 : -1, hits.length);
      setActiveIndex(next);
      document.getElementById(resultId(hits[next]?.ref ?? ''))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[activeIndex] ?? hits[0];
      if (hit) open(hit.ref);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      setText('');
    }
  };

  const activeHit = hits[activeIndex];
  const hasList = hits.length > 0;
  return (
    <>
      <PageHeader title={t('web.areas.kbSearch.title')} description={t('web.knowledge.search.intro')} />
      <Paper withBorder p="md" mb="md" component="search" aria-label={t('web.knowledge.search.form_label')}>
        <Stack gap="sm">
          <TextInput
            label={t('web.knowledge.search.query')}
            description={t('web.knowledge.search.query_help')}
            placeholder={t('web.knowledge.search.placeholder')}
            type="search"
            size="md"
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            // The page exists to type into this box, at once, while a caller waits.
            autoFocus
            autoComplete="off"
            spellCheck={false}
            lang={language}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={hasList}
            aria-controls={hasList ? RESULTS_ID : undefined}
            aria-activedescendant={activeHit ? resultId(activeHit.ref) : undefined}
          />
          <SearchFilters
            language={language}
            asOf={asOf}
            today={today}
            theme={theme}
            onLanguage={(value) => setParam('lang', value)}
            onAsOf={(value) => setParam('as_of', value === today ? null : value)}
            onTheme={(value) => setParam('theme', value)}
          />
        </Stack>
      </Paper>
      {/* Said to screen readers while the focus stays in the box: how many results, and what opened. */}
      <Text className="sr-only" role="status" aria-live="polite">
        {debounced.trim() && search.data
          ? `${t('web.knowledge.search.count', { count: hits.length })}${search.data.fallback ? ` ${t('web.knowledge.search.fallback_title')}` : ''}`
          : ''}
      </Text>
      <Text className="sr-only" role="status" aria-live="polite">
        {openEntry.data
          ? t('web.knowledge.read.opened', {
              ref: openEntry.data.ref,
              question: openEntry.data[language].question,
            })
          : ''}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <section aria-label={t('web.knowledge.search.results_label')}>
            {!debounced.trim() ? (
              <Text c="dimmed" size="sm">
                {t('web.knowledge.search.start_typing')}
              </Text>
            ) : search.isPending ? (
              <LoadingState />
            ) : search.isError ? (
              <ErrorState error={search.error} onRetry={() => void search.refetch()} />
            ) : hits.length === 0 ? (
              <Empty
                title={t('web.knowledge.search.none')}
                description={t('web.knowledge.search.none_help')}
              />
            ) : (
              <SearchResults
                hits={hits}
                language={language}
                isFallback={search.data.fallback}
                activeIndex={activeIndex}
                openRef={openRef}
                onOpen={open}
              />
            )}
          </section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {/* On wide screens the entry stays in view beside a long result list, scrolling on its own
              (focusable, so a keyboard can scroll it too). */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
          <section aria-label={t('web.knowledge.read.pane_label')} className="kb-pane" tabIndex={0}>
            {openRef ? (
              <ReadingPane
                entryRef={openRef}
                asOf={entryAsOf}
                language={language}
                isChanged={changedRefs.has(openRef)}
                onReload={reload}
                onOpen={open}
              />
            ) : (
              <Empty
                title={t('web.knowledge.read.nothing_open')}
                description={t('web.knowledge.read.nothing_open_help')}
              />
            )}
          </section>
        </Grid.Col>
      </Grid>
    </>
  );
}
