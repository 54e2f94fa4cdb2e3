import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import type { InquiryDetailView } from './api.js';
import {
  AnswerForm,
  AskFundForm,
  ClaimButton,
  ProposeFaqForm,
  useCanClaim,
  useIsInMyTeam,
} from './expert-actions.js';
import { CloseForm, EscalateForm, FlagForm, MessageForm } from './inquiry-actions.js';
import { type InquiryAction, nextSteps } from './next-steps.js';

/** The words on each action's button: the title of the form it opens. */
const LABELS: Record<InquiryAction, string> = {
  claim: 'web.inquiries.backoffice.actions.claim',
  answer: 'web.inquiries.backoffice.actions.answer_title',
  ask_fund: 'web.inquiries.backoffice.actions.ask_fund_title',
  message: 'web.inquiries.actions.message_title',
  escalate: 'web.inquiries.escalation.title',
  propose_faq: 'web.inquiries.backoffice.actions.faq_title',
  flag: 'web.inquiries.actions.flag_title',
  close: 'web.inquiries.actions.close',
};

const MORE_ID = 'inq-more-action';

function ActionPanel(props: { action: InquiryAction; inquiry: InquiryDetailView; isPrimary: boolean }) {
  const { inquiry } = props;
  switch (props.action) {
    case 'claim':
      return <ClaimButton inquiry={inquiry} variant={props.isPrimary ? 'filled' : 'light'} />;
    case 'answer':
      return <AnswerForm inquiry={inquiry} headingOrder={3} />;
    case 'ask_fund':
      return <AskFundForm inquiry={inquiry} headingOrder={3} />;
    case 'message':
      return <MessageForm inquiry={inquiry} />;
    case 'escalate':
      return <EscalateForm inquiry={inquiry} />;
    case 'propose_faq':
      return <ProposeFaqForm inquiry={inquiry} headingOrder={3} />;
    case 'flag':
      return <FlagForm inquiry={inquiry} />;
    case 'close':
      return <CloseForm inquiry={inquiry} />;
  }
}

/**
 * What can be done on an inquiry, as one clear next step: the action its status calls for, open,
 * and the others that fit as buttons that open their form below (one at a time), instead of every
 * form at once. Which is which is the pure rule of next-steps.ts.
 */
export function InquiryNextSteps(props: { inquiry: InquiryDetailView }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { inquiry } = props;
  const isInMyTeam = useIsInMyTeam(inquiry);
  const canClaim = useCanClaim(inquiry);
  const [opened, setOpened] = useState<InquiryAction | null>(null);
  const steps = nextSteps({
    status: inquiry.status,
    canWork: hasAbility(me, 'inquiries.work'),
    isTeamWork: isInMyTeam || inquiry.assignee?.id === me.id,
    canClaim,
    canPropose: hasAbility(me, 'inquiries.propose_faq'),
    hasAnswer: inquiry.messages.some((message) => message.kind === 'answer'),
    hasFaqDraft: Boolean(inquiry.faq_draft),
  });
  // An action opened before the status changed stays open while it still fits.
  const shown = opened !== null && steps.others.includes(opened) ? opened : null;
  return (
    <Stack gap="md" component="section" aria-labelledby="inq-actions-title">
      <Title order={2} fz="h4" id="inq-actions-title">
        {t('web.inquiries.actions.title')}
      </Title>
      {inquiry.status === 'closed' && (
        <Text size="sm" c="dimmed">
          {t('web.inquiries.actions.closed_help')}
        </Text>
      )}
      {steps.primary && (
        <div data-next-step={steps.primary}>
          <ActionPanel action={steps.primary} inquiry={inquiry} isPrimary />
        </div>
      )}
      {steps.others.length > 0 && (
        <Stack gap={6} role="group" aria-labelledby="inq-more-title">
          <Text size="sm" fw={600} id="inq-more-title">
            {steps.primary ? t('web.inquiries.actions.more') : t('web.inquiries.actions.available')}
          </Text>
          <Group gap="xs" wrap="wrap">
            {steps.others.map((action) =>
              action === 'claim' ? (
                <ClaimButton key={action} inquiry={inquiry} />
              ) : (
                <Button
                  key={action}
                  size="sm"
                  variant={shown === action ? 'light' : 'default'}
                  aria-expanded={shown === action}
                  aria-controls={shown === action ? MORE_ID : undefined}
                  data-action={action}
                  onClick={() => setOpened(shown === action ? null : action)}
                >
                  {t(LABELS[action])}
                </Button>
              ),
            )}
          </Group>
        </Stack>
      )}
      {shown && (
        <div id={MORE_ID}>
          <ActionPanel action={shown} inquiry={inquiry} isPrimary={false} />
        </div>
      )}
    </Stack>
  );
}
