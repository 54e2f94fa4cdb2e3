import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatInstant } from '../../app/format.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { type HistoryItem, useHistory } from './api.js';
import { periodText } from './knowledge-format.js';
import { ToneBadge } from './tone-badge.js';
import { hasDifference, WordDiff } from './word-diff.js';
import './knowledge.css';

/** Every published version of an entry, newest first, with what it changed in each language. */
export function EntryHistoryPage() {
  const { t } = useTranslation();
  const { ref = '' } = useParams();
  const history = useHistory(ref);
  return (
    <>
      <PageHeader
        title={t('web.knowledge.history.title', { ref })}
        description={t('web.knowledge.history.intro')}
        actions={
          <Anchor component={Link} to={`/knowledge/search?ref=${encodeURIComponent(ref)}`} size="sm">
            {t('web.knowledge.history.read_current')}
          </Anchor>
        }
      />
      <Text size="sm" mb="md" className="kb-diff">
        {t('web.knowledge.history.legend')} <ins>{t('web.knowledge.history.added')}</ins> ·{' '}
        <del>{t('web.knowledge.history.removed')}</del>
      </Text>
      {history.isPending ? (
        <LoadingState />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <Empty title={t('web.knowledge.history.empty')} />
      ) : (
        <Stack gap="md">
          {history.data.map((item) => (
            <VersionCard key={item.version} item={item} />
          ))}
        </Stack>
      )}
    </>
  );
}

function VersionCard(props: { item: HistoryItem }) {
  const { t, i18n } = useTranslation();
  const { item } = props;
  const titleId = `kb-version-${item.version}`;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4" id={titleId}>
          {t('web.knowledge.history.version', { version: item.version })}
        </Title>
        <Group gap="xs">
          <ToneBadge tone="muted" size="md">
            {periodText(item.validFrom, item.validTo, i18n.language, t)}
          </ToneBadge>
          <Text size="sm" c="dimmed">
            {t('web.knowledge.history.published_at', { at: formatInstant(item.publishedAt) })}
          </Text>
        </Group>
      </Group>
      {item.reviewComment && (
        <Text size="sm" mb="sm">
          <strong>{t('web.knowledge.history.review_comment')}:</strong> {item.reviewComment}
        </Text>
      )}
      {item.diff === null ? (
        <Text size="sm" c="dimmed">
          {t('web.knowledge.history.first_version')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" className="kb-diff">
          {(['fr', 'nl'] as const).map((language) => {
            const diff = item.diff![language];
            const isChanged = hasDifference(diff.question) || hasDifference(diff.answer);
            return (
              <div key={language}>
                <Title order={3} fz="h6" mb={4}>
                  {t(`web.knowledge.languages.${language}`)}
                </Title>
                {isChanged ? (
                  <>
                    <Text size="xs" fw={600} c="dimmed">
                      {t('web.knowledge.fields.question')}
                    </Text>
                    <WordDiff diff={diff.question} language={language} />
                    <Text size="xs" fw={600} c="dimmed" mt="xs">
                      {t('web.knowledge.fields.answer')}
                    </Text>
                    <WordDiff diff={diff.answer} language={language} />
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('web.knowledge.history.no_text_change')}
                  </Text>
                )}
              </div>
            );
          })}
        </SimpleGrid>
      )}
    </Paper>
  );
}
