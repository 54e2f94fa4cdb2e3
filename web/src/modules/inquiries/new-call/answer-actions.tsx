import { Button, Checkbox, Group, Paper, Title } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EscalationFields } from '../escalation-fields.js';
import { Keys } from '../inquiry-labels.js';
import { ariaShortcut, SHORTCUTS } from '../shortcuts.js';
import type { NewCall } from './use-new-call.js';

/**
 * How the call ends: answered with the chosen entry, escalated to an expert team with a note, or
 * closed without an answer; and whether the caller was referred to moral support on the way.
 */
export function AnswerActions(props: { call: NewCall }) {
  const { t } = useTranslation();
  const { call } = props;
  const { chosen, isEscalating } = call;
  const busy = call.submission.pendingKey;
  return (
    <>
      <Checkbox
        label={
          <>
            {t('web.inquiries.new_call.referral')} <Keys shortcut={SHORTCUTS.referral} />
          </>
        }
        description={t('web.inquiries.new_call.referral_help')}
        checked={call.isReferral}
        onChange={(event) => call.setReferral(event.currentTarget.checked)}
        aria-keyshortcuts={ariaShortcut(SHORTCUTS.referral)}
      />
      {/* Sticky: however long the suggestions grow, the way to end the call stays on screen. */}
      <Group gap="sm" wrap="wrap" className="inq-call-actions" data-call-actions>
        <Button
          onClick={call.answer}
          loading={busy === 'answered'}
          disabled={busy !== null && busy !== 'answered'}
          aria-keyshortcuts={isEscalating ? undefined : ariaShortcut(SHORTCUTS.answer)}
          rightSection={isEscalating ? undefined : <Keys shortcut={SHORTCUTS.answer} />}
        >
          {chosen
            ? t('web.inquiries.new_call.answer_with', { ref: chosen })
            : t('web.inquiries.new_call.answer')}
        </Button>
        <Button
          variant="default"
          onClick={call.toggleEscalating}
          aria-expanded={isEscalating}
          aria-controls="call-escalation"
          aria-keyshortcuts={ariaShortcut(SHORTCUTS.escalate)}
          disabled={busy !== null}
          rightSection={<Keys shortcut={SHORTCUTS.escalate} />}
        >
          {t('web.inquiries.new_call.escalate')}
        </Button>
        <Button
          variant="subtle"
          onClick={call.closeWithoutAnswer}
          loading={busy === 'closed'}
          disabled={busy !== null && busy !== 'closed'}
        >
          {t('web.inquiries.new_call.close_without_answer')}
        </Button>
      </Group>
      {isEscalating && <EscalationForm call={call} />}
    </>
  );
}

/** The team and the note for the experts; Escape folds it away and goes back to the question. */
function EscalationForm(props: { call: NewCall }) {
  const { t } = useTranslation();
  const { call } = props;
  return (
    <Paper
      withBorder
      p="md"
      id="call-escalation"
      component="form"
      noValidate
      aria-labelledby="call-escalation-title"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        call.escalate();
      }}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        call.stopEscalating();
      }}
    >
      <Title order={3} fz="h5" id="call-escalation-title" mb="sm">
        {t('web.inquiries.escalation.title')}
      </Title>
      <EscalationFields
        values={call.escalation}
        onChange={call.setEscalation}
        errors={call.submission.byField}
        teamRef={call.teamRef}
        name="call-escalation"
      />
      <Group gap="sm" mt="md">
        <Button
          type="submit"
          loading={call.submission.pendingKey === 'escalated'}
          aria-keyshortcuts={ariaShortcut(SHORTCUTS.answer)}
          rightSection={<Keys shortcut={SHORTCUTS.answer} />}
        >
          {t('web.inquiries.escalation.submit')}
        </Button>
        <Button
          variant="default"
          onClick={call.stopEscalating}
          rightSection={<Keys shortcut={{ key: 'Esc' }} />}
        >
          {t('web.common.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}
