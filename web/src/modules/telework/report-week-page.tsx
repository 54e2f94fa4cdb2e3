import { Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { HALVES, type PresenceWeek } from '../../../../src/modules/telework/contract.js';
import { api } from '../../app/api.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { dayName } from './presence-form.js';
import { WeekHeading, WeekWarnings } from './week-heading.js';

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
          <WeekHeading
            week={data.week}
            monday={data.monday}
            days={data.days}
            onGoTo={(monday) => setParams({ week: monday })}
          />
          <Text size="sm">{data.isSaved ? t(`${K}.report_saved`) : t(`${K}.report_prefilled`)}</Text>
          <WeekWarnings id="report-warnings" warnings={data.warnings} none={t(`${K}.report_no_warnings`)} />
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
