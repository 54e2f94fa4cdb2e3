import { Anchor, Button, Group, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FaqDraftProposed } from '../../../../src/modules/inquiries/contract.js';
import { errorMessage, missingFields, requiredFieldsError } from '../../app/problems.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { localName } from '../directory/api.js';
import { useThemes } from '../knowledge/api.js';
import {
  backofficeActions,
  type Delivery,
  faqDraftPath,
  type InquirySummaryView,
  useFunds,
  useTeams,
} from './backoffice-api.js';
import { ActionForm, useInquirySubmission } from './backoffice-form.js';
import { DELIVERY_CHOICES, FAQ_AUDIENCES, type FaqAudience } from './backoffice-format.js';

const K = 'web.inquiries.backoffice.actions';
/** What the panels need of an inquiry: a list row or the detail page's inquiry both fit. */
type Inquiry = Pick<
  InquirySummaryView,
  'ref' | 'status' | 'team' | 'assignee' | 'language' | 'theme' | 'faq_draft' | 'question'
>;
type PanelProps = { inquiry: Inquiry; headingOrder?: 3 | 4 };

/** Whether the logged-in person belongs to the team that holds the inquiry. */
export function useIsInMyTeam(inquiry: Pick<Inquiry, 'team'>): boolean {
  const teams = useTeams();
  return Boolean(
    inquiry.team && teams.data?.some((team) => team.code === inquiry.team?.code && team.is_member),
  );
}

/** Whether the logged-in person may take this inquiry: a member of its team, not theirs already. */
export function useCanClaim(inquiry: Pick<Inquiry, 'team' | 'assignee' | 'status'>): boolean {
  const me = useCurrentUser();
  const isInMyTeam = useIsInMyTeam(inquiry);
  if (!hasAbility(me, 'inquiries.work') || inquiry.status === 'closed') return false;
  return isInMyTeam && inquiry.assignee?.id !== me.id;
}

/** "Take it": the inquiry becomes the expert's own, and research starts. */
export function ClaimButton(props: {
  inquiry: Inquiry;
  size?: 'xs' | 'sm' | 'compact-sm';
  /** `filled` where taking it is the page's one next step. */
  variant?: 'light' | 'filled';
}) {
  const { t } = useTranslation();
  const submission = useInquirySubmission();
  const canClaim = useCanClaim(props.inquiry);
  if (!canClaim && !submission.notice) return null;
  return (
    <Stack gap={4} align="flex-start">
      {canClaim && (
        <Button
          size={props.size ?? 'sm'}
          variant={props.variant ?? 'light'}
          loading={submission.isPending}
          aria-label={t(`${K}.claim_named`, { ref: props.inquiry.ref })}
          onClick={() =>
            void submission.run(async () => {
              await backofficeActions.claim(props.inquiry.ref);
              return t(`${K}.claimed`, { ref: props.inquiry.ref });
            })
          }
        >
          {props.inquiry.assignee ? t(`${K}.take_over`) : t(`${K}.claim`)}
        </Button>
      )}
      {submission.error !== null && (
        <Text size="sm" c="red.8" role="alert">
          {errorMessage(submission.error)}
        </Text>
      )}
      {submission.notice && (
        <Text size="sm" c="teal.9" role="status">
          {submission.notice}
        </Text>
      )}
    </Stack>
  );
}

/** The expert asks a fund about the person's file; the inquiry waits for the fund (clock paused). */
export function AskFundForm(props: PanelProps) {
  const { t, i18n } = useTranslation();
  const funds = useFunds();
  const submission = useInquirySubmission();
  const [values, setValues] = useState({ fund: '', question: '' });
  const id = `inq-ask-fund-${props.inquiry.ref}`;
  const send = () => {
    const missing = missingFields(values, ['fund', 'question']);
    if (missing.length > 0) return submission.fail(requiredFieldsError(missing));
    void submission
      .run(async () => {
        await backofficeActions.askFund(props.inquiry.ref, values.fund, values.question.trim());
        const fund = funds.data?.find((f) => f.code === values.fund);
        return t(`${K}.asked_fund`, { fund: fund ? localName(fund, i18n.language) : values.fund });
      })
      .then((isDone) => isDone && setValues({ fund: '', question: '' }));
  };
  return (
    <ActionForm
      id={id}
      title={t(`${K}.ask_fund_title`)}
      help={t(`${K}.ask_fund_help`)}
      headingOrder={props.headingOrder}
      submission={submission}
      fields={['fund', 'question']}
      submitLabel={t(`${K}.ask_fund_submit`)}
      onSubmit={send}
    >
      {(errors) => (
        <>
          <NativeSelect
            name="fund"
            label={t(`${K}.fund`)}
            required
            value={values.fund}
            onChange={(event) => setValues({ ...values, fund: event.currentTarget.value })}
            data={[
              { value: '', label: t(`${K}.fund_pick`) },
              ...(funds.data ?? []).map((fund) => ({
                value: fund.code,
                label: localName(fund, i18n.language),
              })),
            ]}
            error={errors.fund}
          />
          <Textarea
            name="question"
            label={t(`${K}.fund_question`)}
            description={t(`${K}.fund_question_help`)}
            required
            autosize
            minRows={3}
            maxRows={10}
            maxLength={2000}
            value={values.question}
            onChange={(event) => setValues({ ...values, question: event.currentTarget.value })}
            error={errors.question}
          />
        </>
      )}
    </ActionForm>
  );
}

/** The expert's answer, stored on the thread, and how it reaches the person. */
export function AnswerForm(props: PanelProps) {
  const { t } = useTranslation();
  const submission = useInquirySubmission();
  const [body, setBody] = useState('');
  const [delivery, setDelivery] = useState<Delivery>('callback');
  const id = `inq-answer-${props.inquiry.ref}`;
  const send = () => {
    if (!body.trim()) return submission.fail(requiredFieldsError(['body']));
    void submission
      .run(async () => {
        await backofficeActions.answer(props.inquiry.ref, body.trim(), delivery);
        return t(`${K}.answered.${delivery}`);
      })
      .then((isDone) => isDone && setBody(''));
  };
  return (
    <ActionForm
      id={id}
      title={t(`${K}.answer_title`)}
      headingOrder={props.headingOrder}
      submission={submission}
      fields={['body', 'delivery']}
      submitLabel={t(`${K}.answer_submit`)}
      onSubmit={send}
    >
      {(errors) => (
        <>
          <Textarea
            name="body"
            label={t(`${K}.answer_body`)}
            required
            autosize
            minRows={4}
            maxRows={16}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={errors.body}
            lang={props.inquiry.language}
          />
          <Radio.Group
            name="delivery"
            label={t(`${K}.delivery`)}
            value={delivery}
            onChange={(value) => setDelivery(value as Delivery)}
            error={errors.delivery}
          >
            <Stack gap={6} mt={4}>
              {DELIVERY_CHOICES.map((choice) => (
                <Radio
                  key={choice}
                  value={choice}
                  label={t(`${K}.deliveries.${choice}`)}
                  description={t(`${K}.deliveries_help.${choice}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
        </>
      )}
    </ActionForm>
  );
}

/**
 * Turns the answer into an FAQ draft in the knowledge review flow, linked to the inquiry; once
 * proposed, the panel only links to the draft in the FAQ editor.
 */
export function ProposeFaqForm(props: PanelProps) {
  const { t, i18n } = useTranslation();
  const themes = useThemes();
  const submission = useInquirySubmission();
  const [values, setValues] = useState<{ theme: string; audience: FaqAudience }>({
    theme: props.inquiry.theme ?? '',
    audience: 'internal',
  });
  const [proposed, setProposed] = useState<FaqDraftProposed | null>(null);
  const draft = proposed?.entry_ref ?? props.inquiry.faq_draft;
  const id = `inq-faq-${props.inquiry.ref}`;
  if (draft) {
    return (
      <section aria-labelledby={id}>
        <Title order={props.headingOrder ?? 3} fz="h5" id={id} mb={4}>
          {t(`${K}.faq_title`)}
        </Title>
        <Text size="sm" role={proposed ? 'status' : undefined}>
          {proposed
            ? // Where the draft really goes now, as the API says: translation, review or submission.
              t(
                `${K}.faq_created_${proposed.next_step}${proposed.awaits_language ? `_${proposed.awaits_language}` : ''}`,
                { ref: draft },
              )
            : t(`${K}.faq_exists`, { ref: draft })}{' '}
          <Anchor component={Link} to={faqDraftPath(draft)} underline="always">
            {t(`${K}.faq_open`, { ref: draft })}
          </Anchor>
        </Text>
      </section>
    );
  }
  const send = () => {
    if (!values.theme) return submission.fail(requiredFieldsError(['theme']));
    void submission.run(async () => {
      setProposed(await backofficeActions.proposeFaq(props.inquiry.ref, values));
      return null;
    });
  };
  return (
    <ActionForm
      id={id}
      title={t(`${K}.faq_title`)}
      help={t(`${K}.faq_help`)}
      headingOrder={props.headingOrder}
      submission={submission}
      fields={['theme', 'audience', 'answer', 'question']}
      submitLabel={t(`${K}.faq_submit`)}
      onSubmit={send}
    >
      {(errors) => (
        <Group align="flex-start" gap="md" grow>
          <NativeSelect
            name="theme"
            label={t(`${K}.faq_theme`)}
            required
            value={values.theme}
            onChange={(event) => setValues({ ...values, theme: event.currentTarget.value })}
            data={[
              { value: '', label: t(`${K}.faq_theme_pick`) },
              ...(themes.data ?? []).map((theme) => ({
                value: theme.code,
                label: i18n.language === 'nl' ? theme.nameNl : theme.nameFr,
              })),
            ]}
            error={errors.theme}
          />
          <NativeSelect
            name="audience"
            label={t(`${K}.faq_audience`)}
            value={values.audience}
            onChange={(event) => setValues({ ...values, audience: event.currentTarget.value as FaqAudience })}
            data={FAQ_AUDIENCES.map((value) => ({ value, label: t(`${K}.audiences.${value}`) }))}
            error={errors.audience}
          />
        </Group>
      )}
    </ActionForm>
  );
}

/**
 * Everything an expert does on an inquiry from the back office: take it, ask a fund, answer, and
 * propose the answer as an FAQ entry. Mounted in the queue's drawer and on the inquiry's page; each
 * part shows only to those allowed to do it.
 */
export function ExpertActions(props: PanelProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { inquiry } = props;
  const isInMyTeam = useIsInMyTeam(inquiry);
  // Research is the expert team's work: its members and whoever holds the inquiry act on it; the
  // call center, which may also read the queues, works from the inquiry's own page.
  const canWork = hasAbility(me, 'inquiries.work') && (isInMyTeam || inquiry.assignee?.id === me.id);
  const canPropose = hasAbility(me, 'inquiries.propose_faq');
  const isClosed = inquiry.status === 'closed';
  if (!canWork && !canPropose) return null;
  return (
    <Stack gap="md">
      <ClaimButton inquiry={inquiry} />
      {canWork && !isClosed && (
        <>
          <AskFundForm {...props} />
          <AnswerForm {...props} />
        </>
      )}
      {canWork && isClosed && (
        <Text size="sm" c="dimmed">
          {t(`${K}.closed_help`)}
        </Text>
      )}
      {canPropose && <ProposeFaqForm {...props} />}
    </Stack>
  );
}
