import {
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { errorMessage, missingFields, requiredFieldsError } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { ErrorState, FormErrors, LoadingState } from '../../app/ui.js';
import { knowledgeKeys, useThemes } from './api.js';

const FIELDS = ['code', 'nameFr', 'nameNl', 'reviewDays'] as const;
const empty = { code: '', nameFr: '', nameNl: '', reviewDays: 90 as number | string };

/** The themes entries are filed under, each with how often its entries must be reviewed. */
export function ThemesPanel() {
  const { t } = useTranslation();
  const themes = useThemes();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Paper withBorder component="section" aria-labelledby="kb-themes-title" style={{ alignSelf: 'start' }}>
        <Title order={2} fz="h4" id="kb-themes-title" p="md" pb={0}>
          {t('web.knowledge.settings.themes_title')}
        </Title>
        {themes.isPending ? (
          <LoadingState />
        ) : themes.isError ? (
          <ErrorState error={themes.error} onRetry={() => void themes.refetch()} />
        ) : (
          // Scrolls within itself on a phone rather than pushing the page sideways.
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" striped aria-labelledby="kb-themes-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.knowledge.settings.code')}</Table.Th>
                  <Table.Th scope="col">{t('web.knowledge.settings.name')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('web.knowledge.settings.review_days')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {themes.data.map((theme) => (
                  <Table.Tr key={theme.code}>
                    <Table.Td ff="monospace">{theme.code}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lang="fr">
                        {theme.nameFr}
                      </Text>
                      <Text size="sm" c="dimmed" lang="nl">
                        {theme.nameNl}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{theme.reviewDays}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <NewThemeForm />
    </SimpleGrid>
  );
}

function NewThemeForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const submission = useSubmission({ fields: FIELDS });
  const { error, byField, others } = submission;
  const text = (key: 'code' | 'nameFr' | 'nameNl') => ({
    name: key,
    value: values[key],
    error: byField[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [key]: value }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const missing = missingFields(values, ['code', 'nameFr', 'nameNl']);
    if (missing.length > 0) {
      submission.fail(requiredFieldsError(missing));
      return;
    }
    void submission.run(async () => {
      const reviewDays = Number(values.reviewDays);
      await api('/knowledge/themes', {
        method: 'POST',
        body: {
          code: values.code.trim(),
          nameFr: values.nameFr.trim(),
          nameNl: values.nameNl.trim(),
          ...(values.reviewDays !== '' && { reviewDays }),
        },
      });
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.themes });
      setNotice(t('web.knowledge.settings.theme_created', { code: values.code.trim() }));
      setValues(empty);
    });
  };

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="kb-new-theme-title"
      style={{ alignSelf: 'start' }}
    >
      <Title order={2} fz="h4" id="kb-new-theme-title" mb="sm">
        {t('web.knowledge.settings.new_theme')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {notice && (
            <Text size="sm" c="teal.9" role="status">
              {notice}
            </Text>
          )}
          {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
          <TextInput
            label={t('web.knowledge.settings.code')}
            description={t('web.knowledge.settings.code_help')}
            required
            spellCheck={false}
            {...text('code')}
          />
          <TextInput label={t('web.knowledge.settings.name_fr')} required lang="fr" {...text('nameFr')} />
          <TextInput label={t('web.knowledge.settings.name_nl')} required lang="nl" {...text('nameNl')} />
          <NumberInput
            label={t('web.knowledge.settings.review_days')}
            description={t('web.knowledge.settings.review_days_help')}
            name="reviewDays"
            min={1}
            max={3650}
            allowDecimal={false}
            value={values.reviewDays}
            error={byField.reviewDays}
            onChange={(value) => setValues((current) => ({ ...current, reviewDays: value }))}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={submission.isPending}>
              {t('web.common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
