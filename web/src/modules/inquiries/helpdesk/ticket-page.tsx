import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatInstant } from '../../../app/format.js';
import { errorMessage } from '../../../app/problems.js';
import { hasAbility, useCurrentUser } from '../../../app/session.js';
import { useSubmission } from '../../../app/submission.js';
import { ErrorState, FormErrors, LoadingState, PageHeader } from '../../../app/ui.js';
import { InquiryDeadlines } from '../inquiry-deadlines.js';
import { InquiryStatusBadge } from '../inquiry-labels.js';
import { Thread } from '../inquiry-thread.js';
import { helpdeskKeys, type TicketDetailView, ticketActions, useTicket } from './helpdesk-api.js';
import { K } from './ticket-form.js';

type Action = 'claim' | 'answer' | 'write' | 'close';

/** One ticket: what was asked, its thread, and what the reader may do (the employee replies or closes; ICT works it). */
export function TicketPage() {
  const { t } = useTranslation();
  const ref = useParams().ref ?? '';
  const ticket = useTicket(ref);
  return (
    <>
      <PageHeader
        title={t(`${K}.ticket.title`, { ref })}
        actions={
          <Button component={Link} to="/helpdesk" variant="default">
            {t(`${K}.ticket.back`)}
          </Button>
        }
      />
      {ticket.isPending ? (
        <LoadingState />
      ) : ticket.isError ? (
        <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />
      ) : (
        <TicketView ticket={ticket.data} />
      )}
    </>
  );
}

function TicketView(props: { ticket: TicketDetailView }) {
  const { t } = useTranslation();
  const { ticket } = props;
  const me = useCurrentUser();
  const isIct = hasAbility(me, 'helpdesk.work');
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="ticket-facts">
        <Group justify="space-between" align="flex-start" mb="xs">
          <Title order={2} fz="h4" id="ticket-facts">
            {ticket.category ? t(`helpdesk.category.${ticket.category}`) : t(`${K}.ticket.facts`)}
          </Title>
          <InquiryStatusBadge status={ticket.status} size="md" />
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }} mb="sm">
          {ticket.question}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" component="dl" m={0}>
          <Fact label={t(`${K}.fields.employee`)} value={ticket.employee?.name} />
          <Fact label={t(`${K}.fields.created_at`)} value={formatInstant(ticket.created_at)} />
          <Fact label={t(`${K}.fields.asset_tag`)} value={ticket.asset_tag} />
          <Fact label={t(`${K}.fields.phone`)} value={ticket.requester.phone} />
          <Fact label={t(`${K}.fields.assignee`)} value={ticket.assignee?.name} />
          <Fact label={t(`${K}.fields.channel`)} value={t(`web.inquiries.channels.${ticket.channel}`)} />
          <Fact
            label={t(`${K}.fields.closed_at`)}
            value={ticket.closed_at && formatInstant(ticket.closed_at)}
          />
        </SimpleGrid>
      </Paper>
      {isIct && ticket.deadlines && ticket.status !== 'closed' && <InquiryDeadlines inquiry={ticket} />}
      <Thread inquiry={ticket} />
      {ticket.status === 'closed' ? (
        // Said aloud too: answering with "close" or closing ends the actions that were on screen.
        <Alert color="gray" role="status">
          {t(`${K}.ticket.is_closed`)}
        </Alert>
      ) : (
        <TicketActions ticket={ticket} isIct={isIct} />
      )}
    </Stack>
  );
}

function Fact(props: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {props.value || '—'}
      </Text>
    </div>
  );
}

function TicketActions(props: { ticket: TicketDetailView; isIct: boolean }) {
  const { t } = useTranslation();
  const { ticket, isIct } = props;
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [closeWithAnswer, setCloseWithAnswer] = useState(true);
  const submission = useSubmission<Action>({
    fields: ['body'],
    onSettled: () => void queryClient.invalidateQueries({ queryKey: helpdeskKeys.all }),
  });
  const act = (action: Action, work: () => Promise<void>, done: string) =>
    void submission.run(async () => {
      await work();
      setText('');
      return t(`${K}.ticket.done.${done}`);
    }, action);
  const needsText = (action: Action, work: () => Promise<void>, done: string) => (event?: FormEvent) => {
    event?.preventDefault();
    act(action, work, done);
  };
  const body = text.trim();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ticket-actions">
      <Title order={2} fz="h4" id="ticket-actions" mb="xs">
        {isIct ? t(`${K}.ticket.work`) : t(`${K}.ticket.follow`)}
      </Title>
      {submission.notice && (
        <Alert color="green" role="status" mb="sm">
          {submission.notice}
        </Alert>
      )}
      <form
        onSubmit={needsText(
          isIct ? 'answer' : 'write',
          () =>
            isIct
              ? ticketActions.answer(ticket.ref, body, closeWithAnswer)
              : ticketActions.write(ticket.ref, body, 'incoming'),
          isIct ? 'answered' : 'written',
        )}
        noValidate
      >
        <Stack gap="sm">
          <Textarea
            name="body"
            label={isIct ? t(`${K}.ticket.text_ict`) : t(`${K}.ticket.text_employee`)}
            autosize
            minRows={3}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={submission.byField.body}
          />
          {isIct && (
            <Checkbox
              label={t(`${K}.ticket.close_with_answer`)}
              checked={closeWithAnswer}
              onChange={(event) => setCloseWithAnswer(event.currentTarget.checked)}
            />
          )}
          {submission.error !== null && (
            <FormErrors title={errorMessage(submission.error)} messages={submission.others} />
          )}
          <Group>
            <Button
              type="submit"
              loading={submission.pendingKey === (isIct ? 'answer' : 'write')}
              disabled={!body}
            >
              {isIct ? t(`${K}.ticket.answer`) : t(`${K}.ticket.reply`)}
            </Button>
            {isIct && (
              <Button
                variant="default"
                disabled={!body}
                loading={submission.pendingKey === 'write'}
                onClick={() => act('write', () => ticketActions.write(ticket.ref, body, 'note'), 'noted')}
              >
                {t(`${K}.ticket.note`)}
              </Button>
            )}
            {isIct && ticket.assignee === null && (
              <Button
                variant="default"
                loading={submission.pendingKey === 'claim'}
                onClick={() => act('claim', () => ticketActions.claim(ticket.ref), 'claimed')}
              >
                {t(`${K}.ticket.claim`)}
              </Button>
            )}
            <Button
              variant="default"
              color="red"
              loading={submission.pendingKey === 'close'}
              onClick={() => act('close', () => ticketActions.close(ticket.ref, body || undefined), 'closed')}
            >
              {isIct ? t(`${K}.ticket.close`) : t(`${K}.ticket.close_solved`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
