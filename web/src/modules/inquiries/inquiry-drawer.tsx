import { Anchor, Drawer, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../app/format.js';
import { ErrorState, LoadingState } from '../../app/ui.js';
import { type InquiryDetailView, inquiryPath, useInquiry } from './backoffice-api.js';
import { ExpertActions } from './expert-actions.js';
import { InquiryDeadlines } from './inquiry-deadlines.js';
import { InquiryStatusBadge, teamName } from './inquiry-labels.js';
import './backoffice.css';

const K = 'web.inquiries.backoffice.drawer';

/** The thread as the expert needs it beside the actions: who said what, when, by which way. */
export function MiniThread(props: { inquiry: InquiryDetailView; headingOrder?: 3 | 4 }) {
  const { t } = useTranslation();
  const id = `inq-thread-${props.inquiry.ref}`;
  return (
    <section aria-labelledby={id}>
      <Title order={props.headingOrder ?? 3} fz="h5" id={id} mb="xs">
        {t(`${K}.thread`)}
      </Title>
      {props.inquiry.messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`${K}.thread_empty`)}
        </Text>
      ) : (
        <ol className="inq-mini-thread">
          {props.inquiry.messages.map((message) => (
            <li key={message.id} data-kind={message.kind}>
              <Text size="xs" c="dimmed">
                {[
                  t(`web.inquiries.backoffice.thread.kinds.${message.kind}`),
                  message.via ? t(`web.inquiries.backoffice.thread.vias.${message.via}`) : null,
                  message.mail_status ? t(`web.inquiries.mail_status.${message.mail_status}`) : null,
                  message.author?.name,
                  formatInstant(message.created_at),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Text size="sm" className="inq-prewrap">
                {message.body}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function DrawerBody(props: { inquiry: InquiryDetailView }) {
  const { t, i18n } = useTranslation();
  const { inquiry } = props;
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <InquiryStatusBadge status={inquiry.status} partnerAnsweredAt={inquiry.partner_answered_at} />
        <Text size="sm" c="dimmed">
          {t(`${K}.received`, { date: formatInstant(inquiry.created_at) })}
        </Text>
      </Group>
      <dl className="inq-sla-details">
        <div>
          <dt>{t('web.inquiries.backoffice.fields.team')}</dt>
          <dd>{inquiry.team ? teamName(inquiry.team, i18n.language) : '—'}</dd>
        </div>
        <div>
          <dt>{t('web.inquiries.backoffice.fields.assignee')}</dt>
          <dd>{inquiry.assignee?.name ?? t('web.inquiries.backoffice.nobody')}</dd>
        </div>
        <div>
          <dt>{t('web.inquiries.backoffice.fields.requester')}</dt>
          <dd>
            {[inquiry.requester.name, inquiry.requester.niss, inquiry.requester.enterprise_number]
              .filter(Boolean)
              .join(' · ') || '—'}
          </dd>
        </div>
      </dl>
      <Paper withBorder p="md" component="section" aria-labelledby={`inq-q-${inquiry.ref}`}>
        <Title order={3} fz="h5" id={`inq-q-${inquiry.ref}`} mb="xs">
          {t('web.inquiries.backoffice.fields.question')}
        </Title>
        <Text size="sm" className="inq-prewrap" lang={inquiry.language}>
          {inquiry.question}
        </Text>
      </Paper>
      <MiniThread inquiry={inquiry} />
      <InquiryDeadlines inquiry={inquiry} headingOrder={3} />
      <ExpertActions inquiry={inquiry} headingOrder={3} />
      <Anchor component={Link} to={inquiryPath(inquiry.ref)} size="sm">
        {t(`${K}.open_page`, { ref: inquiry.ref })}
      </Anchor>
    </Stack>
  );
}

/** One inquiry of a list, opened beside it: read the thread and act without leaving the queue. */
export function InquiryDrawer(props: { inquiryRef: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const inquiry = useInquiry(props.inquiryRef);
  return (
    <Drawer.Root opened={props.inquiryRef !== null} onClose={props.onClose} position="right" size="xl">
      <Drawer.Overlay />
      <Drawer.Content>
        {/* Mantine's header is a <header>, which would read as a second banner of the page. */}
        <Drawer.Header role="none">
          <Drawer.Title fw={600}>
            {props.inquiryRef ? t(`${K}.title`, { ref: props.inquiryRef }) : ''}
          </Drawer.Title>
          <Drawer.CloseButton aria-label={t('web.common.close')} />
        </Drawer.Header>
        <Drawer.Body>
          {!props.inquiryRef ? null : inquiry.isPending ? (
            <LoadingState />
          ) : inquiry.isError ? (
            <ErrorState error={inquiry.error} onRetry={() => void inquiry.refetch()} />
          ) : (
            <DrawerBody key={inquiry.data.ref} inquiry={inquiry.data} />
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
