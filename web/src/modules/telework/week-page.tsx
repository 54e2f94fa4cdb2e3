import { Alert, Badge, Button, Group, NativeSelect, Paper, Radio, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  HALVES,
  PLACES,
  type Place,
  type PresenceDay,
  type PresenceWeek,
} from '../../../../src/modules/telework/contract.js';
import type { FloorPlan, SiteList } from '../../../../src/modules/workplace/contract.js';
import { api } from '../../app/api.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';
import {
  type DayForm,
  dayName,
  formOf,
  isChanged,
  officeSlotOf,
  planOf,
  presenceKeys,
} from './presence-form.js';
import { WeekHeading, WeekWarnings } from './week-heading.js';

const K = 'web.telework.presence';

/**
 * My week: each half day at the office, in telework, on leave or on a mission, pre-filled from the
 * agreement and the crisis measures; office days may book a desk in the same step; the warnings
 * say, in words, where the plan breaks the agreement, the caps or a measure.
 */
export function PresenceWeekPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const weekParam = params.get('week') ?? '';
  const week = useQuery({
    queryKey: presenceKeys.week(weekParam),
    queryFn: ({ signal }) =>
      api<PresenceWeek>('/telework/presence/week', { signal, query: { week: weekParam || undefined } }),
  });
  const queryClient = useQueryClient();
  const goTo = (monday: string) => setParams({ week: monday });

  return (
    <>
      <PageHeader title={t('web.areas.twWeek.title')} description={t(`${K}.intro`)} />
      {week.isPending && <LoadingState />}
      {week.isError && <ErrorState error={week.error} onRetry={() => void week.refetch()} />}
      {week.data && (
        <WeekForm
          key={week.data.monday}
          week={week.data}
          onGoTo={goTo}
          onSaved={(saved) => queryClient.setQueryData(presenceKeys.week(weekParam), saved)}
        />
      )}
    </>
  );
}

function WeekForm(props: {
  week: PresenceWeek;
  onGoTo: (monday: string) => void;
  onSaved: (saved: PresenceWeek) => void;
}) {
  const { t, i18n } = useTranslation();
  const { week } = props;
  const queryClient = useQueryClient();
  const [days, setDays] = useState<DayForm[]>(() => formOf(week));
  const submission = useSubmission({ fields: ['days'] });
  const change = (index: number, patch: Partial<DayForm>) =>
    setDays((current) => current.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  const save = () =>
    submission.run(async () => {
      const saved = await api<PresenceWeek>('/telework/presence/week', {
        method: 'PUT',
        body: planOf(week.week, days),
      });
      props.onSaved(saved);
      setDays(formOf(saved));
      // The team's view and the desks of the workplace pages changed too.
      await queryClient.invalidateQueries({ queryKey: ['telework', 'presence', 'team'] });
      await queryClient.invalidateQueries({ queryKey: ['workplace'] });
      return t(`${K}.saved`, { count: saved.warnings.length });
    });
  const deskError = (index: number) => submission.byField[`days.${index}.desk`];

  return (
    <Stack gap="md">
      <WeekHeading week={week.week} monday={week.monday} days={week.days} onGoTo={props.onGoTo} />

      <Text size="sm">
        {week.agreement
          ? t(`${K}.agreement_${week.agreement.regime}`, {
              days: week.agreement.daysPerWeek ?? 0,
              monthly: week.agreement.monthlyDays ?? 0,
            })
          : t(`${K}.no_agreement`)}{' '}
        {week.isSaved ? t(`${K}.is_saved`) : t(`${K}.is_prefilled`)}
      </Text>
      {week.crisisMeasures.map((m) => (
        <Alert key={m.id} color="orange" title={t(`${K}.crisis_${m.kind}`)}>
          {m.title}
        </Alert>
      ))}

      <WeekWarnings id="presence-warnings" warnings={week.warnings} none={t(`${K}.no_warnings`)} />

      <Paper withBorder p="sm">
        {/* Four columns of choices do not fit a phone: the week scrolls within its frame, not the page. */}
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" aria-describedby="presence-legend">
            <Table.Caption id="presence-legend">{t(`${K}.legend`)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.day`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.half.am`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.half.pm`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.desk`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {days.map((day, index) => {
                const loaded = week.days[index]!;
                const name = dayName(day.date, i18n.language);
                return (
                  <Table.Tr key={day.date}>
                    <Table.Th scope="row">{name}</Table.Th>
                    {HALVES.map((half) => (
                      <Table.Td key={half}>
                        <Radio.Group
                          value={day[half]}
                          onChange={(value) => change(index, { [half]: value as Place })}
                          label={t(`${K}.half_label`, { day: name, half: t(`${K}.half.${half}`) })}
                          labelProps={{ className: 'sr-only' }}
                          description={
                            loaded[half].source !== 'saved' && day[half] === loaded[half].place
                              ? t(`${K}.source.${loaded[half].source}`)
                              : undefined
                          }
                        >
                          <Stack gap={4} mt={4}>
                            {PLACES.map((place) => (
                              <Radio
                                key={place}
                                value={place}
                                label={t(`telework.presence.place.${place}`)}
                              />
                            ))}
                          </Stack>
                        </Radio.Group>
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <DeskCell
                        day={day}
                        loaded={loaded}
                        dayLabel={name}
                        error={deskError(index)}
                        onChange={(desk) => change(index, { desk })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <FormErrors
        title={submission.error ? errorMessage(submission.error) : null}
        messages={submission.others}
      />
      {submission.notice && (
        <Alert color="green" role="status">
          {submission.notice}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save()} loading={submission.isPending}>
          {isChanged(week, days) || !week.isSaved ? t(`${K}.save`) : t(`${K}.save_again`)}
        </Button>
      </Group>
    </Stack>
  );
}

/** The desks the person has that day, and a floor and a free desk to book on an office day. */
function DeskCell(props: {
  day: DayForm;
  loaded: PresenceDay;
  dayLabel: string;
  error: string | undefined;
  onChange: (desk: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const slot = officeSlotOf(props.day);
  const [floor, setFloor] = useState('');
  const sites = useQuery({
    queryKey: ['workplace', 'sites'],
    queryFn: ({ signal }) => api<SiteList>('/workplace/sites', { signal }),
    enabled: slot !== null,
    staleTime: 60_000,
  });
  const plan = useQuery({
    queryKey: ['workplace', 'floor', floor, props.day.date, slot ?? 'day'],
    queryFn: ({ signal }) =>
      api<FloorPlan>(`/workplace/floors/${encodeURIComponent(floor)}`, {
        signal,
        query: { date: props.day.date, slot: slot ?? 'day' },
      }),
    enabled: floor !== '' && slot !== null,
  });
  const free = (plan.data?.desks ?? []).filter((d) => d.state === 'free');
  const booked = props.loaded.desks;
  if (slot === null)
    return (
      <Text size="sm" c="dimmed">
        {booked.length
          ? t('web.telework.presence.desk_given_back')
          : t('web.telework.presence.no_desk_needed')}
      </Text>
    );
  const language = i18n.language as 'fr' | 'nl' | 'en';
  const floors = (sites.data?.items ?? []).flatMap((s) =>
    s.floors.map((f) => ({ value: f.id, label: `${s.name} · ${f.name[language] ?? f.name.fr}` })),
  );
  return (
    <Stack gap={6}>
      {booked.map((b) => (
        <Badge key={b.bookingId} variant="filled" color="teal.9">
          {t('web.telework.presence.desk_booked', {
            desk: b.desk,
            slot: t(`web.telework.presence.slot.${b.slot}`),
          })}
        </Badge>
      ))}
      <NativeSelect
        label={t('web.telework.presence.floor_for', { day: props.dayLabel })}
        value={floor}
        onChange={(e) => {
          setFloor(e.currentTarget.value);
          if (!e.currentTarget.value) props.onChange('');
        }}
        data={[
          {
            value: '',
            label: booked.length ? t('web.telework.presence.keep_desk') : t('web.telework.presence.no_floor'),
          },
          ...floors,
        ]}
      />
      {floor !== '' && (
        <NativeSelect
          label={t('web.telework.presence.desk_for', { day: props.dayLabel })}
          value={props.day.desk}
          onChange={(e) => props.onChange(e.currentTarget.value)}
          error={props.error}
          data={[
            {
              value: '',
              label: plan.isPending ? t('web.common.loading') : t('web.telework.presence.no_desk'),
            },
            ...free.map((d) => ({ value: d.id, label: d.id })),
          ]}
        />
      )}
      {floor === '' && props.error && (
        <Text size="sm" c="red" role="alert">
          {props.error}
        </Text>
      )}
    </Stack>
  );
}
