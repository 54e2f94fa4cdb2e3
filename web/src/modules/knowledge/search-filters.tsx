import { Checkbox, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContentLanguage } from './api.js';
import { useThemes } from './api.js';
import { themeLabel } from './knowledge-format.js';

type Props = {
  language: ContentLanguage;
  /** A day, or `any` for all periods. */
  asOf: string;
  today: string;
  theme: string | null;
  onLanguage: (language: ContentLanguage) => void;
  onAsOf: (asOf: string) => void;
  onTheme: (theme: string | null) => void;
};

/** Language of the conversation, the day the question is about, and a theme. */
export function SearchFilters(props: Props) {
  const { t, i18n } = useTranslation();
  const themes = useThemes();
  const isAnyPeriod = props.asOf === 'any';
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="kb-language-label">
          {t('web.knowledge.search.language')}
        </Text>
        <SegmentedControl
          aria-labelledby="kb-language-label"
          value={props.language}
          onChange={(value) => props.onLanguage(value as ContentLanguage)}
          data={[
            { value: 'fr', label: <span lang="fr">{t('web.knowledge.languages.fr')}</span> },
            { value: 'nl', label: <span lang="nl">{t('web.knowledge.languages.nl')}</span> },
          ]}
        />
      </Stack>
      <TextInput
        label={t('web.knowledge.search.as_of')}
        type="date"
        name="as_of"
        value={isAnyPeriod ? '' : props.asOf}
        disabled={isAnyPeriod}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (value) props.onAsOf(value);
        }}
        w={170}
      />
      <Checkbox
        label={t('web.knowledge.search.any_period')}
        checked={isAnyPeriod}
        onChange={(event) => props.onAsOf(event.currentTarget.checked ? 'any' : props.today)}
        mb={8}
      />
      <Select
        label={t('web.knowledge.fields.theme')}
        placeholder={t('web.knowledge.search.all_themes')}
        data={(themes.data ?? []).map((theme) => ({
          value: theme.code,
          label: themeLabel(theme.code, themes.data, i18n.language),
        }))}
        value={props.theme}
        onChange={props.onTheme}
        clearable
        clearButtonProps={{ 'aria-label': t('web.common.clear') }}
        w={260}
      />
    </Group>
  );
}
