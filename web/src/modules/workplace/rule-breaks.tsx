import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../app/languages.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import type { Breaks } from './admin-page.js';
import { notifyRuleBreaks } from './api.js';
import { formatDay } from './workplace-format.js';

const K = 'web.workplace.admin';

/**
 * The bookings a change now refuses (person, day, part of the day, desk, why) and a button that
 * mails their people through the outbox, then says how many mails were queued.
 */
export function RuleBreaks(props: { breaks: Breaks }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const title = useRef<HTMLHeadingElement>(null);
  const submission = useSubmission();
  const { conflicts, site } = props.breaks;
  // Saved in a dialog or a form above: the focus comes to what the change did.
  useEffect(() => title.current?.focus(), []);

  const notify = () =>
    void submission.run(async () => {
      const report = await notifyRuleBreaks(
        site,
        conflicts.map((c) => c.booking.id),
      );
      const leftOut = report.notBroken.length + report.withoutEmail.length;
      return [
        t(`${K}.notified`, { count: report.people }),
        leftOut > 0
          ? t(`${K}.not_notified`, {
              notBroken: report.notBroken.length,
              withoutEmail: report.withoutEmail.length,
            })
          : '',
      ]
        .filter(Boolean)
        .join(' ');
    });
  const isNotified = submission.notice !== null;

  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="wp-breaks-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="wp-breaks-title" ref={title} tabIndex={-1}>
          {t(`${K}.breaks_title`)}
        </Title>
        {conflicts.length === 0 ? (
          <Text>{t(`${K}.breaks_none`)}</Text>
        ) : (
          <>
            <Text>{t(`${K}.breaks_intro`)}</Text>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" striped captionSide="top" className="data-table">
                <Table.Caption>{t(`${K}.breaks_caption`, { count: conflicts.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t(`${K}.columns.person`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.columns.date`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.columns.slot`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.columns.desk`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.columns.why`)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {conflicts.map(({ booking, message, reason }) => (
                    <Table.Tr key={booking.id} data-booking={booking.id} data-reason={reason}>
                      <Table.Th scope="row">{booking.person.name}</Table.Th>
                      <Table.Td>{formatDay(booking.date, language)}</Table.Td>
                      <Table.Td>{t(`web.workplace.slots.${booking.slot}`)}</Table.Td>
                      <Table.Td>{booking.desk}</Table.Td>
                      <Table.Td>{message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group>
              <Button onClick={notify} loading={submission.isPending} disabled={isNotified}>
                {t(`${K}.notify`)}
              </Button>
            </Group>
          </>
        )}
        <div role="status" aria-live="polite" className="wp-live">
          {submission.notice && <Alert color="teal">{submission.notice}</Alert>}
        </div>
        {submission.error !== null && (
          <Alert color="red" role="alert">
            {errorMessage(submission.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
