import { Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/problems.js';
import { type ContentLanguage, usePreview } from './api.js';

/**
 * The answer rendered by the server's renderer, the one readers get, so that there is one
 * renderer: a second one in the browser could show what readers will not see.
 */
export function AnswerPreview({ answer, language }: { answer: string; language: ContentLanguage }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(answer, 300);
  const preview = usePreview(debounced, { enabled: true });
  if (!debounced.trim()) return <Text>—</Text>;
  if (preview.isError) {
    return (
      <Text size="sm" c="red.9" role="alert">
        {errorMessage(preview.error)}
      </Text>
    );
  }
  if (preview.data === undefined) return <Loader size="xs" aria-label={t('web.common.loading')} />;
  return (
    <div
      className="kb-answer"
      lang={language}
      aria-busy={preview.isFetching || debounced !== answer}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered and sanitised by the server (Markdown, raw HTML off, safe links only).
      dangerouslySetInnerHTML={{ __html: preview.data }}
    />
  );
}
