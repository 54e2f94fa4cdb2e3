import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquiryDetailView } from './api.js';

type Social = NonNullable<InquiryDetailView['social']>;
type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The answer to a private message goes back where it came from: the agent copies it here and pastes
 * it into the conversation on the network. The button says where it goes; once copied, a line read
 * out by screen readers says so (and, if the browser refused, how to copy it by hand).
 */
export function SocialAnswerCopy(props: { answer: string; social: Social }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');
  const where = {
    handle: props.social.handle,
    platform: t(`web.inquiries.social_platforms.${props.social.platform}`),
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.answer);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <Group gap="sm" mt="xs" wrap="wrap" className="inq-social-copy">
      <Button
        size="xs"
        // Once copied the button steps back (the line beside it says what to do next).
        variant={state === 'copied' ? 'default' : 'filled'}
        onClick={() => void copy()}
      >
        {t('web.inquiries.social.copy')}
      </Button>
      <Text size="xs" c={state === 'failed' ? 'red.9' : 'gray.8'} role="status" aria-live="polite">
        {state === 'idle' && t('web.inquiries.social.paste_back', where)}
        {state === 'copied' && t('web.inquiries.social.copied', where)}
        {state === 'failed' && t('web.inquiries.social.copy_failed')}
      </Text>
    </Group>
  );
}
