import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeoplePage } from '../../../../src/modules/directory/contract.js';
import type { Policy, TeleworkFunction } from '../../../../src/modules/telework/contract.js';
import { api } from '../../app/api.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { ErrorState, FormErrors, LoadingState, PageHeader, StatusBadge } from '../../app/ui.js';
import {
  agreementKeys,
  saveFunction,
  savePolicy,
  saveProfile,
  useFunctions,
  usePolicy,
  useProfile,
} from './agreements-api.js';

const K = 'web.telework.rules';

/** A function's name in the reader's language (French for English readers: the institution's first). */
const functionName = (fn: TeleworkFunction, language: string) =>
  language === 'nl' ? fn.name.nl : fn.name.fr;

/**
 * HR's telework rules: the policy (caps for a full-time job, HR approval), the functions and
 * whether each can be done from home, and each person's function and occupation, from which
 * eligibility and caps follow.
 */
export function TeleworkRulesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`${K}.title`)} description={t(`${K}.intro`)} />
      <Stack gap="lg">
        <PolicySection />
        <ProfileSection />
        <FunctionsSection />
      </Stack>
    </>
  );
}

const orNull = (value: number | string): number | null =>
  typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);

function PolicySection() {
  const { t } = useTranslation();
  const policy = usePolicy();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tw-policy-title">
      <Title order={2} fz="h4" id="tw-policy-title" mb="sm">
        {t(`${K}.policy_title`)}
      </Title>
      {policy.isPending ? (
        <LoadingState />
      ) : policy.isError ? (
        <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <PolicyForm policy={policy.data} />
      )}
    </Paper>
  );
}

function PolicyForm(props: { policy: Policy }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [weekly, setWeekly] = useState<number | string>(props.policy.weeklyCapDays);
  const [monthly, setMonthly] = useState<number | string>(props.policy.monthlyCapDays ?? '');
  const [hrApproval, setHrApproval] = useState(props.policy.hrApproval);
  const submission = useSubmission({ fields: ['weeklyCapDays', 'monthlyCapDays', 'hrApproval'] });
  const { byField, others, error } = submission;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const saved = await savePolicy({
        weeklyCapDays: orNull(weekly) ?? Number.NaN,
        monthlyCapDays: orNull(monthly),
        hrApproval,
      });
      queryClient.setQueryData(agreementKeys.policy, saved);
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all });
      return t(`${K}.policy_saved`);
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={760}>
        <div role="status" aria-live="polite">
          {submission.notice && <Alert color="teal">{submission.notice}</Alert>}
        </div>
        {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label={t(`${K}.weekly_cap`)}
            description={t(`${K}.weekly_cap_help`)}
            name="weeklyCapDays"
            required
            min={0.5}
            max={5}
            step={0.5}
            decimalScale={1}
            allowNegative={false}
            value={weekly}
            onChange={setWeekly}
            error={byField.weeklyCapDays}
          />
          <NumberInput
            label={t(`${K}.monthly_cap`)}
            description={t(`${K}.monthly_cap_help`)}
            name="monthlyCapDays"
            min={0.5}
            max={23}
            step={0.5}
            decimalScale={1}
            allowNegative={false}
            value={monthly}
            onChange={setMonthly}
            error={byField.monthlyCapDays}
          />
        </SimpleGrid>
        <Checkbox
          label={t(`${K}.hr_approval`)}
          description={t(`${K}.hr_approval_help`)}
          name="hrApproval"
          checked={hrApproval}
          onChange={(event) => setHrApproval(event.currentTarget.checked)}
          error={byField.hrApproval}
        />
        <Group>
          <Button type="submit" loading={submission.isPending}>
            {t(`${K}.save_policy`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const EMPTY_FUNCTION: TeleworkFunction = { code: '', name: { fr: '', nl: '' }, teleworkable: true };

function FunctionsSection() {
  const { t, i18n } = useTranslation();
  const functions = useFunctions();
  const [editing, setEditing] = useState<{ fn: TeleworkFunction; isNew: boolean }>({
    fn: EMPTY_FUNCTION,
    isNew: true,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tw-functions-title">
      <Title order={2} fz="h4" id="tw-functions-title" mb="xs">
        {t(`${K}.functions_title`)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.functions_intro`)}
      </Text>
      {functions.isPending ? (
        <LoadingState />
      ) : functions.isError ? (
        <ErrorState error={functions.error} onRetry={() => void functions.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" className="data-table">
            <VisuallyHidden component="caption">{t(`${K}.functions_title`)}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.code`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.name_fr`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.name_nl`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.teleworkable`)}</Table.Th>
                <Table.Th scope="col">{t('web.common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {functions.data.items.map((fn) => (
                <Table.Tr key={fn.code}>
                  <Table.Td>
                    <code>{fn.code}</code>
                  </Table.Td>
                  <Table.Td lang="fr">{fn.name.fr}</Table.Td>
                  <Table.Td lang="nl">{fn.name.nl}</Table.Td>
                  <Table.Td>
                    <StatusBadge
                      isActive={fn.teleworkable}
                      activeLabel={t(`${K}.yes`)}
                      inactiveLabel={t(`${K}.no`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t(`${K}.edit_function`, { name: functionName(fn, i18n.language) })}
                      onClick={() => setEditing({ fn, isNew: false })}
                    >
                      {t('web.common.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FunctionForm
        key={`${editing.fn.code}-${editing.isNew}`}
        fn={editing.fn}
        isNew={editing.isNew}
        onDone={() => setEditing({ fn: EMPTY_FUNCTION, isNew: true })}
      />
    </Paper>
  );
}

function FunctionForm(props: { fn: TeleworkFunction; isNew: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fn, setFn] = useState(props.fn);
  const submission = useSubmission({ fields: ['code', 'name.fr', 'name.nl', 'teleworkable'] });
  const firstName = useRef<HTMLInputElement>(null);
  // "Edit" in the table brings the keyboard to the form below it.
  useEffect(() => {
    if (!props.isNew) firstName.current?.focus();
  }, [props.isNew]);
  const { byField, others, error } = submission;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const saved = await saveFunction({ ...fn, code: fn.code.trim() });
      await queryClient.invalidateQueries({ queryKey: agreementKeys.functions });
      props.onDone();
      return t(`${K}.function_saved`, { code: saved.code });
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="tw-function-form-title">
      <Title order={3} fz="h5" id="tw-function-form-title" mt="md" mb="xs">
        {props.isNew ? t(`${K}.add_function`) : t(`${K}.change_function`, { code: props.fn.code })}
      </Title>
      <Stack gap="sm" maw={760}>
        <div role="status" aria-live="polite">
          {submission.notice && <Alert color="teal">{submission.notice}</Alert>}
        </div>
        {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t(`${K}.code`)}
            description={t(`${K}.code_help`)}
            name="code"
            required
            disabled={!props.isNew}
            value={fn.code}
            onChange={(event) => setFn({ ...fn, code: event.currentTarget.value })}
            error={byField.code}
            spellCheck={false}
          />
          <TextInput
            label={t(`${K}.name_fr`)}
            name="name.fr"
            ref={firstName}
            lang="fr"
            required
            value={fn.name.fr}
            onChange={(event) => setFn({ ...fn, name: { ...fn.name, fr: event.currentTarget.value } })}
            error={byField['name.fr']}
          />
          <TextInput
            label={t(`${K}.name_nl`)}
            name="name.nl"
            lang="nl"
            required
            value={fn.name.nl}
            onChange={(event) => setFn({ ...fn, name: { ...fn.name, nl: event.currentTarget.value } })}
            error={byField['name.nl']}
          />
        </SimpleGrid>
        <Checkbox
          label={t(`${K}.teleworkable_label`)}
          name="teleworkable"
          checked={fn.teleworkable}
          onChange={(event) => setFn({ ...fn, teleworkable: event.currentTarget.checked })}
        />
        <Group gap="sm">
          <Button type="submit" loading={submission.isPending}>
            {t(`${K}.save_function`)}
          </Button>
          {!props.isNew && (
            <Button variant="default" onClick={props.onDone}>
              {t('web.common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** Finds a member of staff by name (the directory's search) and records their function and occupation. */
function ProfileSection() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<string | null>(null);
  // Asks the directory once the typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const people = useQuery({
    queryKey: ['telework', 'rules', 'people', query],
    queryFn: ({ signal }) =>
      api<PeoplePage>('/directory/people', { query: { q: query, isActive: true, limit: 20 }, signal }),
    enabled: query.length >= 2,
  });
  const found = people.data?.items ?? [];
  const chosen = found.find((p) => p.id === person) ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tw-profile-title">
      <Title order={2} fz="h4" id="tw-profile-title" mb="xs">
        {t(`${K}.profile_title`)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.profile_intro`)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={760}>
        <TextInput
          type="search"
          label={t(`${K}.person_search`)}
          description={t(`${K}.person_search_help`)}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPerson(null);
          }}
        />
        <NativeSelect
          label={t(`${K}.person`)}
          value={person ?? ''}
          disabled={found.length === 0}
          onChange={(event) => setPerson(event.currentTarget.value || null)}
          data={[
            {
              value: '',
              label:
                query.length < 2
                  ? t(`${K}.person_type_first`)
                  : people.isFetching
                    ? t('web.common.loading')
                    : t(`${K}.person_found`, { count: found.length }),
            },
            ...found.map((p) => ({ value: p.id, label: `${p.name} (${p.username})` })),
          ]}
        />
      </SimpleGrid>
      {people.isError && <ErrorState error={people.error} onRetry={() => void people.refetch()} />}
      {chosen && <ProfileForm key={chosen.id} personId={chosen.id} personName={chosen.name} />}
    </Paper>
  );
}

function ProfileForm(props: { personId: string; personName: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const profile = useProfile(props.personId);
  const functions = useFunctions();
  const [functionCode, setFunctionCode] = useState('');
  const [pct, setPct] = useState<number | string>(100);
  const submission = useSubmission({ fields: ['functionCode', 'occupationPct'] });
  const { byField, others, error } = submission;
  useEffect(() => {
    if (!profile.data) return;
    setFunctionCode(profile.data.functionCode);
    setPct(profile.data.occupationPct);
  }, [profile.data]);
  if (profile.isPending || functions.isPending) return <LoadingState />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await saveProfile(props.personId, {
        functionCode,
        occupationPct: typeof pct === 'number' ? pct : Number.NaN,
      });
      await queryClient.invalidateQueries({ queryKey: agreementKeys.profile(props.personId) });
      return t(`${K}.profile_saved`, { name: props.personName });
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t(`${K}.profile_of`, { name: props.personName })}>
      <Stack gap="sm" maw={760} mt="md">
        <Text fw={600}>
          {profile.data === null
            ? t(`${K}.no_profile_yet`, { name: props.personName })
            : t(`${K}.profile_of`, { name: props.personName })}
        </Text>
        <div role="status" aria-live="polite">
          {submission.notice && <Alert color="teal">{submission.notice}</Alert>}
        </div>
        {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={t(`${K}.function`)}
            name="functionCode"
            required
            value={functionCode}
            onChange={(event) => setFunctionCode(event.currentTarget.value)}
            error={byField.functionCode}
            data={[
              { value: '', label: t(`${K}.choose_function`) },
              ...(functions.data?.items ?? []).map((fn) => ({
                value: fn.code,
                label: `${functionName(fn, i18n.language)}${fn.teleworkable ? '' : ` (${t(`${K}.not_teleworkable`)})`}`,
              })),
            ]}
          />
          <NumberInput
            label={t(`${K}.occupation`)}
            description={t(`${K}.occupation_help`)}
            name="occupationPct"
            required
            min={1}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            suffix=" %"
            value={pct}
            onChange={setPct}
            error={byField.occupationPct}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={submission.isPending}>
            {t(`${K}.save_profile`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
