import { Button, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { errorMessage, requiredFieldsError } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { type InquiryDetailView, inquiryActions, inquiryKeys } from './api.js';

const K = 'web.inquiries.call';

/**
 * A phone inquiry's call as the telephony recorded it: linked by line and time when the agent said
 * the line, or named here by the call id the telephony shows (for those who work on inquiries).
 */
export function InquiryCall(props: { inquiry: InquiryDetailView; canWork: boolean }) {
  const { t } = useTranslation();
  const { call } = props.inquiry;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="inq-call-title">
      <Title order={2} fz="h4" id="inq-call-title" mb="xs">
        {t(`${K}.title`)}
      </Title>
      {call ? (
        <dl className="inq-details" data-call>
          {(
            [
              [t(`${K}.call_id`), call.call_id],
              [t(`${K}.line`), String(call.line)],
              [t(`${K}.received_at`), formatInstant(call.received_at)],
              [t(`${K}.answered_at`), formatInstant(call.answered_at)],
              [t(`${K}.ended_at`), formatInstant(call.ended_at)],
              [t(`${K}.wait`), call.wait_s === null ? '—' : t(`${K}.seconds`, { count: call.wait_s })],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {props.inquiry.line === null
              ? t(`${K}.none`)
              : t(`${K}.none_on_line`, { line: props.inquiry.line })}
          </Text>
          {props.canWork && <LinkCallForm inquiryRef={props.inquiry.ref} />}
        </>
      )}
    </Paper>
  );
}

/** Names the call by its id; a refusal (unknown, not answered, someone else's) shows at the field. */
function LinkCallForm(props: { inquiryRef: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [callId, setCallId] = useState('');
  const submission = useSubmission({
    fields: ['call_id'],
    onSettled: () => void queryClient.invalidateQueries({ queryKey: inquiryKeys.one(props.inquiryRef) }),
  });
  const { error } = submission;
  // A refusal of the call itself (404, 409) names no field: it is about the id typed all the same.
  const atField =
    submission.byField.call_id ??
    (error instanceof ApiError && error.fieldErrors.length === 0 ? errorMessage(error) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = callId.trim();
    if (!id) {
      submission.fail(requiredFieldsError(['call_id']));
      return;
    }
    void submission.run(async () => {
      await inquiryActions.linkCall(props.inquiryRef, id);
      setCallId('');
    });
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="inq-link-call-title">
      <Title order={3} fz="h5" id="inq-link-call-title" mt="sm" mb={4}>
        {t(`${K}.link_title`)}
      </Title>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          name="call_id"
          label={t(`${K}.call_id`)}
          description={t(`${K}.link_help`)}
          value={callId}
          onChange={(event) => setCallId(event.currentTarget.value)}
          error={atField}
          maxLength={64}
          autoComplete="off"
          required
          w={260}
        />
        <Button type="submit" mt={{ base: 0, sm: 'xl' }} loading={submission.isPending}>
          {t(`${K}.link`)}
        </Button>
      </Group>
      {submission.others.length > 0 && (
        <Text size="sm" c="red" role="alert">
          {submission.others.join(' ')}
        </Text>
      )}
    </form>
  );
}
