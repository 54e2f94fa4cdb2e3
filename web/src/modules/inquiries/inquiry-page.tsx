import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatInstant } from '../../app/format.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { ToneBadge } from '../knowledge/tone-badge.js';
import '../knowledge/knowledge.css';
import './inquiries.css';
import { type InquiryDetailView, useInquiry } from './api.js';
import { InquiryCall } from './inquiry-call.js';
import { InquiryDeadlines } from './inquiry-deadlines.js';
import { InquiryStatusBadge, teamName } from './inquiry-labels.js';
import { Thread } from './inquiry-thread.js';
import { InquiryNextSteps } from './next-steps-panel.js';

/** Where an FAQ answer is read: the FAQ screen, opened on that entry in the inquiry's language. */
export function entryLink(entryRef: string, language: string): string {
  const params = new URLSearchParams({ ref: entryRef });
  if (language === 'fr' || language === 'nl') params.set('lang', language);
  return `/knowledge/search?${params.toString()}`;
}

/** One inquiry: what was asked, by whom, what happened since, and what can be done next. */
export function InquiryPage() {
  const { t } = useTranslation();
  const { ref = '' } = useParams();
  const me = useCurrentUser();
  const inquiry = useInquiry(ref);
  const title = t('web.inquiries.detail.title', { ref });
  if (inquiry.isPending)
    return (
      <>
        <PageHeader title={title} />
        <LoadingState />
      </>
    );
  if (inquiry.isError)
    return (
      <>
        <PageHeader title={title} />
        <ErrorState error={inquiry.error} onRetry={() => void inquiry.refetch()} />
      </>
    );
  const data = inquiry.data;
  const canWork = hasAbility(me, 'inquiries.work');
  return (
    <>
      <PageHeader
        title={title}
        description={<Summary inquiry={data} />}
        actions={
          <Button component={Link} to="/inquiries" variant="default">
            {t('web.inquiries.detail.to_list')}
          </Button>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-labelledby="inq-question-title">
              <Title order={2} fz="h4" id="inq-question-title" mb="xs">
                {t('web.inquiries.fields.question')}
              </Title>
              <Text className="inq-text" lang={data.language}>
                {data.question}
              </Text>
              {data.answer_entry && (
                <Text size="sm" mt="sm">
                  {t('web.inquiries.detail.answered_with')}{' '}
                  <Anchor component={Link} to={entryLink(data.answer_entry.ref, data.language)}>
                    {t('web.inquiries.detail.entry_version', {
                      ref: data.answer_entry.ref,
                      version: data.answer_entry.version,
                    })}
                  </Anchor>
                </Text>
              )}
            </Paper>
            <Thread inquiry={data} />
            {canWork && <InquiryNextSteps inquiry={data} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Details inquiry={data} />
            {data.channel === 'phone' && <InquiryCall inquiry={data} canWork={canWork} />}
            <InquiryDeadlines inquiry={data} />
            <Requester inquiry={data} />
            <Flags inquiry={data} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Summary(props: { inquiry: InquiryDetailView }) {
  const { t } = useTranslation();
  const { inquiry } = props;
  return (
    <Group gap="xs" component="span" wrap="wrap">
      <InquiryStatusBadge status={inquiry.status} partnerAnsweredAt={inquiry.partner_answered_at} size="md" />
      <span>
        {t('web.inquiries.detail.received', {
          date: formatInstant(inquiry.created_at),
          channel: t(`web.inquiries.channels.${inquiry.channel}`),
        })}
      </span>
      {inquiry.social && (
        <span data-social>
          {t('web.inquiries.social.from', {
            handle: inquiry.social.handle,
            platform: t(`web.inquiries.social_platforms.${inquiry.social.platform}`),
          })}
        </span>
      )}
    </Group>
  );
}

function Details(props: { inquiry: InquiryDetailView }) {
  const { t, i18n } = useTranslation();
  const { inquiry } = props;
  const rows: [string, string][] = [
    [t('web.inquiries.fields.status'), t(`web.inquiries.statuses.${inquiry.status}`)],
    [t('web.inquiries.fields.channel'), t(`web.inquiries.channels.${inquiry.channel}`)],
    ...(inquiry.social
      ? ([
          [
            t('web.inquiries.fields.social_platform'),
            t(`web.inquiries.social_platforms.${inquiry.social.platform}`),
          ],
          [t('web.inquiries.fields.social_handle'), inquiry.social.handle],
        ] as [string, string][])
      : []),
    ...(inquiry.line !== null
      ? ([[t('web.inquiries.fields.line'), String(inquiry.line)]] as [string, string][])
      : []),
    [t('web.inquiries.fields.origin'), t(`web.inquiries.origins.${inquiry.origin}`)],
    [t('web.inquiries.fields.language'), t(`web.inquiries.languages.${inquiry.language}`)],
    [t('web.inquiries.fields.theme'), inquiry.theme ?? '—'],
    [t('web.inquiries.fields.team'), inquiry.team ? teamName(inquiry.team, i18n.language) : '—'],
    [t('web.inquiries.fields.assignee'), inquiry.assignee?.name ?? '—'],
    [t('web.inquiries.fields.created_at'), formatInstant(inquiry.created_at)],
    [t('web.inquiries.fields.first_answered_at'), formatInstant(inquiry.first_answered_at)],
    [t('web.inquiries.fields.closed_at'), formatInstant(inquiry.closed_at)],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="inq-details-title">
      <Title order={2} fz="h4" id="inq-details-title" mb="xs">
        {t('web.inquiries.detail.details')}
      </Title>
      <dl className="inq-details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Paper>
  );
}

function Requester(props: { inquiry: InquiryDetailView }) {
  const { t } = useTranslation();
  const { requester } = props.inquiry;
  const rows = (['name', 'niss', 'enterprise_number', 'phone', 'email', 'fund'] as const).flatMap((key) =>
    requester[key] ? [[key, requester[key]] as const] : [],
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="inq-requester-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4" id="inq-requester-title">
          {t('web.inquiries.detail.requester')}
        </Title>
        {requester.masked && <ToneBadge tone="muted">{t('web.inquiries.detail.masked')}</ToneBadge>}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('web.inquiries.detail.anonymous')}
        </Text>
      ) : (
        <dl className="inq-details">
          {rows.map(([key, value]) => (
            <div key={key}>
              <dt>{t(`web.inquiries.fields.${key}`)}</dt>
              <dd className={key === 'name' || key === 'fund' ? undefined : 'inq-mono'}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </Paper>
  );
}

function Flags(props: { inquiry: InquiryDetailView }) {
  const { t } = useTranslation();
  const { flags } = props.inquiry;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="inq-flags-title">
      <Title order={2} fz="h4" id="inq-flags-title" mb="xs">
        {t('web.inquiries.detail.flags')}
      </Title>
      {flags.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('web.inquiries.detail.no_flags')}
        </Text>
      ) : (
        <ul className="inq-flags">
          {flags.map((flag) => (
            <li key={`${flag.kind}-${flag.created_at}`}>
              <ToneBadge tone="warn">{t(`web.inquiries.flags.${flag.kind}`)}</ToneBadge>{' '}
              <Text span size="xs" c="dimmed">
                {formatInstant(flag.created_at)}
              </Text>
              {flag.note && (
                <Text size="sm" className="inq-text">
                  {flag.note}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </Paper>
  );
}
