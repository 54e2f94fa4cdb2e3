import { Alert, Button, Fieldset, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../../app/submission.js';
import { AnswerPreview } from './answer-preview.js';
import type { ContentLanguage } from './api.js';
import { otherLanguage } from './knowledge-format.js';
import { languageStatus } from './language-status.js';
import { ToneBadge } from './tone-badge.js';

type Texts = { question: string; answer: string };

type Props = {
  language: ContentLanguage;
  value: Texts;
  onChange: (value: Texts) => void;
  errors: { question?: string | undefined; answer?: string | undefined; whole?: string | undefined };
  /** The other language changed since this one was written (known once the draft exists). */
  needsUpdate: boolean;
  /** Offer "translation still correct": the saved draft has text in this language. */
  canConfirm: boolean;
  onConfirm: () => Promise<void>;
  disabled: boolean;
};

/** One language of an entry: its question, its Markdown answer, its translation status and a preview. */
export function LanguageFields(props: Props) {
  const { t } = useTranslation();
  const [isPreview, setPreview] = useState(false);
  const confirmation = useSubmission();
  const { language } = props;
  const other = otherLanguage(language);
  const isBlank = !props.value.question.trim() || !props.value.answer.trim();
  const statusId = `kb-status-${language}`;
  const status = languageStatus({ needsUpdate: props.needsUpdate, isBlank });

  const confirm = () => confirmation.run(props.onConfirm);

  return (
    <Fieldset
      legend={
        <Group gap="xs" component="span">
          <span lang={language}>{t(`web.knowledge.languages.${language}`)}</span>
          <ToneBadge id={statusId} tone={props.needsUpdate ? 'warn' : isBlank ? 'muted' : 'ok'}>
            {t(
              {
                awaits_translation: 'web.knowledge.editor.awaits_translation',
                needs_update: 'web.knowledge.editor.needs_translation',
                not_written: 'web.knowledge.editor.not_written',
                up_to_date: 'web.knowledge.editor.up_to_date',
              }[status],
            )}
          </ToneBadge>
        </Group>
      }
      styles={{ legend: { fontWeight: 600 } }}
      data-language={language}
    >
      <Stack gap="sm">
        {props.needsUpdate && (
          <Alert color="orange" variant="light" p="sm" role="note">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {status === 'awaits_translation'
                  ? t(`web.knowledge.editor.awaits_translation_help.${other}`)
                  : t(`web.knowledge.editor.needs_translation_help.${other}`)}
              </Text>
              {props.canConfirm && (
                <Button
                  size="xs"
                  variant="default"
                  loading={confirmation.isPending}
                  onClick={() => void confirm()}
                >
                  {t('web.knowledge.editor.confirm_translation')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {props.errors.whole && (
          <Text size="sm" c="red.9" role="alert">
            {props.errors.whole}
          </Text>
        )}
        <Textarea
          label={t('web.knowledge.fields.question')}
          name={`${language}.question`}
          lang={language}
          autosize
          minRows={2}
          maxRows={5}
          value={props.value.question}
          error={props.errors.question}
          disabled={props.disabled}
          onChange={(event) => props.onChange({ ...props.value, question: event.currentTarget.value })}
        />
        <Textarea
          label={t('web.knowledge.fields.answer')}
          description={t('web.knowledge.editor.markdown_help')}
          name={`${language}.answer`}
          lang={language}
          autosize
          minRows={8}
          maxRows={24}
          value={props.value.answer}
          error={props.errors.answer}
          disabled={props.disabled}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          onChange={(event) => props.onChange({ ...props.value, answer: event.currentTarget.value })}
        />
        <Group>
          <Button
            size="xs"
            variant="subtle"
            aria-expanded={isPreview}
            aria-controls={`kb-preview-${language}`}
            onClick={() => setPreview((shown) => !shown)}
          >
            {isPreview ? t('web.knowledge.editor.hide_preview') : t('web.knowledge.editor.show_preview')}
          </Button>
        </Group>
        {isPreview && (
          <Paper withBorder p="sm" bg="gray.0" id={`kb-preview-${language}`} lang={language}>
            <Text size="xs" c="dimmed" mb={6}>
              {t('web.knowledge.editor.preview_note')}
            </Text>
            <Text fw={600} mb={6}>
              {props.value.question || '—'}
            </Text>
            <AnswerPreview answer={props.value.answer} language={language} />
          </Paper>
        )}
      </Stack>
    </Fieldset>
  );
}
