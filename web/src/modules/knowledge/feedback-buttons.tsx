import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { errorMessage } from '../../app/problems.js';
import { entryPath } from './api.js';

/** "Did this help?": editors see which answers fall short on the phone. One answer per opening. */
export function FeedbackButtons(props: { entryRef: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (isHelpful: boolean) => {
    setState('sending');
    setProblem(null);
    try {
      await api(`${entryPath(props.entryRef)}/feedback`, { method: 'POST', body: { isHelpful } });
      setState('sent');
    } catch (error) {
      setProblem(errorMessage(error));
      setState('idle');
    }
  };

  return (
    <Group gap="xs" role="group" aria-labelledby="kb-feedback-label">
      <Text size="sm" id="kb-feedback-label">
        {t('web.knowledge.feedback.question')}
      </Text>
      {state === 'sent' ? (
        <Text size="sm" c="teal.9" role="status">
          {t('web.knowledge.feedback.thanks')}
        </Text>
      ) : (
        <>
          <Button size="xs" variant="light" disabled={state === 'sending'} onClick={() => void send(true)}>
            {t('web.knowledge.feedback.helped')}
          </Button>
          <Button size="xs" variant="default" disabled={state === 'sending'} onClick={() => void send(false)}>
            {t('web.knowledge.feedback.not_helped')}
          </Button>
        </>
      )}
      {problem && (
        <Text size="sm" c="red.9" role="alert">
          {problem}
        </Text>
      )}
    </Group>
  );
}
