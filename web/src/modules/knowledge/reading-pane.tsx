import { Alert, Anchor, Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { ErrorState, LoadingState } from '../../app/ui.js';
import { type ContentLanguage, type EntryView, entryPath, useEntry } from './api.js';
import { EntryChain } from './entry-chain.js';
import { FeedbackButtons } from './feedback-buttons.js';
import { formatDay, isWebAddress, otherLanguage, periodText } from './knowledge-format.js';
import { ToneBadge } from './tone-badge.js';

type Props = {
  entryRef: string;
  /** The day the question is about; null: today. */
  asOf: string | null;
  language: ContentLanguage;
  isChanged: boolean;
  onReload: () => void;
  onOpen: (ref: string) => void;
};

/** The open entry, in the conversation's language, the other one a click away. */
export function ReadingPane(props: Props) {
  const { t } = useTranslation();
  const entry = useEntry(props.entryRef, props.asOf);
  if (entry.isPending) return <LoadingState />;
  if (entry.isError) return <ErrorState error={entry.error} onRetry={() => void entry.refetch()} />;
  return (
    <Stack gap="md">
      {props.isChanged && (
        <Alert color="yellow" variant="light" role="status" title={t('web.knowledge.read.changed_title')}>
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('web.knowledge.read.changed_text', { ref: props.entryRef })}</Text>
            <Button size="xs" onClick={props.onReload}>
              {t('web.knowledge.read.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      {/* A new language choice or entry starts the pane again in the search's language. */}
      <EntryText key={`${entry.data.ref}-${props.language}`} entry={entry.data} initial={props.language} />
      <EntryDetails entry={entry.data} language={props.language} onOpen={props.onOpen} />
    </Stack>
  );
}

function EntryText(props: { entry: EntryView; initial: ContentLanguage }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [language, setLanguage] = useState(props.initial);
  const { entry } = props;
  const other = otherLanguage(language);
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby="kb-entry-question">
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs">
        <Group gap="xs">
          <Text ff="monospace" fw={700}>
            {entry.ref}
          </Text>
          <ToneBadge tone={entry.isValidOnDate ? 'ok' : 'warn'} size="md">
            {entry.isValidOnDate
              ? t('web.knowledge.read.valid_on', { day: formatDay(entry.asOf, i18n.language) })
              : t('web.knowledge.read.not_valid_on', { day: formatDay(entry.asOf, i18n.language) })}
          </ToneBadge>
          {entry.isStale && (
            <ToneBadge tone="danger" size="md">
              {t('web.knowledge.read.stale')}
            </ToneBadge>
          )}
        </Group>
        <Button variant="default" size="xs" onClick={() => setLanguage(other)}>
          {t(`web.knowledge.read.show_in.${other}`)}
        </Button>
      </Group>
      <Title order={2} fz="h3" id="kb-entry-question" lang={language} mb="sm">
        {entry[language].question}
      </Title>
      {/* answerHtml is rendered and sanitised by the server (Markdown, raw HTML off, safe links only). */}
      <div
        className="kb-answer"
        lang={language}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server (see above).
        dangerouslySetInnerHTML={{ __html: entry.answerHtml[language] }}
      />
      <Divider my="md" />
      <Group justify="space-between" gap="sm">
        <FeedbackButtons entryRef={entry.ref} />
        <Group gap="xs">
          {hasAbility(me, 'knowledge.manage') && (
            <Button component={Link} to={`${entryPath(entry.ref)}/history`} variant="subtle" size="xs">
              {t('web.knowledge.read.history')}
            </Button>
          )}
          {hasAbility(me, 'knowledge.write') && (
            <Button component={Link} to={`${entryPath(entry.ref)}/edit`} variant="light" size="xs">
              {t('web.knowledge.read.edit')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function EntryDetails(props: { entry: EntryView; language: ContentLanguage; onOpen: (ref: string) => void }) {
  const { language } = props;
  const { t, i18n } = useTranslation();
  const { entry } = props;
  const themeName = i18n.language === 'nl' ? entry.themeName.nl : entry.themeName.fr;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="kb-entry-details">
      <Title order={3} fz="h5" id="kb-entry-details" mb="sm">
        {t('web.knowledge.read.details')}
      </Title>
      <dl className="kb-details">
        <dt>{t('web.knowledge.fields.validity')}</dt>
        <dd>{periodText(entry.validFrom, entry.validTo, i18n.language, t)}</dd>
        <dt>{t('web.knowledge.fields.theme')}</dt>
        <dd>{themeName}</dd>
        <dt>{t('web.knowledge.fields.audience')}</dt>
        <dd>{t(`web.knowledge.audiences.${entry.audience}`)}</dd>
        {entry.tags.length > 0 && (
          <>
            <dt>{t('web.knowledge.fields.tags')}</dt>
            <dd>
              <Group gap={4} component="span">
                {entry.tags.map((tag) => (
                  <Badge key={tag} variant="light" size="sm">
                    {tag}
                  </Badge>
                ))}
              </Group>
            </dd>
          </>
        )}
        {/* The references of the language read: a French text cites French references. */}
        {entry.legalBasis[language].trim() && (
          <>
            <dt>{t('web.knowledge.fields.legalBasis')}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }} lang={language}>
              {entry.legalBasis[language]}
            </dd>
          </>
        )}
        {entry.sources[language].length > 0 && (
          <>
            <dt>{t('web.knowledge.fields.sources')}</dt>
            <dd>
              <ul className="kb-plain-list">
                {entry.sources[language].map((source) => (
                  <li key={source}>
                    {isWebAddress(source) ? (
                      <Anchor href={source} target="_blank" rel="noopener noreferrer">
                        {source}
                      </Anchor>
                    ) : (
                      source
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {entry.chain.length > 1 && <EntryChain chain={entry.chain} asOf={entry.asOf} onOpen={props.onOpen} />}
    </Paper>
  );
}
