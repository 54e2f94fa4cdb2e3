import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { errorMessage, splitFieldErrors } from '../../app/problems.js';
import { type Submission, useSubmission } from '../../app/submission.js';
import { FormErrors } from '../../app/ui.js';
import { backofficeKeys } from './backoffice-api.js';

/** A submission that refreshes every inquiries screen after each attempt: the work changed an inquiry. */
export function useInquirySubmission(): Submission {
  const queryClient = useQueryClient();
  return useSubmission({
    onSettled: () => void queryClient.invalidateQueries({ queryKey: backofficeKeys.all }),
  });
}

/**
 * A small form for one action, titled for screen readers' list of forms: the server's refusal above
 * the fields (field errors beside their input, the others listed), its confirmation beside the button.
 */
export function ActionForm(props: {
  id: string;
  title: string;
  headingOrder?: 3 | 4;
  help?: ReactNode;
  submission: Submission;
  fields: readonly string[];
  submitLabel: string;
  onSubmit: () => void;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const { byField, others } = splitFieldErrors(props.submission.error, props.fields);
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      aria-labelledby={props.id}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <Title order={props.headingOrder ?? 3} fz="h5" id={props.id} mb={props.help ? 4 : 'sm'}>
        {props.title}
      </Title>
      {props.help && (
        <Text size="sm" c="dimmed" mb="sm">
          {props.help}
        </Text>
      )}
      <Stack gap="sm">
        {props.submission.error !== null && (
          <FormErrors title={errorMessage(props.submission.error)} messages={others} />
        )}
        {props.children(byField)}
        <Group justify="space-between" gap="sm">
          <Button type="submit" loading={props.submission.isPending}>
            {props.submitLabel}
          </Button>
        </Group>
        {props.submission.notice && (
          <Text size="sm" c="teal.9" role="status">
            {props.submission.notice}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
