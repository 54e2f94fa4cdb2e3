import { Anchor, Badge, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OrgUnitList } from '../../../../src/modules/directory/contract.js';
import type { Place, PresenceTeamWeek } from '../../../../src/modules/telework/contract.js';
import { api } from '../../app/api.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { TableDownload } from '../../app/table-download.js';
import { Empty, ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { dayName, presenceKeys } from './presence-form.js';
import { WeekHeading } from './week-heading.js';

const K = 'web.telework.presence';
// Dark enough for 3:1 against white; the table says the same figures in words.
const OFFICE_COLOUR = '#1864ab';

/**
 * The team's week for managers: who is where each half day, how many warnings each week has, and
 * the share of the team at the office per day; HR and admins may choose a unit. Downloads as CSV
 * or Excel.
 */
export function PresenceTeamPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const canChooseUnit = hasAbility(me, 'telework.manage');
  const [params, setParams] = useSearchParams();
  const weekParam = params.get('week') ?? '';
  const unit = params.get('unit') ?? '';
  const units = useQuery({
    queryKey: ['directory', 'org-units'],
    queryFn: ({ signal }) => api<OrgUnitList>('/directory/org-units', { signal }),
    enabled: canChooseUnit,
  });
  const team = useQuery({
    queryKey: presenceKeys.team(weekParam, unit),
    queryFn: ({ signal }) =>
      api<PresenceTeamWeek>('/telework/presence/team', {
        signal,
        query: { week: weekParam || undefined, unit: unit || undefined },
      }),
    placeholderData: keepPreviousData,
  });
  const go = (changes: { week?: string; unit?: string }) => {
    const next = { week: changes.week ?? weekParam, unit: 'unit' in changes ? (changes.unit ?? '') : unit };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== '')));
  };
  const data = team.data;

  return (
    <>
      <PageHeader
        title={t('web.areas.twTeam.title')}
        description={t(`${K}.team_intro`)}
        actions={
          data && (
            <TableDownload
              path="/telework/presence/team"
              query={{ week: data.week, unit: unit || undefined, lang: i18n.language }}
            />
          )
        }
      />
      {canChooseUnit && (
        <NativeSelect
          mb="md"
          maw={480}
          label={t(`${K}.unit`)}
          description={t(`${K}.unit_help`)}
          value={unit}
          onChange={(e) => go({ unit: e.currentTarget.value })}
          data={[
            { value: '', label: t(`${K}.my_reports`) },
            ...(units.data?.items ?? []).map((u) => ({
              value: u.code,
              label: `${i18n.language === 'nl' ? u.nameNl : u.nameFr} (${u.code})`,
            })),
          ]}
        />
      )}
      {team.isPending && <LoadingState />}
      {team.isError && <ErrorState error={team.error} onRetry={() => void team.refetch()} />}
      {data && (
        <Stack gap="md">
          <WeekHeading
            week={data.week}
            monday={data.monday}
            days={data.days}
            onGoTo={(monday) => go({ week: monday })}
          />
          {data.members.length === 0 ? (
            <Empty title={t(`${K}.team_empty`)} description={t(`${K}.team_empty_help`)} />
          ) : (
            <>
              <Paper withBorder p="sm" style={{ overflowX: 'auto' }}>
                <Table>
                  <Table.Caption>{t(`${K}.team_caption`)}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t(`${K}.person`)}</Table.Th>
                      {data.days.map((d) => (
                        <Table.Th scope="col" key={d.date}>
                          {dayName(d.date, i18n.language)}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col">{t(`${K}.warnings_title`)}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.members.map((m) => (
                      <Table.Tr key={m.person.id}>
                        <Table.Th scope="row">
                          <Anchor
                            component={Link}
                            to={`/telework/team/${encodeURIComponent(m.person.id)}?week=${data.monday}`}
                          >
                            {m.person.name}
                          </Anchor>
                        </Table.Th>
                        {m.days.map((d) => (
                          <Table.Td key={d.date}>
                            <PlaceText am={d.am} pm={d.pm} />
                            {d.hasDesk && (
                              <Badge variant="filled" color="teal.9" size="sm" ml={4}>
                                {t(`${K}.desk_short`)}
                              </Badge>
                            )}
                          </Table.Td>
                        ))}
                        <Table.Td>{m.warnings}</Table.Td>
                      </Table.Tr>
                    ))}
                    <Table.Tr>
                      <Table.Th scope="row">{t(`${K}.office_share`)}</Table.Th>
                      {data.days.map((d) => (
                        <Table.Td key={d.date}>
                          {t(`${K}.share_value`, { share: d.officeShare, people: d.officePeople })}
                        </Table.Td>
                      ))}
                      <Table.Td />
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Paper>
              <Paper withBorder p="md" component="figure" m={0} aria-labelledby="tw-team-share">
                <Title order={2} fz="h4" id="tw-team-share" mb="sm" component="figcaption">
                  {t(`${K}.chart_title`)}
                </Title>
                <div style={{ width: '100%', height: 240 }}>
                  <ResponsiveContainer>
                    <BarChart
                      data={data.days.map((d) => ({
                        day: dayName(d.date, i18n.language),
                        share: d.officeShare,
                      }))}
                      margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
                    >
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis dataKey="day" tick={{ fontSize: 12 }} />
                      <YAxis domain={[0, 100]} unit=" %" tick={{ fontSize: 12 }} />
                      <Tooltip />
                      <Bar
                        dataKey="share"
                        name={t(`${K}.office_share`)}
                        fill={OFFICE_COLOUR}
                        isAnimationActive={false}
                      />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </Paper>
            </>
          )}
        </Stack>
      )}
    </>
  );
}

function PlaceText(props: { am: Place; pm: Place }) {
  const { t } = useTranslation();
  const word = (p: Place) => t(`telework.presence.place.${p}`);
  return (
    <Text span size="sm">
      {props.am === props.pm ? word(props.am) : `${word(props.am)} / ${word(props.pm)}`}
    </Text>
  );
}
