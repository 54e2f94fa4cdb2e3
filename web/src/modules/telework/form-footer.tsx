import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Submission } from '../../app/submission.js';
import { FormErrors } from '../../app/ui.js';

/** A line read out when it changes: the notice after a save, or nothing yet. */
export function LiveNotice(props: { notice: ReactNode; mt?: 'xs'; mb?: 'xs' }) {
  return (
    <div role="status" aria-live="polite">
      {props.notice && (
        <Text size="sm" mt={props.mt} mb={props.mb}>
          {props.notice}
        </Text>
      )}
    </div>
  );
}

/**
 * The end of an HR form (a rate, a crisis measure): what the server refused that no field shows,
 * the submit button, then the notice once saved.
 */
export function FormFooter(props: { submission: Submission; notSaved: string; submit: string }) {
  const { submission } = props;
  return (
    <>
      <FormErrors title={submission.others.length > 0 ? props.notSaved : null} messages={submission.others} />
      <Group mt="md">
        <Button type="submit" loading={submission.isPending}>
          {props.submit}
        </Button>
      </Group>
      <LiveNotice notice={submission.notice} mt="xs" />
    </>
  );
}
