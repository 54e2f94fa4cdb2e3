import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnswerPreview } from './answer-preview.js';
import type { DraftView, EntryView, ThemeView } from './api.js';
import { wordDiff } from './draft-diff.js';
import { periodText, themeLabel } from './knowledge-format.js';
import { WordDiff } from './word-diff.js';

/**
 * A draft as the reviewer must see it before publishing: the period, audience and references the
 * languages share, then each language with its answer rendered as readers will see it, beside what
 * the draft changes in the published version word by word (or, for a new entry, the Markdown the
 * editors wrote).
 */
export function DraftCompare(props: {
  draft: DraftView;
  themes: ThemeView[] | undefined;
  /** Whether the draft revises a published version (false for an entry never published). */
  isRevision: boolean;
  /** That published version, once it has arrived. */
  published?: EntryView | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { content } = props.draft;
  return (
    <Stack gap="md">
      <dl className="kb-details">
        <dt>{t('web.knowledge.fields.theme')}</dt>
        <dd>{themeLabel(content.theme, props.themes, i18n.language)}</dd>
        <dt>{t('web.knowledge.fields.audience')}</dt>
        <dd>{t(`web.knowledge.audiences.${content.audience}`)}</dd>
        <dt>{t('web.knowledge.fields.validity')}</dt>
        <dd>{periodText(content.validFrom, content.validTo, i18n.language, t)}</dd>
        <dt>{t('web.knowledge.fields.supersedes')}</dt>
        <dd>{content.supersedes ?? '—'}</dd>
        <dt>{t('web.knowledge.fields.tags')}</dt>
        <dd>
          {content.tags.length === 0 ? (
            '—'
          ) : (
            <Group gap={4} component="span">
              {content.tags.map((tag) => (
                <Badge key={tag} variant="light" size="sm">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </dd>
      </dl>
      {(['fr', 'nl'] as const).map((language) => {
        const before = props.published?.[language];
        return (
          <Paper
            key={language}
            withBorder
            p="md"
            component="section"
            aria-labelledby={`kb-compare-${language}`}
          >
            <Title order={3} fz="h6" id={`kb-compare-${language}`} mb="xs">
              {t(`web.knowledge.languages.${language}`)}
            </Title>
            <Text fw={600} mb="xs" lang={language}>
              {content[language].question || '—'}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <div>
                <Text size="xs" c="dimmed" mb={4}>
                  {t('web.knowledge.review.as_readers_see')}
                </Text>
                <AnswerPreview answer={content[language].answer} language={language} />
              </div>
              <div data-testid={`kb-diff-${language}`}>
                {props.isRevision && !before ? (
                  // The published version is still on its way: saying "never published" now would lie.
                  <Loader size="sm" aria-label={t('web.common.loading')} />
                ) : before ? (
                  <>
                    <Text size="xs" c="dimmed" mb={4}>
                      {t('web.knowledge.review.changes_since', { version: props.published!.version })}
                    </Text>
                    <WordDiff
                      diff={wordDiff(before.question, content[language].question)}
                      language={language}
                    />
                    <WordDiff diff={wordDiff(before.answer, content[language].answer)} language={language} />
                  </>
                ) : (
                  <>
                    <Text size="xs" c="dimmed" mb={4}>
                      {t('web.knowledge.review.markdown_source')}
                    </Text>
                    <p className="kb-plain-text" lang={language}>
                      {content[language].answer || '—'}
                    </p>
                  </>
                )}
              </div>
            </SimpleGrid>
            <dl className="kb-details" lang={language}>
              <dt>{t('web.knowledge.fields.legalBasis')}</dt>
              <dd style={{ whiteSpace: 'pre-wrap' }}>{content.legalBasis[language] || '—'}</dd>
              <dt>{t('web.knowledge.fields.sources')}</dt>
              <dd style={{ whiteSpace: 'pre-wrap' }}>{content.sources[language].join('\n') || '—'}</dd>
            </dl>
          </Paper>
        );
      })}
    </Stack>
  );
}
