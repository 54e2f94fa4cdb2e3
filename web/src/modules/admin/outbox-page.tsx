import { Alert, Button, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  MAIL_STATUSES,
  type MailStatus,
  type OutboxEntry,
  type OutboxList,
} from '../../../../src/platform/mail/contract.js';
import { api } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { errorMessage } from '../../app/problems.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { useSubmission } from '../../app/submission.js';
import { Empty, ErrorState, FormErrors, LoadingState, PageHeader, Pager } from '../../app/ui.js';
import { withParam } from '../../app/url-params.js';
import { type Tone, ToneBadge } from '../knowledge/tone-badge.js';
import './outbox.css';

const K = 'web.admin.outbox';
const PAGE_SIZE = 25;
const OUTBOX_KEY = ['mail', 'outbox'] as const;
const TONES: Record<MailStatus, Tone> = { queued: 'warn', sent: 'ok', failed: 'danger' };
const isMailStatus = (value: string | null): value is MailStatus =>
  (MAIL_STATUSES as readonly string[]).includes(value ?? '');

/**
 * The admin's view of outgoing mail: how many wait, left or failed, the mails of one status, and
 * "send again" for a failed one once its cause (a relay down, a refused address) is fixed.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canRetry = hasAbility(me, 'mail.outbox.retry');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const status = isMailStatus(params.get('status')) ? (params.get('status') as MailStatus) : null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [notice, setNotice] = useState('');
  // One mail sent again at a time, known by its id.
  const retrial = useSubmission<string>();
  const noticeRef = useRef<HTMLDivElement>(null);

  const query = { status: status ?? undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const outbox = useQuery({
    queryKey: [...OUTBOX_KEY, query],
    queryFn: ({ signal }) => api<OutboxList>('/mail/outbox', { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  const setParam = (name: string, value: string | null) => {
    setNotice('');
    retrial.reset();
    setParams(() => withParam(name, value, { resetPage: true }), { replace: true });
  };

  const retry = (mail: OutboxEntry) =>
    retrial.run(async () => {
      await api(`/mail/outbox/${mail.id}/retry`, { method: 'POST' });
      await queryClient.invalidateQueries({ queryKey: OUTBOX_KEY });
      setNotice(t(`${K}.retried`, { subject: mail.subject || t(`${K}.no_subject`) }));
      // The row's button is gone (the mail is no longer failed): keep the keyboard where the news is.
      noticeRef.current?.focus();
    }, mail.id);

  // When a queued mail is next tried, when a sent one left; a failed one waits for nobody.
  const nextOrSent = (mail: OutboxEntry) => {
    if (mail.status === 'sent') return t(`${K}.sent_at`, { at: formatInstant(mail.sent_at) });
    if (mail.status === 'queued') return t(`${K}.next_at`, { at: formatInstant(mail.next_attempt_at) });
    return '—';
  };
  const pageCount = Math.max(1, Math.ceil((outbox.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <PageHeader title={t('web.areas.outbox.title')} description={t(`${K}.intro`)} />
      <Stack gap="md">
        <Alert color="relais" variant="light" title={t(`${K}.help_title`)}>
          <Stack gap={4}>
            {outbox.data && (
              <Text size="sm" fw={600}>
                {t(outbox.data.smtp_configured ? `${K}.smtp_on` : `${K}.smtp_off`)}
              </Text>
            )}
            <Text size="sm">{t(`${K}.help_smtp`)}</Text>
            <Text size="sm">{t(`${K}.help_failed`)}</Text>
          </Stack>
        </Alert>

        {outbox.data && (
          <Paper withBorder p="md" component="section" aria-labelledby="outbox-summary-title">
            <Title order={2} fz="h4" mb="sm" id="outbox-summary-title">
              {t(`${K}.summary`)}
            </Title>
            <dl className="outbox-counts">
              {MAIL_STATUSES.map((value) => (
                <div key={value} data-status={value}>
                  <dt>
                    <StatusWords status={value} />
                  </dt>
                  <dd>{outbox.data.counts[value]}</dd>
                </div>
              ))}
            </dl>
          </Paper>
        )}

        <Stack gap={4}>
          <Text size="sm" fw={500} id="outbox-filter-label">
            {t(`${K}.filter`)}
          </Text>
          <SegmentedControl
            aria-labelledby="outbox-filter-label"
            value={status ?? 'all'}
            onChange={(value) => setParam('status', value === 'all' ? null : value)}
            data={[
              { value: 'all', label: t(`${K}.all`) },
              ...MAIL_STATUSES.map((value) => ({ value, label: t(`${K}.status.${value}`) })),
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>

        {/* Always in the page, so that what it says after "send again" is announced. */}
        <div role="status" aria-live="polite" ref={noticeRef} tabIndex={-1} className="outbox-notice">
          {notice && (
            <Text size="sm" fw={500} c="teal.9">
              {notice}
            </Text>
          )}
        </div>
        {retrial.error !== null && <FormErrors title={errorMessage(retrial.error)} messages={[]} />}

        {outbox.isPending ? (
          <LoadingState />
        ) : outbox.isError ? (
          <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
        ) : outbox.data.items.length === 0 ? (
          <Empty
            title={status ? t(`${K}.none_of_status`) : t(`${K}.empty`)}
            description={status ? t(`${K}.none_of_status_help`) : t(`${K}.empty_help`)}
          />
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={960}>
              <Table verticalSpacing="sm" striped captionSide="bottom">
                <Table.Caption>{t(`${K}.caption`, { count: outbox.data.total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t(`${K}.created_at`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.to_domain`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.subject`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.source`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.status_column`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.attempts`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.next_or_sent`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.last_error`)}</Table.Th>
                    <Table.Th scope="col">
                      <span className="sr-only">{t('web.common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody aria-busy={outbox.isFetching}>
                  {outbox.data.items.map((mail) => (
                    <Table.Tr key={mail.id} data-mail-id={mail.id} data-status={mail.status}>
                      <Table.Td>
                        <Text size="sm">{formatInstant(mail.created_at)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {mail.to_domain || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{mail.subject || t(`${K}.no_subject`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {t(`${K}.sources.${mail.source}`, { defaultValue: mail.source })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <StatusWords status={mail.status} />
                      </Table.Td>
                      <Table.Td>{mail.attempts}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{nextOrSent(mail)}</Text>
                      </Table.Td>
                      <Table.Td>
                        {mail.last_error ? (
                          <Text size="xs" className="outbox-error">
                            {mail.last_error}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td ta="right" className="outbox-action">
                        {canRetry && mail.can_retry && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            loading={retrial.pendingKey === mail.id}
                            onClick={() => void retry(mail)}
                            aria-label={t(`${K}.retry_label`, { subject: mail.subject || mail.id })}
                          >
                            {t(`${K}.retry`)}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>
      <Pager page={page} pageCount={pageCount} onChange={(value) => setParam('page', String(value))} />
    </>
  );
}

/** A mail's status in words, on its tone (never colour alone), never cut short in a narrow column. */
function StatusWords(props: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={TONES[props.status]} styles={{ label: { overflow: 'visible' } }}>
      {t(`${K}.status.${props.status}`)}
    </ToneBadge>
  );
}
