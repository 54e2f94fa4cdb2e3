import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContentLanguage, SearchHit } from './api.js';
import { periodText } from './knowledge-format.js';
import { ToneBadge } from './tone-badge.js';

export const RESULTS_ID = 'kb-results';
export const resultId = (ref: string) => `kb-result-${ref}`;

type Props = {
  hits: SearchHit[];
  language: ContentLanguage;
  isFallback: boolean;
  activeIndex: number;
  openRef: string | null;
  onOpen: (ref: string) => void;
};

/**
 * The answers to what was typed, as the listbox the search box controls: arrow keys move the
 * highlight (aria-activedescendant) while the focus stays in the box, so the agent keeps typing.
 */
export function SearchResults(props: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm">
      {props.isFallback && (
        <Alert
          color="orange"
          variant="light"
          role="note"
          className="kb-alert-warn"
          title={t('web.knowledge.search.fallback_title')}
        >
          {t('web.knowledge.search.fallback_text')}
        </Alert>
      )}
      <div
        role="listbox"
        id={RESULTS_ID}
        aria-label={t('web.knowledge.search.results_label')}
        className="kb-results"
      >
        {props.hits.map((hit, index) => {
          const isActive = index === props.activeIndex;
          return (
            // Options of a listbox driven by aria-activedescendant take no focus of their own: the
            // keyboard stays in the search box (search-page.tsx handles arrows and Enter there).
            // biome-ignore lint/a11y/useFocusableInteractive: see above.
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
            <div
              key={hit.ref}
              id={resultId(hit.ref)}
              role="option"
              aria-selected={isActive}
              data-open={hit.ref === props.openRef || undefined}
              className="kb-result"
              // The search box keeps the focus; a click only opens the entry.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => props.onOpen(hit.ref)}
            >
              <Group gap="xs" mb={4} wrap="wrap">
                <Text span ff="monospace" size="sm" fw={600}>
                  {hit.ref}
                </Text>
                <ToneBadge tone="muted">{periodText(hit.validFrom, hit.validTo, i18n.language, t)}</ToneBadge>
                {!hit.isValidOnDate && (
                  <ToneBadge tone="warn">{t('web.knowledge.search.other_period')}</ToneBadge>
                )}
              </Group>
              {/* Server-escaped text whose only markup is <mark> around the matched words. */}
              <Text
                fw={500}
                lang={props.language}
                className="kb-highlight"
                // biome-ignore lint/security/noDangerouslySetInnerHtml: server-escaped, <mark> only.
                dangerouslySetInnerHTML={{ __html: hit.highlights.question }}
              />
              {hit.highlights.answer && (
                <Text
                  size="sm"
                  c="dimmed"
                  lineClamp={2}
                  lang={props.language}
                  className="kb-highlight"
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: server-escaped, <mark> only.
                  dangerouslySetInnerHTML={{ __html: hit.highlights.answer }}
                />
              )}
            </div>
          );
        })}
      </div>
    </Stack>
  );
}
