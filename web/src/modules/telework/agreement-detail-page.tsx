import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  type AgreementAction,
  type AgreementDetail,
  TeleworkLimits,
} from '../../../../src/modules/telework/contract.js';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';
import { ApiError } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { Dialog, ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';
import { AgreementStatusBadge } from './agreement-list.js';
import { daysText, K, periodText } from './agreement-words.js';
import {
  agreementKeys,
  agreementPdfUrl,
  decideAgreement,
  endAgreement,
  signAgreement,
  useAgreement,
  withdrawAgreement,
} from './agreements-api.js';

const D = `${K}.detail`;

/** One row of the agreement's facts: a term and its words. */
function Fact(props: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {props.term}
      </Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
        {props.children}
      </Text>
    </div>
  );
}

/**
 * One agreement in words: its facts and clauses, the signatures and the fingerprint of the signed
 * text, the PDF, the history as a timeline, and exactly the buttons the server says the reader may
 * press (`actions`): approve, refuse with a reason, sign, withdraw, end early.
 */
export function AgreementDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const agreement = useAgreement(id);
  const justRequested = (location.state as { notice?: string } | null)?.notice === 'requested';

  const back = (
    <Anchor component={Link} to="/telework/agreements">
      {t(`${D}.back`)}
    </Anchor>
  );
  // Every agreement prints, signed or not (a draft says so on the page).
  const pdf = (
    <Anchor href={agreementPdfUrl(id)} target="_blank" rel="noopener" title={t(`${D}.pdf_help`)}>
      {t(`${D}.pdf`)}
    </Anchor>
  );
  if (agreement.isPending)
    return (
      <>
        <PageHeader title={t(`${D}.loading_title`)} actions={back} />
        <LoadingState />
      </>
    );
  if (agreement.isError)
    return (
      <>
        <PageHeader title={t(`${D}.loading_title`)} actions={back} />
        <ErrorState error={agreement.error} onRetry={() => void agreement.refetch()} />
      </>
    );
  const a = agreement.data;
  return (
    <>
      <PageHeader
        title={t(`${D}.title`, { regime: t(`telework.letter.title.${a.regime}`), id: a.id })}
        description={t(`${D}.intro`, { person: a.personName })}
        actions={
          <>
            {pdf}
            {back}
          </>
        }
      />
      <Stack gap="lg">
        {justRequested && a.status === 'requested' && (
          <Alert color="teal" role="status">
            {t(`${D}.requested_notice`, { manager: a.managerName ?? t(`${D}.hr`) })}
          </Alert>
        )}
        <AgreementActions agreement={a} />
        <Paper withBorder p="md" component="section" aria-labelledby="tw-facts-title">
          <Title order={2} fz="h4" id="tw-facts-title" mb="sm">
            {t(`${D}.facts`)}
          </Title>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
            <Fact term={t('telework.words.column.status')}>
              <AgreementStatusBadge status={a.status} />
            </Fact>
            <Fact term={t('telework.words.column.regime')}>{t(`telework.words.regime.${a.regime}`)}</Fact>
            <Fact term={t('telework.words.column.person')}>{a.personName}</Fact>
            <Fact term={t('telework.words.column.manager')}>{a.managerName ?? '—'}</Fact>
            <Fact term={t(`${K}.column.days`)}>{daysText(t, a)}</Fact>
            <Fact term={t(`${K}.column.period`)}>{periodText(t, a.startDate, a.endDate)}</Fact>
            <Fact term={t('telework.letter.article.place')}>{a.clauses.place}</Fact>
            <Fact term={t('telework.letter.article.reachable')}>
              {t(`${D}.reachable`, { from: a.clauses.reachableFrom, to: a.clauses.reachableTo })}
            </Fact>
            {(['equipment', 'costs', 'followUp'] as const).map(
              (clause) =>
                a.clauses[clause] && (
                  <Fact key={clause} term={t(`telework.letter.article.${clause}`)}>
                    {a.clauses[clause]}
                  </Fact>
                ),
            )}
            {a.clauses.ending && <Fact term={t('telework.letter.article.duration')}>{a.clauses.ending}</Fact>}
            {a.motivation && <Fact term={t(`${D}.motivation`)}>{a.motivation}</Fact>}
            {a.refusalReason && <Fact term={t(`${D}.refusal_reason`)}>{a.refusalReason}</Fact>}
            <Fact term={t('telework.words.column.requested_at')}>{formatInstant(a.requestedAt)}</Fact>
          </SimpleGrid>
        </Paper>
        {a.written && <Signatures agreement={a} />}
        <History agreement={a} />
      </Stack>
    </>
  );
}

function Signatures(props: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const a = props.agreement;
  const line = (signature: AgreementDetail['employeeSignature']) =>
    signature
      ? t(`${D}.signed_by`, { name: signature.name, at: formatInstant(signature.at) })
      : t('telework.letter.not_signed');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tw-signatures-title">
      <Title order={2} fz="h4" id="tw-signatures-title" mb="sm">
        {t(`${D}.signatures`)}
      </Title>
      <Stack gap="xs">
        <Text>
          <strong>{t(`${D}.employee`)}</strong> {line(a.employeeSignature)}
        </Text>
        <Text>
          <strong>{t(`${D}.employer`)}</strong> {line(a.employerSignature)}
        </Text>
        {a.signedDigest ? (
          <Text size="sm">
            {t(`${D}.fingerprint`)}{' '}
            <Code style={{ wordBreak: 'break-all' }} data-testid="fingerprint">
              {a.signedDigest}
            </Code>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t(`${D}.not_frozen`)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function History(props: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const events = props.agreement.history;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tw-history-title">
      <Title order={2} fz="h4" id="tw-history-title" mb="md">
        {t(`${D}.history`)}
      </Title>
      <Timeline
        active={events.length - 1}
        bulletSize={14}
        lineWidth={2}
        component="ol"
        p={0}
        style={{ listStyle: 'none' }}
      >
        {events.map((event) => (
          <Timeline.Item
            key={`${event.kind}-${event.at}`}
            component="li"
            title={t(`telework.words.actions.${event.kind}`)}
          >
            <Text size="sm">
              {t(`${D}.event_by`, { name: event.actorName ?? t(`${D}.system`), at: formatInstant(event.at) })}
            </Text>
            {event.reason && (
              <Text size="sm" c="dimmed">
                {t(`${D}.event_reason`, { reason: event.reason })}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

type Asking = 'refuse' | 'sign' | 'withdraw' | 'end' | null;

/** Exactly the buttons of `actions`; the ones with consequences ask first. */
function AgreementActions(props: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const a = props.agreement;
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  // The earliest day an early end may fall on: today, or the start of an agreement not begun yet.
  // (ISO days sort as strings: the later of the two comes last.)
  const [endDate, setEndDate] = useState(() => [brusselsToday(), a.startDate].sort()[1] ?? a.startDate);
  const dialogForm = useRef<HTMLFormElement>(null);
  const submission = useSubmission<AgreementAction>({
    fields: ['endDate', 'reason'],
    // A refusal without a reason, an end outside the period: the keyboard goes to what to fix.
    onError: (caught) => {
      const fields = caught instanceof ApiError ? caught.fieldErrors.map((problem) => problem.field) : [];
      const first = ['endDate', 'reason'].find((name) => fields.includes(name));
      if (first)
        requestAnimationFrame(() =>
          dialogForm.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus(),
        );
    },
  });
  const { byField, others, error } = submission;
  const settle = async (updated: AgreementDetail, notice: string) => {
    queryClient.setQueryData(agreementKeys.detail(a.id), updated);
    await queryClient.invalidateQueries({ queryKey: agreementKeys.all });
    setAsking(null);
    return notice;
  };
  const act = (action: AgreementAction, work: () => Promise<AgreementDetail>) =>
    submission.run(async () => settle(await work(), t(`${D}.done.${action}`)), action);
  const open = (next: Asking) => {
    submission.reset();
    setReason('');
    setAsking(next);
  };
  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    if (asking === 'refuse')
      void act('refuse', () =>
        decideAgreement(a.id, { decision: 'refuse', reason: reason.trim() || undefined }),
      );
    if (asking === 'sign') void act('sign', () => signAgreement(a.id));
    if (asking === 'withdraw') void act('withdraw', () => withdrawAgreement(a.id));
    if (asking === 'end') void act('end', () => endAgreement(a.id, { endDate, reason: reason.trim() }));
  };

  return (
    <>
      <div role="status" aria-live="polite">
        {submission.notice && <Alert color="teal">{submission.notice}</Alert>}
      </div>
      {error !== null && asking === null && <FormErrors title={errorMessage(error)} messages={others} />}
      {a.actions.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="tw-actions-title">
          <Title order={2} fz="h4" id="tw-actions-title" mb="xs">
            {t(`${D}.your_move`)}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t(`${D}.your_move_help.${a.status}`)}
          </Text>
          <Group gap="sm">
            {a.actions.includes('approve') && (
              <Button
                loading={submission.pendingKey === 'approve'}
                onClick={() => void act('approve', () => decideAgreement(a.id, { decision: 'approve' }))}
              >
                {t(`${D}.action.approve`)}
              </Button>
            )}
            {a.actions.includes('refuse') && (
              <Button variant="default" onClick={() => open('refuse')}>
                {t(`${D}.action.refuse`)}
              </Button>
            )}
            {a.actions.includes('sign') && (
              <Button onClick={() => open('sign')}>{t(`${D}.action.sign`)}</Button>
            )}
            {a.actions.includes('withdraw') && (
              <Button variant="default" onClick={() => open('withdraw')}>
                {t(`${D}.action.withdraw`)}
              </Button>
            )}
            {a.actions.includes('end') && (
              <Button variant="default" onClick={() => open('end')}>
                {t(`${D}.action.end`)}
              </Button>
            )}
          </Group>
        </Paper>
      )}
      <Dialog
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`${D}.confirm.${asking}_title`) : ''}
        size="lg"
      >
        <form ref={dialogForm} onSubmit={onConfirm} noValidate>
          <Stack gap="md">
            {asking && <Text>{t(`${D}.confirm.${asking}`, { manager: a.managerName ?? '' })}</Text>}
            {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
            {asking === 'end' && (
              <TextInput
                type="date"
                label={t(`${D}.end_date`)}
                description={t(`${D}.end_date_help`)}
                name="endDate"
                required
                value={endDate}
                onChange={(event) => setEndDate(event.currentTarget.value)}
                error={byField.endDate}
                data-autofocus
              />
            )}
            {(asking === 'refuse' || asking === 'end') && (
              <Textarea
                label={t(asking === 'refuse' ? `${D}.refuse_reason` : `${D}.end_reason`)}
                description={t(asking === 'refuse' ? `${D}.refuse_reason_help` : `${D}.end_reason_help`)}
                name="reason"
                required
                autosize
                minRows={3}
                maxLength={TeleworkLimits.reasonMax}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={byField.reason}
                data-autofocus={asking === 'refuse' || undefined}
              />
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t('web.common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={submission.isPending}
                color={asking === 'sign' ? undefined : 'red.9'}
              >
                {asking ? t(`${D}.confirm.${asking}_button`) : ''}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
