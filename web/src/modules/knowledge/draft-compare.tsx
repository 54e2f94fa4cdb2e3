import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DraftView, ThemeView } from './api.js';
import { periodText, themeLabel } from './knowledge-format.js';

/**
 * A draft as the reviewer must see it before publishing: French and Dutch side by side, with the
 * period, audience and references they share. The answers are shown as their Markdown source:
 * what the editors wrote is what the reviewer approves.
 */
export function DraftCompare(props: { draft: DraftView; themes: ThemeView[] | undefined }) {
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
        <dt>{t('web.knowledge.fields.legalBasis')}</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{content.legalBasis || '—'}</dd>
        <dt>{t('web.knowledge.fields.sources')}</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{content.sources.join('\n') || '—'}</dd>
      </dl>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {(['fr', 'nl'] as const).map((language) => (
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
            <p className="kb-plain-text" lang={language}>
              {content[language].answer || '—'}
            </p>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
