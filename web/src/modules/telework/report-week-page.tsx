import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { HALVES, type PresenceWeek } from '../../../../src/modules/telework/contract.js';
import { api } from '../../app/api.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { dayName, shiftWeek } from './presence-form.js';

const K = 'web.telework.presence';

/** A report's week as their manager reads it (read only; the read is audited): places, desks, warnings. */
export function ReportWeekPage() {
  const { t, i18n } = useTranslation();
  const { person = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const weekParam = params.get('week') ?? '';
  const week = useQuery({
    queryKey: ['telework', 'presence', 'person', person, weekParam],
    queryFn: ({ signal }) =>
      api<PresenceWeek>(`/telework/presence/people/${encodeURIComponent(person)}/week`, {
        signal,
        query: { week: weekParam || undefined },
      }),
  });
  const data = week.data;
  return (
    <>
      <PageHeader
        title={data ? t(`${K}.report_title`, { name: data.person.name }) : t('web.areas.twTeam.title')}
        description={t(`${K}.report_intro`)}
        actions={
          <Button
            component={Link}
            variant="default"
            to={`/telework/team${weekParam ? `?week=${weekParam}` : ''}`}
          >
            {t(`${K}.back_to_team`)}
          </Button>
        }
      />
      {week.isPending && <LoadingState />}
      {week.isError && <ErrorState error={week.error} onRetry={() => void week.refetch()} />}
      {data && (
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} fz="h3">
              {t(`${K}.week_title`, {
                week: data.week,
                from: dayName(data.days[0]!.date, i18n.language),
                to: dayName(data.days.at(-1)!.date, i18n.language),
              })}
            </Title>
            <Group gap="xs">
              <Button variant="default" onClick={() => setParams({ week: shiftWeek(data.monday, -1) })}>
                {t(`${K}.previous_week`)}
              </Button>
              <Button variant="default" onClick={() => setParams({ week: shiftWeek(data.monday, 1) })}>
                {t(`${K}.next_week`)}
              </Button>
            </Group>
          </Group>
          <Text size="sm">{data.isSaved ? t(`${K}.report_saved`) : t(`${K}.report_prefilled`)}</Text>
          <section aria-labelledby="report-warnings">
            <Title order={2} fz="h4" id="report-warnings">
              {t(`${K}.warnings_title`)}
            </Title>
            {data.warnings.length === 0 ? (
              <Text size="sm">{t(`${K}.report_no_warnings`)}</Text>
            ) : (
              <Alert color="orange" variant="outline" mt="xs">
                <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
                  {data.warnings.map((w) => (
                    <li key={`${w.code}-${w.date ?? ''}`}>
                      <Text size="sm">{w.message}</Text>
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
          </section>
          <Paper withBorder p="sm">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`${K}.day`)}</Table.Th>
                  {HALVES.map((half) => (
                    <Table.Th scope="col" key={half}>
                      {t(`${K}.half.${half}`)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t(`${K}.desk`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.days.map((day) => (
                  <Table.Tr key={day.date}>
                    <Table.Th scope="row">{dayName(day.date, i18n.language)}</Table.Th>
                    {HALVES.map((half) => (
                      <Table.Td key={half}>
                        {t(`telework.presence.place.${day[half].place}`)}
                        <Text size="xs" c="dimmed">
                          {t(`${K}.source.${day[half].source}`)}
                        </Text>
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {day.desks.map((b) => (
                        <Badge key={b.bookingId} variant="filled" color="teal.9">
                          {t(`${K}.desk_booked`, { desk: b.desk, slot: t(`${K}.slot.${b.slot}`) })}
                        </Badge>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </>
  );
}
