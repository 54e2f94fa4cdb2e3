import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_KINDS } from '../../../../src/modules/inquiries/contract.js';
import { errorMessage, missingFields, requiredFieldsError } from '../../app/problems.js';
import { FormErrors } from '../../app/ui.js';
import { type FlagKind, type InquiryDetailView, inquiryActions, type NewMessage, useTeams } from './api.js';
import { ActionForm, useInquirySubmission } from './backoffice-form.js';
import {
  ESCALATION_FIELDS,
  EscalationFields,
  type EscalationValues,
  emptyEscalation,
} from './escalation-fields.js';
import { teamName } from './inquiry-labels.js';

type MessageKind = NewMessage['kind'];
type Via = NonNullable<NewMessage['via']>;
const VIAS = ['phone', 'email', 'letter', 'portal'] as const satisfies readonly Via[];

/** A note between colleagues, or what the person said or was told, added to the thread. */
export function MessageForm(props: { inquiry: InquiryDetailView }) {
  const { t } = useTranslation();
  const submit = useInquirySubmission();
  const [kind, setKind] = useState<MessageKind>('note');
  const [via, setVia] = useState<Via | ''>('');
  const [body, setBody] = useState('');
  const send = () => {
    if (!body.trim()) {
      void submit.run(() => Promise.reject(requiredFieldsError(['body'])));
      return;
    }
    void submit
      .run(async () => {
        await inquiryActions.addMessage(props.inquiry.ref, {
          kind,
          body: body.trim(),
          ...(kind !== 'note' && via && { via }),
        });
        return t('web.inquiries.actions.message_added');
      })
      .then((isDone) => isDone && setBody(''));
  };
  return (
    <ActionForm
      id="inq-message-title"
      title={t('web.inquiries.actions.message_title')}
      submission={submit}
      fields={['body', 'kind', 'via']}
      submitLabel={t('web.inquiries.actions.message_submit')}
      onSubmit={send}
    >
      {(errors) => (
        <>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="inq-message-kind">
              {t('web.inquiries.actions.message_kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="inq-message-kind"
              value={kind}
              onChange={(value) => setKind(value as MessageKind)}
              data={(['note', 'incoming', 'outgoing'] as const).map((value) => ({
                value,
                label: t(`web.inquiries.message_kinds.${value}`),
              }))}
            />
          </Stack>
          {kind !== 'note' && (
            <NativeSelect
              name="via"
              label={t('web.inquiries.actions.via')}
              value={via}
              onChange={(event) => setVia(event.currentTarget.value as Via | '')}
              data={[
                { value: '', label: t('web.inquiries.actions.via_unknown') },
                ...VIAS.map((value) => ({ value, label: t(`web.inquiries.vias.${value}`) })),
              ]}
              w={220}
            />
          )}
          <Textarea
            name="body"
            label={t('web.inquiries.actions.message_body')}
            required
            autosize
            minRows={3}
            maxRows={12}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={errors.body}
            lang={props.inquiry.language}
          />
        </>
      )}
    </ActionForm>
  );
}

export function EscalateForm(props: { inquiry: InquiryDetailView }) {
  const { t, i18n } = useTranslation();
  const teams = useTeams();
  const submit = useInquirySubmission();
  const [values, setValues] = useState<EscalationValues>(emptyEscalation);
  const send = () => {
    const missing = missingFields(values, ['team', 'note']);
    if (missing.length > 0) {
      void submit.run(() => Promise.reject(requiredFieldsError(missing)));
      return;
    }
    void submit
      .run(async () => {
        await inquiryActions.escalate(props.inquiry.ref, values.team, values.note.trim());
        const team = teams.data?.find((candidate) => candidate.code === values.team);
        return t('web.inquiries.actions.escalated', {
          team: team ? teamName(team, i18n.language) : values.team,
        });
      })
      .then((isDone) => isDone && setValues(emptyEscalation));
  };
  return (
    <ActionForm
      id="inq-escalate-title"
      title={t('web.inquiries.escalation.title')}
      submission={submit}
      fields={ESCALATION_FIELDS}
      submitLabel={t('web.inquiries.escalation.submit')}
      onSubmit={send}
    >
      {(errors) => <EscalationFields values={values} onChange={setValues} errors={errors} />}
    </ActionForm>
  );
}

export function FlagForm(props: { inquiry: InquiryDetailView }) {
  const { t } = useTranslation();
  const submit = useInquirySubmission();
  const [kind, setKind] = useState<FlagKind | ''>('');
  const [note, setNote] = useState('');
  const send = () => {
    if (!kind) {
      void submit.run(() => Promise.reject(requiredFieldsError(['kind'])));
      return;
    }
    void submit
      .run(async () => {
        await inquiryActions.flag(props.inquiry.ref, kind, note);
        return t('web.inquiries.actions.flagged', { flag: t(`web.inquiries.flags.${kind}`) });
      })
      .then((isDone) => {
        if (!isDone) return;
        setKind('');
        setNote('');
      });
  };
  return (
    <ActionForm
      id="inq-flag-title"
      title={t('web.inquiries.actions.flag_title')}
      submission={submit}
      fields={['kind', 'note']}
      submitLabel={t('web.inquiries.actions.flag_submit')}
      onSubmit={send}
    >
      {(errors) => (
        <>
          <NativeSelect
            name="flag.kind"
            label={t('web.inquiries.actions.flag_kind')}
            required
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as FlagKind | '')}
            error={errors.kind}
            data={[
              { value: '', label: t('web.inquiries.actions.choose_flag') },
              ...FLAG_KINDS.map((value) => ({ value, label: t(`web.inquiries.flags.${value}`) })),
            ]}
          />
          <Textarea
            name="flag.note"
            label={t('web.inquiries.actions.flag_note')}
            autosize
            minRows={1}
            maxRows={6}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={errors.note}
          />
        </>
      )}
    </ActionForm>
  );
}

/**
 * Closing is final (a new question is a new inquiry), so it asks first, in place: no modal to
 * trap the focus, the question and its answer stay on screen while the agent confirms.
 */
export function CloseForm(props: { inquiry: InquiryDetailView }) {
  const { t } = useTranslation();
  const submit = useInquirySubmission();
  const [isConfirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
  }, [isConfirming]);
  const close = () =>
    void submit.run(async () => {
      await inquiryActions.close(props.inquiry.ref, note);
      return t('web.inquiries.actions.closed');
    });
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      noValidate
      aria-labelledby="inq-close-title"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (isConfirming) close();
        else setConfirming(true);
      }}
    >
      <Title order={3} fz="h5" id="inq-close-title" mb="sm">
        {t('web.inquiries.actions.close')}
      </Title>
      <Stack gap="sm">
        {submit.error !== null && <FormErrors title={errorMessage(submit.error)} messages={[]} />}
        <Textarea
          name="close.note"
          label={t('web.inquiries.actions.close_note')}
          autosize
          minRows={1}
          maxRows={6}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        {isConfirming ? (
          <Alert
            color="orange"
            className="kb-alert-warn"
            variant="light"
            role="alert"
            title={t('web.inquiries.actions.close_title', { ref: props.inquiry.ref })}
          >
            <Text size="sm" mb="sm">
              {t('web.inquiries.actions.close_text')}
            </Text>
            <Group gap="sm">
              <Button ref={confirmRef} type="submit" color="red.8" loading={submit.isPending}>
                {t('web.inquiries.actions.close_confirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('web.common.cancel')}
              </Button>
            </Group>
          </Alert>
        ) : (
          <Group>
            <Button type="submit" variant="default">
              {t('web.inquiries.actions.close')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
