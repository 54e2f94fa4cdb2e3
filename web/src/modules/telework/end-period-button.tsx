import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { useSubmission } from '../../app/submission.js';
import { Dialog, FormErrors } from '../../app/ui.js';

const K = 'web.telework.end_period';

/**
 * "End…" for a rate or a crisis measure: asks for its last day and posts it to `path`
 * (`…/end`); the server's refusal (a day before the start, an overlap) shows beside the date.
 */
export function EndPeriodButton(props: { path: string; what: string; onEnded: (notice: string) => void }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const [endDate, setEndDate] = useState('');
  const submission = useSubmission({ fields: ['endDate', 'startDate'] });
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await api(props.path, { method: 'POST', body: { endDate } });
      setIsOpen(false);
      props.onEnded(t(`${K}.ended`, { what: props.what }));
    });
  };
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => setIsOpen(true)}
        aria-label={t(`${K}.button_for`, { what: props.what })}
      >
        {t(`${K}.button`)}
      </Button>
      <Dialog opened={isOpen} onClose={() => setIsOpen(false)} title={t(`${K}.title`, { what: props.what })}>
        <form onSubmit={save} noValidate>
          <TextInput
            type="date"
            label={t(`${K}.last_day`)}
            value={endDate}
            onChange={(event) => setEndDate(event.currentTarget.value)}
            error={submission.byField.endDate ?? submission.byField.startDate}
            required
            data-autofocus
          />
          <FormErrors title={null} messages={submission.others} />
          <Group mt="md" justify="flex-end">
            <Button variant="default" onClick={() => setIsOpen(false)}>
              {t('web.common.cancel')}
            </Button>
            <Button type="submit" loading={submission.isPending}>
              {t(`${K}.confirm`)}
            </Button>
          </Group>
        </form>
      </Dialog>
    </>
  );
}
