import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.js';
import './backoffice.css';
import { ToneBadge } from '../knowledge/tone-badge.js';
import type { InquirySummaryView } from './backoffice-api.js';
import {
  type Deadlines,
  type DeadlineTimer,
  mostUrgentTimer,
  splitMinutes,
  TIMER_NAMES,
  type TimerName,
  timerTone,
} from './backoffice-format.js';

const K = 'web.inquiries.backoffice.sla';

/** "3 h 20 min", "45 min": business time, as the service level counts it. */
export function useBusinessDuration() {
  const { t } = useTranslation();
  return (minutes: number) => {
    const { hours, minutes: rest } = splitMinutes(minutes);
    if (hours === 0) return t(`${K}.duration_m`, { minutes: rest });
    return rest === 0 ? t(`${K}.duration_h`, { hours }) : t(`${K}.duration_hm`, { hours, minutes: rest });
  };
}

/** What a clock says in one line: its state and the business time left (or how late it is). */
export function useTimerSummary() {
  const { t } = useTranslation();
  const duration = useBusinessDuration();
  return (timer: DeadlineTimer): string => {
    const state = t(`${K}.states.${timer.state === 'met' && timer.breached ? 'met_late' : timer.state}`);
    switch (timer.state) {
      case 'on_track':
      case 'due_soon':
        return t(`${K}.summary_left`, { state, time: duration(timer.remaining_minutes) });
      case 'overdue':
        return t(`${K}.summary_late`, { state, time: duration(timer.remaining_minutes) });
      case 'paused':
        return t(`${K}.summary_paused`, { state, time: duration(timer.remaining_minutes) });
      case 'met':
        return state;
    }
  };
}

/**
 * The most urgent clock of an inquiry in a table cell: its state and time in words on a tint, and
 * which deadline it is. A dash when no team holds the inquiry (no service level applies).
 */
export function DeadlineBadge(props: { deadlines: Deadlines | null }) {
  const { t } = useTranslation();
  const summary = useTimerSummary();
  const urgent = mostUrgentTimer(props.deadlines);
  if (!urgent) {
    const allMet = props.deadlines !== null;
    return (
      <Text size="sm" c="dimmed">
        {allMet ? t(`${K}.states.met`) : '—'}
      </Text>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <ToneBadge tone={timerTone(urgent.timer)} styles={{ label: { overflow: 'visible' } }}>
        {summary(urgent.timer)}
      </ToneBadge>
      <Text size="xs" c="dimmed">
        {t(`${K}.names.${urgent.name}`)}
      </Text>
    </Stack>
  );
}

function TimerDetails(props: { name: TimerName; timer: DeadlineTimer; headingOrder: 3 | 4 }) {
  const { t } = useTranslation();
  const duration = useBusinessDuration();
  const summary = useTimerSummary();
  const { name, timer } = props;
  const isRunning = timer.state === 'on_track' || timer.state === 'due_soon' || timer.state === 'overdue';
  const rows: [string, string][] = [];
  if (timer.due_at)
    rows.push([t(`${K}.due_at`), t(`${K}.brussels_time`, { date: formatInstant(timer.due_at) })]);
  else if (timer.state === 'paused') rows.push([t(`${K}.due_at`), t(`${K}.due_moves`)]);
  if (isRunning || timer.state === 'paused')
    rows.push([
      timer.remaining_minutes < 0 ? t(`${K}.late_by`) : t(`${K}.time_left`),
      duration(timer.remaining_minutes),
    ]);
  if (timer.paused_since)
    rows.push([t(`${K}.paused_since`), t(`${K}.brussels_time`, { date: formatInstant(timer.paused_since) })]);
  return (
    <div data-timer={name}>
      <Title order={props.headingOrder} fz="sm">
        {t(`${K}.names.${name}`)}
      </Title>
      <ToneBadge tone={timerTone(timer)} mt={4} mb={4} styles={{ label: { overflow: 'visible' } }}>
        {summary(timer)}
      </ToneBadge>
      {rows.length > 0 && (
        <dl className="inq-sla-details">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/**
 * Every deadline of an inquiry: first answer and resolution, each with its state in words, its due
 * time in Brussels time, the business time left (or how late), and since when it is paused.
 */
export function InquiryDeadlines(props: {
  inquiry: Pick<InquirySummaryView, 'deadlines' | 'ref'>;
  /** 2 on the inquiry's page, 3 inside a drawer that has its own title. */
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { deadlines, ref } = props.inquiry;
  const titleId = `inq-deadlines-${ref}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={props.headingOrder ?? 2} fz="h4" id={titleId} mb="xs">
        {t(`${K}.title`)}
      </Title>
      {deadlines ? (
        <Stack gap="sm">
          {TIMER_NAMES.map((name) => (
            <TimerDetails
              key={name}
              name={name}
              timer={deadlines[name]}
              headingOrder={props.headingOrder === 3 ? 4 : 3}
            />
          ))}
          <Text size="xs" c="dimmed">
            {t(`${K}.business_hours_help`)}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t(`${K}.none`)}
        </Text>
      )}
    </Paper>
  );
}
