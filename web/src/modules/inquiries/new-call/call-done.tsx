import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inquiryPath } from '../api.js';
import { refForPhone } from '../call-values.js';
import type { Done } from './use-new-call.js';

/** The confirmation of the last call: its reference in groups a caller can note down. */
export function CallDone(props: { done: Done }) {
  const { t } = useTranslation();
  const { ref, outcome, detail } = props.done;
  return (
    <Alert color="teal" variant="light" mb="md" role="status" className="inq-done">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Text fw={600}>{t(`web.inquiries.new_call.done.${outcome}`, { detail: detail ?? '' })}</Text>
          <Text size="sm">
            {t('web.inquiries.new_call.done.reference')}{' '}
            {/* Grouped for the eye; screen readers get the reference as written. */}
            <span className="inq-ref" aria-hidden="true">
              {refForPhone(ref)}
            </span>
            <span className="sr-only" data-ref={ref}>
              {ref}
            </span>
          </Text>
        </div>
        <Anchor component={Link} to={inquiryPath(ref)}>
          {t('web.inquiries.new_call.open', { ref })}
        </Anchor>
      </Group>
    </Alert>
  );
}
