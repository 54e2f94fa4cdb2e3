import { useTranslation } from 'react-i18next';
import { type Tone, ToneBadge } from '../knowledge/tone-badge.js';
import type { Status } from './backoffice-api.js';

const STATUS_TONES: Record<Status, Tone> = {
  new: 'info',
  escalated: 'warn',
  in_research: 'info',
  waiting_partner: 'muted',
  callback_pending: 'warn',
  answered: 'ok',
  closed: 'muted',
};

/** An inquiry's status in words, on a tint that says the same (never colour alone). */
export function BackofficeStatusBadge(props: { status: Status }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={STATUS_TONES[props.status]} styles={{ label: { overflow: 'visible' } }}>
      {t(`web.inquiries.backoffice.statuses.${props.status}`)}
    </ToneBadge>
  );
}

/** A team's name in the reader's language (teams are named in French and Dutch only). */
export const localTeamName = (team: { name_fr: string; name_nl: string }, language: string): string =>
  language === 'nl' ? team.name_nl : team.name_fr;
