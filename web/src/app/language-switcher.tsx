import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './languages.js';
import { useSessionActions } from './session.js';

/** FR · NL · EN, on every page including login; each button names its language in that language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { changeLanguage } = useSessionActions();
  // Not useSubmission: a language picked while the previous one is being saved must win, not wait.
  const [isSaving, setSaving] = useState(false);

  const choose = async (language: Language) => {
    setSaving(true);
    try {
      await changeLanguage(language);
    } catch {
      // The interface already switched; the account keeps its old language until the next try.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('web.shell.language')} aria-busy={isSaving}>
      {LANGUAGES.map(({ code, nativeName }) => {
        const isCurrent = code === i18n.language;
        return (
          <Button
            key={code}
            size="compact-sm"
            variant={isCurrent ? 'filled' : 'subtle'}
            aria-pressed={isCurrent}
            aria-label={`${nativeName} (${code.toUpperCase()})`}
            title={nativeName}
            lang={code}
            onClick={() => void choose(code)}
          >
            {code.toUpperCase()}
          </Button>
        );
      })}
    </Group>
  );
}
