import { Button, Group, NativeSelect, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.js';
import { errorMessage, fieldMessage } from '../../app/problems.js';
import { FormErrors } from '../../app/ui.js';
import { backofficeActions, useExperts, useTeams } from './backoffice-api.js';
import { useInquirySubmission } from './backoffice-form.js';
import { teamName } from './inquiry-labels.js';

const K = 'web.inquiries.backoffice.reassign';
/** The picker's value for "nobody": the inquiries go back to their team's queue. */
const NOBODY = '-';

/** A refusal's lines, each naming the inquiry it is about rather than its place in the request. */
function problemLines(
  error: unknown,
  refs: readonly string[],
): { byField: Record<string, string>; others: string[] } {
  const byField: Record<string, string> = {};
  const others: string[] = [];
  if (!(error instanceof ApiError)) return { byField, others };
  for (const problem of error.fieldErrors) {
    const index = /^refs\.(\d+)/.exec(problem.field)?.[1];
    if (index !== undefined) others.push(`${refs[Number(index)] ?? problem.field}: ${fieldMessage(problem)}`);
    else if (problem.field === 'assignee' || problem.field === 'team')
      byField[problem.field] = fieldMessage(problem);
    else others.push(`${problem.field}: ${fieldMessage(problem)}`);
  }
  return { byField, others };
}

/**
 * Hands the selected inquiries to a person and/or a team in one go (someone falls ill, a queue
 * overflows). The server moves all of them or none, and names each one it refused.
 */
export function ReassignForm(props: { refs: readonly string[]; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const experts = useExperts();
  const teams = useTeams();
  const [assignee, setAssignee] = useState<string | null>(null);
  const [team, setTeam] = useState('');
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const submission = useInquirySubmission();
  const { error } = submission;
  const { byField, others } = problemLines(error, props.refs);

  const submit = () => {
    setLocalProblem(null);
    submission.reset();
    if (!assignee && !team) {
      setLocalProblem(t(`${K}.pick_something`));
      return;
    }
    void submission.run(async () => {
      const { reassigned } = await backofficeActions.reassign({
        refs: [...props.refs],
        ...(assignee && { assignee: assignee === NOBODY ? null : assignee }),
        ...(team && { team }),
      });
      setAssignee(null);
      setTeam('');
      props.onDone(t(`${K}.done`, { count: reassigned }));
    });
  };

  return (
    <Paper
      withBorder
      p="md"
      mb="md"
      component="form"
      noValidate
      aria-labelledby="inq-reassign-title"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit();
      }}
    >
      <Title order={2} fz="h5" id="inq-reassign-title" mb={4}>
        {t(`${K}.title`, { count: props.refs.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.help`)}
      </Text>
      <Stack gap="sm">
        {(error !== null || localProblem) && (
          <FormErrors title={localProblem ?? errorMessage(error)} messages={others} />
        )}
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t(`${K}.person`)}
            placeholder={t(`${K}.keep_person`)}
            data={[
              { value: NOBODY, label: t(`${K}.nobody`) },
              ...(experts.data?.items ?? []).map((person) => ({ value: person.id, label: person.name })),
            ]}
            value={assignee}
            onChange={setAssignee}
            searchable
            clearable
            nothingFoundMessage={t(`${K}.no_person`)}
            error={byField.assignee}
            w={280}
          />
          <NativeSelect
            label={t(`${K}.team`)}
            value={team}
            onChange={(event) => setTeam(event.currentTarget.value)}
            data={[
              { value: '', label: t(`${K}.keep_team`) },
              ...(teams.data ?? []).map((item) => ({
                value: item.code,
                label: teamName(item, i18n.language),
              })),
            ]}
            error={byField.team}
            w={280}
          />
          <Button type="submit" loading={submission.isPending} disabled={props.refs.length === 0}>
            {t(`${K}.submit`, { count: props.refs.length })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
