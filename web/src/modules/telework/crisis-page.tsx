import {
  Badge,
  MultiSelect,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitList, PeoplePage } from '../../../../src/modules/directory/contract.js';
import {
  CRISIS_KINDS,
  type CrisisMeasureInput,
  type CrisisMeasureViewList,
} from '../../../../src/modules/telework/contract.js';
import { api } from '../../app/api.js';
import { useSubmission } from '../../app/submission.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { EndPeriodButton } from './end-period-button.js';
import { FormFooter, LiveNotice } from './form-footer.js';
import { labelIn } from './money.js';
import { PeriodFields } from './period-fields.js';
import { periodInWords } from './period-in-words.js';
import { useTextFields } from './use-text-fields.js';

const K = 'web.telework.crisis';
const keys = { measures: ['telework', 'crisis-measures'] as const };

/**
 * HR's crisis measures: the periods when telework was mandatory or the weekly cap relaxed, for the
 * whole institution or some units, with the people excepted; and a form to declare one.
 */
export function TeleworkCrisisPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const measures = useQuery({
    queryKey: keys.measures,
    queryFn: ({ signal }) => api<CrisisMeasureViewList>('/telework/crisis-measures', { signal }),
  });
  return (
    <>
      <PageHeader title={t('web.areas.twCrisis.title')} description={t(`${K}.intro`)} />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="crisis-measures">
          <Title order={2} fz="h4" id="crisis-measures" mb="sm">
            {t(`${K}.list_title`)}
          </Title>
          <LiveNotice notice={notice} mb="xs" />
          {measures.isPending && <LoadingState />}
          {measures.isError && <ErrorState error={measures.error} onRetry={() => void measures.refetch()} />}
          {measures.data && measures.data.items.length === 0 && <Text c="dimmed">{t(`${K}.none`)}</Text>}
          {measures.data && measures.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={720}>
              <Table striped className="data-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t(`${K}.title`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.kind`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.period`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.scope`)}</Table.Th>
                    <Table.Th scope="col">{t(`${K}.exceptions`)}</Table.Th>
                    <Table.Th scope="col">
                      <span className="sr-only">{t('web.common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {measures.data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Th scope="row" fw={500}>
                        {labelIn(m.title, i18n.language)}
                      </Table.Th>
                      <Table.Td>
                        <Badge variant="light" color={m.kind === 'mandatory' ? 'red' : 'blue'}>
                          {m.kind === 'relaxed'
                            ? t(`${K}.kinds_relaxed_cap`, { days: m.weeklyCapDays })
                            : t(`${K}.kinds.${m.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{periodInWords(t, K, m.startDate, m.endDate)}</Table.Td>
                      <Table.Td>
                        {m.orgUnits.length === 0 ? t(`${K}.whole_institution`) : m.orgUnits.join(', ')}
                      </Table.Td>
                      <Table.Td>
                        {m.exceptionPeople.length === 0
                          ? '—'
                          : m.exceptionPeople.map((p) => p.name).join(', ')}
                      </Table.Td>
                      <Table.Td>
                        <EndPeriodButton
                          path={`/telework/crisis-measures/${m.id}/end`}
                          what={labelIn(m.title, i18n.language)}
                          onEnded={(text) => {
                            setNotice(text);
                            void queryClient.invalidateQueries({ queryKey: keys.measures });
                          }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        <MeasureForm />
      </Stack>
    </>
  );
}

const FIELDS = [
  'kind',
  'title.fr',
  'title.nl',
  'startDate',
  'endDate',
  'weeklyCapDays',
  'orgUnits',
  'exceptions',
] as const;
const EMPTY = { kind: 'mandatory', titleFr: '', titleNl: '', startDate: '', endDate: '', weeklyCapDays: '' };

function MeasureForm() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { values: form, setValues: setForm, set } = useTextFields(EMPTY);
  const [units, setUnits] = useState<string[]>([]);
  const [exceptions, setExceptions] = useState<string[]>([]);
  const [known, setKnown] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const orgUnits = useQuery({
    queryKey: ['directory', 'org-units'],
    queryFn: ({ signal }) => api<OrgUnitList>('/directory/org-units', { signal }),
  });
  const people = useQuery({
    queryKey: ['directory', 'people', 'search', search],
    queryFn: ({ signal }) =>
      api<PeoplePage>('/directory/people', { query: { q: search, limit: 20 }, signal }),
    enabled: search.trim().length >= 2,
  });
  const submission = useSubmission({
    fields: FIELDS,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.measures }),
  });
  const found = people.data?.items ?? [];
  const peopleOptions = [
    ...exceptions.map((id) => ({ value: id, label: known[id] ?? id })),
    ...found.filter((p) => !exceptions.includes(p.id)).map((p) => ({ value: p.id, label: p.name })),
  ];
  const save = (event: FormEvent) => {
    event.preventDefault();
    const body: CrisisMeasureInput = {
      kind: form.kind as CrisisMeasureInput['kind'],
      title: { fr: form.titleFr, nl: form.titleNl },
      startDate: form.startDate,
      ...(form.endDate && { endDate: form.endDate }),
      ...(units.length > 0 && { orgUnits: units }),
      ...(exceptions.length > 0 && { exceptions }),
      ...(form.weeklyCapDays && { weeklyCapDays: Number(form.weeklyCapDays.replace(',', '.')) }),
    };
    void submission.run(async () => {
      await api('/telework/crisis-measures', { method: 'POST', body });
      setForm(EMPTY);
      setUnits([]);
      setExceptions([]);
      return t(`${K}.saved`);
    });
  };
  const error = (field: string) => submission.byField[field];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="crisis-new">
      <form onSubmit={save} noValidate>
        <Title order={2} fz="h4" id="crisis-new" mb="xs">
          {t(`${K}.new`)}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t(`${K}.new_help`)}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <NativeSelect
            label={t(`${K}.kind`)}
            value={form.kind}
            onChange={set('kind')}
            data={CRISIS_KINDS.map((kind) => ({ value: kind, label: t(`${K}.kinds.${kind}`) }))}
            error={error('kind')}
          />
          <TextInput
            label={t(`${K}.title_fr`)}
            value={form.titleFr}
            onChange={set('titleFr')}
            error={error('title.fr')}
            required
          />
          <TextInput
            label={t(`${K}.title_nl`)}
            value={form.titleNl}
            onChange={set('titleNl')}
            error={error('title.nl')}
            required
          />
          <PeriodFields
            keys={K}
            startDate={form.startDate}
            endDate={form.endDate}
            onStartDate={set('startDate')}
            onEndDate={set('endDate')}
            error={error}
          />
          {form.kind === 'relaxed' && (
            <TextInput
              label={t(`${K}.weekly_cap`)}
              description={t(`${K}.weekly_cap_help`)}
              inputMode="decimal"
              value={form.weeklyCapDays}
              onChange={set('weeklyCapDays')}
              error={error('weeklyCapDays')}
            />
          )}
          <MultiSelect
            label={t(`${K}.org_units`)}
            description={t(`${K}.org_units_help`)}
            data={(orgUnits.data?.items ?? []).map((u) => ({
              value: u.code,
              label: `${i18n.language === 'nl' ? u.nameNl : u.nameFr} (${u.code})`,
            }))}
            value={units}
            onChange={setUnits}
            searchable
            error={error('orgUnits')}
          />
          <MultiSelect
            label={t(`${K}.exceptions`)}
            description={t(`${K}.exceptions_help`)}
            data={peopleOptions}
            value={exceptions}
            onChange={(ids) => {
              setKnown((k) => ({ ...k, ...Object.fromEntries(found.map((p) => [p.id, p.name])) }));
              setExceptions(ids);
            }}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            error={error('exceptions')}
          />
        </SimpleGrid>
        <FormFooter submission={submission} notSaved={t(`${K}.not_saved`)} submit={t(`${K}.add`)} />
      </form>
    </Paper>
  );
}
