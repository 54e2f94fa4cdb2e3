import { NativeSelect, Stack, Textarea } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams } from './api.js';
import { teamName } from './inquiry-labels.js';

export type EscalationValues = { team: string; note: string };
export const emptyEscalation: EscalationValues = { team: '', note: '' };
export const ESCALATION_FIELDS = ['team', 'note'] as const;

type Props = {
  values: EscalationValues;
  onChange: (values: EscalationValues) => void;
  errors: Record<string, string | undefined>;
  teamRef?: Ref<HTMLSelectElement>;
  /** Prefix of the inputs' names, so two forms on one page keep distinct names. */
  name?: string;
};

/**
 * The team to send the question to and the note the expert reads first. A native list: a letter
 * typed on it picks the team ("A" for Audit externe), no mouse needed.
 */
export function EscalationFields(props: Props) {
  const { t, i18n } = useTranslation();
  const teams = useTeams();
  const name = props.name ?? 'escalation';
  return (
    <Stack gap="sm">
      <NativeSelect
        ref={props.teamRef}
        name={`${name}.team`}
        label={t('web.inquiries.escalation.team')}
        required
        value={props.values.team}
        onChange={(event) => props.onChange({ ...props.values, team: event.currentTarget.value })}
        error={props.errors.team}
        data={[
          { value: '', label: t('web.inquiries.escalation.choose_team') },
          ...(teams.data ?? []).map((team) => ({ value: team.code, label: teamName(team, i18n.language) })),
        ]}
      />
      <Textarea
        name={`${name}.note`}
        label={t('web.inquiries.escalation.note')}
        description={t('web.inquiries.escalation.note_help')}
        required
        autosize
        minRows={2}
        maxRows={8}
        maxLength={2000}
        value={props.values.note}
        onChange={(event) => props.onChange({ ...props.values, note: event.currentTarget.value })}
        error={props.errors.note}
      />
    </Stack>
  );
}
