import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ThreadEventView } from '../../../../src/modules/inquiries/contract.js';
import { formatInstant } from '../../app/format.js';
import { Empty } from '../../app/ui.js';
import { useThemes } from '../knowledge/api.js';
import type { InquiryDetailView } from './api.js';
import { SocialAnswerCopy } from './social-answer.js';

/** A mail that went out: still waiting (no SMTP server, or retrying), sent, or given up. Text stays
 * dark on every tint (contrast). */
const MAIL_STATUS_COLORS = { queued: 'yellow', sent: 'green', failed: 'red' } as const;

type Message = InquiryDetailView['messages'][number];
type Item = { at: string; message: Message } | { at: string; event: ThreadEventView };

/**
 * The messages and everything else that happened (status changes with who and why, calls made to
 * reach the person, mails, the FAQ), in one list by time: the story as it unfolded. At the same
 * instant a message comes before the event it led to (the answer, then the move it made).
 */
export function threadItems(inquiry: Pick<InquiryDetailView, 'messages' | 'events'>): Item[] {
  const items: Item[] = [
    ...inquiry.messages.map((message) => ({ at: message.created_at, message })),
    ...inquiry.events.map((event) => ({ at: event.at, event })),
  ];
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.at < b.item.at ? -1 : a.item.at > b.item.at ? 1 : a.i - b.i))
    .map(({ item }) => item);
}

export function Thread(props: { inquiry: InquiryDetailView }) {
  const { t } = useTranslation();
  const items = threadItems(props.inquiry);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="inq-thread-title">
      <Title order={2} fz="h4" id="inq-thread-title" mb="xs">
        {t('web.inquiries.detail.thread')}
      </Title>
      {items.length === 0 ? (
        <Empty title={t('web.inquiries.detail.no_messages')} />
      ) : (
        <ol className="inq-thread">
          {items.map((item, i) =>
            'message' in item ? (
              <MessageItem key={item.message.id} message={item.message} social={props.inquiry.social} />
            ) : (
              // Events have no id of their own; their place in the story never changes.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows, in time order
              <EventItem key={`event-${i}`} event={item.event} />
            ),
          )}
        </ol>
      )}
    </Paper>
  );
}

function MessageItem({ message, social }: { message: Message; social: InquiryDetailView['social'] }) {
  const { t } = useTranslation();
  return (
    <li data-kind={message.kind}>
      <Group gap="xs" mb={4} wrap="wrap">
        <Badge variant="light" size="sm" color="gray" c="gray.9">
          {t(`web.inquiries.message_kinds.${message.kind}`)}
        </Badge>
        <Text span size="sm" fw={600}>
          {message.author?.name ?? t('web.inquiries.detail.unknown_author')}
        </Text>
        <Text span size="xs" c="dimmed">
          {formatInstant(message.created_at)}
          {message.via && ` · ${t(`web.inquiries.vias.${message.via}`, { defaultValue: message.via })}`}
        </Text>
        {message.mail_status && (
          <Badge
            variant="light"
            size="sm"
            color={MAIL_STATUS_COLORS[message.mail_status]}
            c="gray.9"
            data-mail-status={message.mail_status}
          >
            {t(`web.inquiries.mail_status.${message.mail_status}`)}
          </Badge>
        )}
      </Group>
      <Text size="sm" className="inq-text">
        {message.body}
      </Text>
      {message.kind === 'answer' && message.via === 'social' && social && (
        <SocialAnswerCopy answer={message.body} social={social} />
      )}
    </li>
  );
}

const K = 'web.inquiries.story';

function EventItem({ event }: { event: ThreadEventView }) {
  const { t } = useTranslation();
  return (
    <li data-kind="event" data-event={event.kind}>
      <Group gap="xs" wrap="wrap">
        <Badge variant="outline" size="sm" color="gray" c="gray.9">
          {t(`${K}.kinds.${event.kind}`)}
        </Badge>
        <Text span size="sm">
          <EventSentence event={event} />
        </Text>
        <Text span size="xs" c="dimmed">
          {event.actor ? t(`${K}.by`, { name: event.actor.name }) : t(`${K}.by_relais`)}
          {` · ${formatInstant(event.at)}`}
        </Text>
      </Group>
      {event.note && (
        <Text size="sm" className="inq-text" mt={4}>
          {event.kind === 'status_changed' ? t(`${K}.reason`, { note: event.note }) : event.note}
        </Text>
      )}
    </li>
  );
}

function EventSentence({ event }: { event: ThreadEventView }) {
  const { t, i18n } = useTranslation();
  const themes = useThemes();
  switch (event.kind) {
    case 'status_changed': {
      const to = t(`web.inquiries.statuses.${event.to_status ?? 'new'}`);
      if (!event.from_status) return t(`${K}.logged`);
      if (event.to_status === 'closed') return t(`${K}.closed`);
      return t(`${K}.moved`, { from: t(`web.inquiries.statuses.${event.from_status}`), to });
    }
    case 'callback_attempt':
      return t(`${K}.called`, {
        outcome: t(`web.inquiries.callbacks.outcomes.${event.outcome ?? 'no_answer'}`),
      });
    case 'mail':
      return t(`${K}.mail.${event.mail_status ?? 'queued'}`);
    case 'faq_linked':
      return t(`${K}.faq_linked`, { ref: event.entry_ref, version: event.entry_version });
    case 'faq_proposed': {
      const theme = themes.data?.find((th) => th.code === event.theme);
      const name = theme ? (i18n.language === 'nl' ? theme.nameNl : theme.nameFr) : (event.theme ?? '');
      return t(`${K}.faq_proposed`, { ref: event.entry_ref, theme: name });
    }
  }
}
