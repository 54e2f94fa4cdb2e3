import { Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, LoadingState } from '../../../app/ui.js';
import { ReadingPane } from '../../knowledge/reading-pane.js';
import { SearchResults } from '../../knowledge/search-results.js';
import type { NewCall } from './use-new-call.js';

/** The FAQ entries valid today that match the question as it is typed; one of them is the answer. */
export function CallSuggestions(props: { call: NewCall }) {
  const { t } = useTranslation();
  const { chosen } = props.call;
  const entryProblem = props.call.submission.byField.entry_ref;
  return (
    <section aria-labelledby="call-suggestions-title">
      <Group justify="space-between" mb={6}>
        <Title order={3} fz="h5" id="call-suggestions-title">
          {t('web.inquiries.new_call.suggestions')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('web.inquiries.new_call.valid_today')}
        </Text>
      </Group>
      <SuggestionList call={props.call} />
      {entryProblem && (
        <Text size="sm" c="red.9" mt={6} role="alert">
          {chosen ? entryProblem : t('web.inquiries.new_call.choose_first')}
        </Text>
      )}
    </section>
  );
}

function SuggestionList(props: { call: NewCall }) {
  const { t } = useTranslation();
  const { query, search, hits, values, chosen, chosenIndex, choose } = props.call;
  if (!query)
    return (
      <Text c="dimmed" size="sm">
        {t('web.inquiries.new_call.start_typing')}
      </Text>
    );
  if (search.isPending) return <LoadingState />;
  if (search.isError) return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  if (hits.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('web.inquiries.new_call.no_suggestion')}
      </Text>
    );
  return (
    <SearchResults
      hits={hits}
      language={values.language}
      isFallback={search.data.fallback}
      activeIndex={chosenIndex}
      openRef={chosen}
      onOpen={choose}
    />
  );
}

/** The chosen entry in full, to read out to the caller. */
export function ChosenEntryPreview(props: { call: NewCall }) {
  const { t } = useTranslation();
  const { chosen, values, choose } = props.call;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section aria-label={t('web.inquiries.new_call.preview')} className="kb-pane" tabIndex={0}>
      {chosen ? (
        <ReadingPane
          entryRef={chosen}
          asOf={null}
          language={values.language}
          isChanged={false}
          onReload={() => undefined}
          onOpen={choose}
        />
      ) : (
        <Empty
          title={t('web.inquiries.new_call.nothing_chosen')}
          description={t('web.inquiries.new_call.nothing_chosen_help')}
        />
      )}
    </section>
  );
}

/** Said to screen readers while the focus stays in the question: how many suggestions, which is chosen. */
export function SuggestionAnnouncements(props: { call: NewCall }) {
  const { t } = useTranslation();
  const { query, search, hits, chosen, chosenEntry, values } = props.call;
  return (
    <>
      <Text className="sr-only" role="status" aria-live="polite">
        {query && search.data ? t('web.inquiries.new_call.suggestion_count', { count: hits.length }) : ''}
      </Text>
      <Text className="sr-only" role="status" aria-live="polite">
        {chosen && chosenEntry.data
          ? t('web.inquiries.new_call.chosen', {
              ref: chosen,
              question: chosenEntry.data[values.language].question,
            })
          : ''}
      </Text>
    </>
  );
}
