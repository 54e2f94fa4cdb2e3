import { Group, Kbd } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Tone, ToneBadge } from '../knowledge/tone-badge.js';
import type { Status, Team } from './api.js';
import { type Shortcut, shortcutKeys } from './shortcuts.js';

const STATUS_TONES: Record<Status, Tone> = {
  new: 'info',
  escalated: 'warn',
  in_research: 'info',
  // The clocks stop while the fund is asked: nothing for the team to do meanwhile.
  waiting_partner: 'muted',
  callback_pending: 'warn',
  answered: 'ok',
  closed: 'muted',
};

/**
 * An inquiry's status in words, on a tint that says the same (never colour alone). Back in research
 * because a fund answered (`partnerAnsweredAt`), it says so until the expert moves it on.
 */
export function InquiryStatusBadge(props: {
  status: Status;
  partnerAnsweredAt?: string | null;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const isFundAnswer = props.status === 'in_research' && Boolean(props.partnerAnsweredAt);
  return (
    <ToneBadge
      tone={isFundAnswer ? 'warn' : STATUS_TONES[props.status]}
      size={props.size ?? 'sm'}
      // Never cut to "Clôtur…" in a narrow table column.
      styles={{ label: { overflow: 'visible' } }}
      data-fund-answered={isFundAnswer || undefined}
    >
      {isFundAnswer
        ? t('web.inquiries.backoffice.fund_answered', { status: t(`web.inquiries.statuses.${props.status}`) })
        : t(`web.inquiries.statuses.${props.status}`)}
    </ToneBadge>
  );
}

/** A team's name in the reader's language (teams are named in French and Dutch only). */
export const teamName = (team: Pick<Team, 'name_fr' | 'name_nl'>, language: string): string =>
  language === 'nl' ? team.name_nl : team.name_fr;

/** A shortcut's keys as keycaps; hidden from screen readers, which hear `aria-keyshortcuts`. */
export function Keys(props: { shortcut: Shortcut }) {
  return (
    <Group gap={2} component="span" wrap="nowrap" aria-hidden="true" style={{ display: 'inline-flex' }}>
      {shortcutKeys(props.shortcut).map((key, index) => (
        <span key={key}>
          {index > 0 && '+'}
          <Kbd size="xs">{key}</Kbd>
        </span>
      ))}
    </Group>
  );
}
