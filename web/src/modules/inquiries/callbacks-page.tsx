import { Alert, Button, Paper, Radio, Stack, Table, Tabs, Text, Textarea, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatInstant } from '../../app/format.js';
import { errorMessage } from '../../app/problems.js';
import { useCurrentUser } from '../../app/session.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { ToneBadge } from '../knowledge/tone-badge.js';
import {
  backofficeActions,
  type CallbackOutcome,
  type CallbackStatus,
  type CallbackView,
  useCallbacks,
  useInquiry,
} from './backoffice-api.js';
import { ActionForm, useInquirySubmission } from './backoffice-form.js';
import { CALLBACK_OUTCOME_CHOICES, excerpt } from './backoffice-format.js';
import './backoffice.css';

const K = 'web.inquiries.callbacks';
const TABS: readonly CallbackStatus[] = ['pending', 'done', 'gave_up'];

const isLate = (callback: CallbackView, now: number) =>
  callback.status === 'pending' && Date.parse(callback.due_at) < now;

/**
 * The agents' callback pool: the experts' answers to give back by phone, the most urgent first.
 * An agent takes one, calls, and records how it went; the server schedules the next attempt or,
 * after the last, sends the answer in writing.
 */
export function CallbackPoolPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as CallbackStatus)
    : 'pending';
  const [activeId, setActiveId] = useState<string | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  return (
    <>
      <PageHeader title={t('web.areas.inqCallbacks.title')} description={t(`${K}.intro`)} />
      {notice && (
        <Alert color="teal" role="status" mb="md">
          {notice}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => {
          setNotice(null);
          setParams(value && value !== 'pending' ? { tab: value } : {}, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t(`${K}.tabs_label`)} mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`${K}.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((value) => (
          <Tabs.Panel key={value} value={value}>
            <CallbackList
              status={value}
              activeId={activeId}
              onActivate={(id) => {
                setNotice(null);
                setActiveId(id);
              }}
              onRecorded={(message) => {
                setActiveId(null);
                setNotice(message);
              }}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function CallbackList(props: {
  status: CallbackStatus;
  activeId: string | null;
  onActivate: (id: string | null) => void;
  onRecorded: (message: ReactNode) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const list = useCallbacks(props.status);
  const take = useInquirySubmission();
  const now = Date.now();
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <Empty title={t(`${K}.empty.${props.status}`)} />;
  const active = list.data.items.find((item) => item.id === props.activeId);
  const isPending = props.status === 'pending';
  const takenBy = (callback: CallbackView) =>
    callback.claimed_by === null
      ? '—'
      : callback.claimed_by === me.id
        ? t(`${K}.taken_by_me`)
        : t(`${K}.taken_by_colleague`);
  return (
    <Stack gap="md">
      {take.error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(take.error)}
        </Alert>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" striped captionSide="bottom" className="data-table">
            <Table.Caption>{t(`${K}.caption.${props.status}`, { count: list.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.fields.due`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.fields.ref`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.fields.person`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.fields.question`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.fields.attempts`)}</Table.Th>
                <Table.Th scope="col">
                  {isPending ? t(`${K}.fields.taken_by`) : t(`${K}.fields.outcome`)}
                </Table.Th>
                {isPending && (
                  <Table.Th scope="col">
                    <span className="sr-only">{t('web.common.actions')}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody aria-busy={list.isFetching}>
              {list.data.items.map((callback) => {
                const late = isLate(callback, now);
                const isMine = callback.claimed_by === me.id;
                return (
                  <Table.Tr
                    key={callback.id}
                    className={late ? 'inq-row-overdue' : undefined}
                    aria-current={callback.id === props.activeId ? 'true' : undefined}
                  >
                    <Table.Td>
                      <Stack gap={2} align="flex-start">
                        <Text size="sm">{formatInstant(callback.due_at)}</Text>
                        {late && <ToneBadge tone="danger">{t(`${K}.overdue`)}</ToneBadge>}
                      </Stack>
                    </Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {callback.inquiry_ref}
                    </Table.Td>
                    <Table.Td>
                      {callback.requester_name ?? '—'}
                      <Text size="xs" c="dimmed">
                        {t(`${K}.language`, { language: t(`${K}.languages.${callback.language}`) })}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" lang={callback.language}>
                        {excerpt(callback.question, 110)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {t(`${K}.attempts_of`, { count: callback.attempts, max: callback.max_attempts })}
                    </Table.Td>
                    <Table.Td>
                      {isPending
                        ? takenBy(callback)
                        : callback.status === 'done'
                          ? t(`${K}.outcome_done`)
                          : t(`${K}.outcome_gave_up.${callback.fallback ?? 'letter'}`)}
                    </Table.Td>
                    {isPending && (
                      <Table.Td ta="right">
                        {isMine ? (
                          <Button
                            size="compact-sm"
                            variant={callback.id === props.activeId ? 'filled' : 'light'}
                            onClick={() => props.onActivate(callback.id)}
                            aria-label={t(`${K}.record_named`, { ref: callback.inquiry_ref })}
                          >
                            {t(`${K}.record`)}
                          </Button>
                        ) : callback.claimed_by === null ? (
                          <Button
                            size="compact-sm"
                            variant="light"
                            loading={take.isPending}
                            aria-label={t(`${K}.take_named`, { ref: callback.inquiry_ref })}
                            onClick={() =>
                              void take
                                .run(async () => {
                                  await backofficeActions.claimCallback(callback.id);
                                  return null;
                                })
                                .then((isDone) => isDone && props.onActivate(callback.id))
                            }
                          >
                            {t(`${K}.take`)}
                          </Button>
                        ) : null}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {isPending && active && (
        <OutcomePanel key={active.id} callback={active} onRecorded={props.onRecorded} />
      )}
    </Stack>
  );
}

/** The call itself: whom to call, the answer to give, and how it went. */
function OutcomePanel(props: { callback: CallbackView; onRecorded: (message: ReactNode) => void }) {
  const { t } = useTranslation();
  const { callback } = props;
  const inquiry = useInquiry(callback.inquiry_ref);
  const submission = useInquirySubmission();
  const [outcome, setOutcome] = useState<CallbackOutcome>('reached');
  const [note, setNote] = useState('');
  const answer = inquiry.data?.messages.filter((message) => message.kind === 'answer').at(-1);
  const titleId = `cb-panel-${callback.id}`;
  const send = () =>
    void submission.run(async () => {
      const result = await backofficeActions.recordAttempt(callback.id, outcome, note);
      const message =
        result.status === 'pending'
          ? t(`${K}.recorded_retry`, {
              ref: callback.inquiry_ref,
              date: formatInstant(result.due_at),
              attempt: callback.attempts + 2,
              max: callback.max_attempts,
            })
          : result.status === 'done'
            ? t(`${K}.recorded_done`, { ref: callback.inquiry_ref })
            : t(`${K}.recorded_gave_up`, { ref: callback.inquiry_ref });
      props.onRecorded(message);
      return message;
    });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="h4" id={titleId} mb="sm">
        {t(`${K}.panel_title`, { ref: callback.inquiry_ref })}
      </Title>
      {inquiry.isPending ? (
        <LoadingState />
      ) : inquiry.isError ? (
        <ErrorState error={inquiry.error} onRetry={() => void inquiry.refetch()} />
      ) : (
        <Stack gap="md">
          <dl className="inq-sla-details">
            <div>
              <dt>{t(`${K}.fields.person`)}</dt>
              <dd>{inquiry.data.requester.name ?? '—'}</dd>
            </div>
            <div>
              <dt>{t(`${K}.fields.phone`)}</dt>
              <dd>{inquiry.data.requester.phone ?? t(`${K}.no_phone`)}</dd>
            </div>
            <div>
              <dt>{t(`${K}.fields.language`)}</dt>
              <dd>{t(`${K}.languages.${inquiry.data.language}`)}</dd>
            </div>
          </dl>
          <section aria-labelledby={`${titleId}-q`}>
            <Title order={3} fz="h5" id={`${titleId}-q`} mb={4}>
              {t(`${K}.fields.question`)}
            </Title>
            <Text size="sm" className="inq-prewrap" lang={inquiry.data.language}>
              {inquiry.data.question}
            </Text>
          </section>
          <section aria-labelledby={`${titleId}-a`}>
            <Title order={3} fz="h5" id={`${titleId}-a`} mb={4}>
              {t(`${K}.answer_to_give`)}
            </Title>
            <Text size="sm" className="inq-prewrap" lang={inquiry.data.language}>
              {answer?.body ?? t(`${K}.no_answer`)}
            </Text>
          </section>
          <ActionForm
            id={`${titleId}-form`}
            title={t(`${K}.outcome_title`)}
            submission={submission}
            fields={['outcome', 'note']}
            submitLabel={t(`${K}.outcome_submit`)}
            onSubmit={send}
          >
            {(errors) => (
              <>
                <Radio.Group
                  name="outcome"
                  label={t(`${K}.outcome`)}
                  value={outcome}
                  onChange={(value) => setOutcome(value as CallbackOutcome)}
                  error={errors.outcome}
                >
                  <Stack gap={6} mt={4}>
                    {CALLBACK_OUTCOME_CHOICES.map((value) => (
                      <Radio key={value} value={value} label={t(`${K}.outcomes.${value}`)} />
                    ))}
                  </Stack>
                </Radio.Group>
                <Textarea
                  name="note"
                  label={t(`${K}.note`)}
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={2000}
                  value={note}
                  onChange={(event) => setNote(event.currentTarget.value)}
                  error={errors.note}
                />
                <Text size="xs" c="dimmed">
                  {t(`${K}.attempt_help`, {
                    attempt: callback.attempts + 1,
                    max: callback.max_attempts,
                  })}
                </Text>
              </>
            )}
          </ActionForm>
        </Stack>
      )}
    </Paper>
  );
}
