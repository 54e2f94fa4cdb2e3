import {
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIENCES } from '../../../../src/modules/knowledge/contract.js';
import { ApiError } from '../../app/api.js';
import { errorMessage, missingFields, requiredFieldsError } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { TEAL_BUTTON_HOVER } from '../../app/theme.js';
import { FormErrors } from '../../app/ui.js';
import { type ContentLanguage, type DraftView, useThemes } from './api.js';
import { ENTRY_FIELDS, type EntryFormValues, hasChanges } from './editor-values.js';
import { themeLabel } from './knowledge-format.js';
import { LanguageFields } from './language-fields.js';

type Props = {
  mode: 'create' | 'edit';
  initial: EntryFormValues;
  /** The saved draft (edit mode): its translation status and state. */
  draft?: DraftView | undefined;
  onSave: (values: EntryFormValues) => Promise<void>;
  onSubmitForReview?: (values: EntryFormValues) => Promise<void>;
  onConfirmTranslation?: (language: ContentLanguage) => Promise<void>;
  onCancel: () => void;
};

/**
 * French and Dutch side by side, with what both share above them. The server checks everything;
 * its field errors appear at the field (a whole language's problem at that language's column).
 */
export function EntryForm(props: Props) {
  const { t, i18n } = useTranslation();
  const themes = useThemes();
  const [values, setValues] = useState(props.initial);
  // Saving the draft or submitting it for review, whichever button was pressed.
  const submission = useSubmission<'save' | 'submit'>({ fields: ENTRY_FIELDS });
  const { error, byField, others } = submission;
  const busy = submission.pendingKey;
  const topRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [error]);
  // A whole language's problem (missing, outdated) said with the language's name, not its code.
  const languageProblem = (language: ContentLanguage): string | undefined => {
    const problem =
      error instanceof ApiError ? error.fieldErrors.find((e) => e.field === language) : undefined;
    if (problem?.code === 'knowledge.language_missing') return t(`web.knowledge.editor.missing.${language}`);
    if (problem?.code === 'knowledge.translation_outdated')
      return t(`web.knowledge.editor.outdated.${language}`);
    return byField[language];
  };
  const set = <K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const isDirty = hasChanges(props.initial, values);

  const run = async (kind: 'save' | 'submit', action: (values: EntryFormValues) => Promise<void>) => {
    const missing = missingFields(values, ['theme', 'validFrom']);
    if (missing.length > 0) {
      submission.fail(requiredFieldsError(missing));
      return;
    }
    await submission.run(() => action(values), kind);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('save', props.onSave);
  };

  const languageColumn = (language: ContentLanguage) => {
    const saved = props.draft?.content[language];
    return (
      <LanguageFields
        language={language}
        value={values[language]}
        onChange={(texts) => set(language, texts)}
        errors={{
          question: byField[`${language}.question`],
          answer: byField[`${language}.answer`],
          whole: languageProblem(language),
        }}
        needsUpdate={Boolean(language === 'fr' ? props.draft?.frNeedsUpdate : props.draft?.nlNeedsUpdate)}
        canConfirm={Boolean(saved?.question.trim() && saved.answer.trim())}
        onConfirm={async () => {
          // Its own button shows it running; a refusal is the form's, shown at the top with the others.
          submission.reset();
          try {
            await props.onConfirmTranslation?.(language);
          } catch (caught) {
            submission.fail(caught);
          }
        }}
        disabled={busy !== null}
      />
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t(`web.knowledge.editor.${props.mode}_title`)}>
      <Stack gap="lg" ref={topRef} style={{ scrollMarginTop: 80 }}>
        {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
        <Fieldset legend={t('web.knowledge.editor.about')} styles={{ legend: { fontWeight: 600 } }}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" style={{ alignItems: 'start' }}>
            <Select
              label={t('web.knowledge.fields.theme')}
              required
              name="theme"
              data={(themes.data ?? []).map((theme) => ({
                value: theme.code,
                label: themeLabel(theme.code, themes.data, i18n.language),
              }))}
              value={values.theme}
              onChange={(value) => set('theme', value)}
              error={byField.theme}
              allowDeselect={false}
            />
            <Select
              label={t('web.knowledge.fields.audience')}
              description={t('web.knowledge.editor.audience_help')}
              name="audience"
              data={AUDIENCES.map((audience) => ({
                value: audience,
                label: t(`web.knowledge.audiences.${audience}`),
              }))}
              value={values.audience}
              onChange={(value) => value && set('audience', value as EntryFormValues['audience'])}
              error={byField.audience}
              allowDeselect={false}
            />
            <TextInput
              label={t('web.knowledge.fields.supersedes')}
              description={t('web.knowledge.editor.supersedes_help')}
              name="supersedes"
              placeholder="FAQ-0001"
              spellCheck={false}
              value={values.supersedes}
              onChange={(event) => set('supersedes', event.currentTarget.value)}
              error={byField.supersedes}
            />
            <TextInput
              label={t('web.knowledge.fields.validFrom')}
              type="date"
              required
              name="validFrom"
              value={values.validFrom}
              onChange={(event) => set('validFrom', event.currentTarget.value)}
              error={byField.validFrom}
            />
            <TextInput
              label={t('web.knowledge.fields.validTo')}
              description={t('web.knowledge.editor.valid_to_help')}
              type="date"
              name="validTo"
              value={values.validTo}
              onChange={(event) => set('validTo', event.currentTarget.value)}
              error={byField.validTo}
            />
            <TagsInput
              label={t('web.knowledge.fields.tags')}
              description={t('web.knowledge.editor.tags_help')}
              name="tags"
              value={values.tags}
              onChange={(tags) => set('tags', tags)}
              error={byField.tags}
              clearable
              clearButtonProps={{ 'aria-label': t('web.common.clear') }}
            />
            {(['fr', 'nl'] as const).map((language) => (
              <Textarea
                key={`legalBasis-${language}`}
                label={t(`web.knowledge.editor.legal_basis_in.${language}`)}
                name={`legalBasis.${language}`}
                lang={language}
                autosize
                minRows={2}
                maxRows={8}
                value={values.legalBasis[language]}
                onChange={(event) =>
                  set('legalBasis', { ...values.legalBasis, [language]: event.currentTarget.value })
                }
                error={byField[`legalBasis.${language}`] ?? byField.legalBasis}
              />
            ))}
            {(['fr', 'nl'] as const).map((language) => (
              <Textarea
                key={`sources-${language}`}
                label={t(`web.knowledge.editor.sources_in.${language}`)}
                description={t('web.knowledge.editor.sources_help')}
                name={`sources.${language}`}
                lang={language}
                autosize
                minRows={2}
                maxRows={8}
                value={values.sources[language]}
                onChange={(event) =>
                  set('sources', { ...values.sources, [language]: event.currentTarget.value })
                }
                error={byField[`sources.${language}`] ?? byField.sources}
              />
            ))}
          </SimpleGrid>
        </Fieldset>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {languageColumn('fr')}
          {languageColumn('nl')}
        </SimpleGrid>

        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('web.common.back')}
          </Button>
          <Button type="submit" loading={busy === 'save'} disabled={busy === 'submit'}>
            {props.mode === 'create' ? t('web.knowledge.editor.create') : t('web.common.save')}
          </Button>
          {props.onSubmitForReview && (
            <Button
              variant="filled"
              color="teal.9"
              style={TEAL_BUTTON_HOVER}
              loading={busy === 'submit'}
              disabled={busy === 'save'}
              onClick={() => props.onSubmitForReview && void run('submit', props.onSubmitForReview)}
            >
              {isDirty ? t('web.knowledge.editor.save_and_submit') : t('web.knowledge.editor.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
