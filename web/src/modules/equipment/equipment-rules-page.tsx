import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
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
import type {
  Profile,
  ProfileInput,
  ProfileList,
  TypePolicy,
} from '../../../../src/modules/equipment/contract.js';
import { ASSET_TYPES, type AssetType } from '../../../../src/modules/equipment/contract.js';
import { api } from '../../app/api.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';
import { K } from './request-parts.js';

type Mode = 'none' | 'default' | 'on_request';

/** ICT's rules: the equipment profile of each function, and each type's policy. */
export function EquipmentRulesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('web.areas.eqRules.title')} description={t(`${K}.rules_intro`)} />
      <Stack gap="lg">
        <ProfilesSection />
        <PoliciesSection />
      </Stack>
    </>
  );
}

function ProfilesSection() {
  const { t, i18n } = useTranslation();
  const profiles = useQuery({
    queryKey: ['equipment', 'profiles'],
    queryFn: ({ signal }) => api<ProfileList>('/equipment/profiles', { signal }),
  });
  const [editing, setEditing] = useState<Profile | 'new' | null>(null);
  const nameOf = (p: Profile) =>
    i18n.language === 'nl' ? p.names.nl : i18n.language === 'en' ? p.names.en : p.names.fr;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="eq-profiles">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4" id="eq-profiles">
          {t(`${K}.profiles_title`)}
        </Title>
        <Button variant="default" onClick={() => setEditing('new')}>
          {t(`${K}.profile_new`)}
        </Button>
      </Group>
      {profiles.isPending && <LoadingState />}
      {profiles.isError && <ErrorState error={profiles.error} onRetry={() => void profiles.refetch()} />}
      {profiles.data && profiles.data.items.length === 0 && <Text c="dimmed">{t(`${K}.no_profiles`)}</Text>}
      {profiles.data && profiles.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped className="data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.column.profile`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.column.functions`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.column.kit`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.column.on_request`)}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{t('web.common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profiles.data.items.map((profile) => (
                <Table.Tr key={profile.id}>
                  <Table.Td>{nameOf(profile)}</Table.Td>
                  <Table.Td>{profile.functions.join(', ') || '—'}</Table.Td>
                  {(['default', 'on_request'] as const).map((mode) => (
                    <Table.Td key={mode}>
                      {profile.items
                        .filter((i) => i.mode === mode)
                        .map((i) => t(`equipment.type.${i.type}`))
                        .join(', ') || '—'}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(profile)}
                      aria-label={t(`${K}.profile_edit_named`, { name: nameOf(profile) })}
                    >
                      {t(`${K}.profile_edit`)}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && profiles.data && (
        <ProfileForm
          key={editing === 'new' ? 'new' : editing.id}
          profile={editing === 'new' ? null : editing}
          functions={profiles.data.functions}
          onDone={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}

function ProfileForm(props: {
  profile: Profile | null;
  functions: ProfileList['functions'];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { profile } = props;
  const [names, setNames] = useState(profile?.names ?? { fr: '', nl: '', en: '' });
  const [functions, setFunctions] = useState<string[]>(profile?.functions ?? []);
  const [modes, setModes] = useState<Record<AssetType, Mode>>(
    Object.fromEntries(
      ASSET_TYPES.map((type) => [type, profile?.items.find((i) => i.type === type)?.mode ?? 'none']),
    ) as Record<AssetType, Mode>,
  );
  const submission = useSubmission({
    fields: ['names.fr', 'names.nl', 'names.en', 'functions', 'items'],
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ProfileInput = {
      names,
      functions,
      items: ASSET_TYPES.filter((type) => modes[type] !== 'none').map((type) => ({
        type,
        mode: modes[type] as 'default' | 'on_request',
      })),
    };
    void submission
      .run(async () => {
        await api(profile ? `/equipment/profiles/${encodeURIComponent(profile.id)}` : '/equipment/profiles', {
          method: profile ? 'PUT' : 'POST',
          body,
        });
        return t(`${K}.profile_saved`);
      })
      .then((ok) => ok && props.onDone());
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="eq-profile-form">
      <Stack gap="sm" mt="md">
        <Title order={3} fz="h5" id="eq-profile-form">
          {profile ? t(`${K}.profile_edit`) : t(`${K}.profile_new`)}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {(['fr', 'nl', 'en'] as const).map((lang) => (
            <TextInput
              key={lang}
              required
              label={t(`${K}.field.name_${lang}`)}
              value={names[lang]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setNames((all) => ({ ...all, [lang]: value }));
              }}
              error={submission.byField[`names.${lang}`]}
            />
          ))}
        </SimpleGrid>
        <MultiSelect
          label={t(`${K}.field.functions`)}
          searchable
          data={props.functions.map((f) => ({
            value: f.code,
            label: `${f.code} — ${i18n.language === 'nl' ? f.nameNl : f.nameFr}`,
          }))}
          value={functions}
          onChange={setFunctions}
          error={submission.byField.functions}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {ASSET_TYPES.map((type) => (
            <NativeSelect
              key={type}
              label={t(`equipment.type.${type}`)}
              value={modes[type]}
              onChange={(e) => {
                const value = e.currentTarget.value as Mode;
                setModes((all) => ({ ...all, [type]: value }));
              }}
              data={(['none', 'default', 'on_request'] as const).map((mode) => ({
                value: mode,
                label: t(`${K}.mode.${mode}`),
              }))}
            />
          ))}
        </SimpleGrid>
        {submission.error !== null && (
          <FormErrors title={errorMessage(submission.error)} messages={submission.others} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t('web.common.cancel')}
          </Button>
          <Button type="submit" loading={submission.isPending}>
            {t('web.common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PoliciesSection() {
  const { t } = useTranslation();
  const policies = useQuery({
    queryKey: ['equipment', 'policies'],
    queryFn: ({ signal }) => api<{ items: TypePolicy[] }>('/equipment/policies', { signal }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="eq-policies">
      <Title order={2} fz="h4" id="eq-policies" mb="sm">
        {t(`${K}.policies_title`)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.policies_help`)}
      </Text>
      {policies.isPending && <LoadingState />}
      {policies.isError && <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />}
      <Stack gap="xs">
        {policies.data?.items.map((policy) => (
          <PolicyRow key={`${policy.type}:${policy.updatedAt ?? ''}`} policy={policy} />
        ))}
      </Stack>
    </Paper>
  );
}

function PolicyRow(props: { policy: TypePolicy }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { policy } = props;
  const [approval, setApproval] = useState(policy.managerApproval);
  const [capEuros, setCapEuros] = useState<number | string>(
    policy.contributionCapCents === null ? '' : policy.contributionCapCents / 100,
  );
  const [months, setMonths] = useState<number | string>(policy.contributionPeriodMonths ?? '');
  const [threshold, setThreshold] = useState<number | string>(policy.lowStockThreshold ?? '');
  const submission = useSubmission({
    fields: ['managerApproval', 'contributionCapCents', 'contributionPeriodMonths', 'lowStockThreshold'],
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['equipment', 'policies'] }),
  });
  const typeName = t(`equipment.type.${policy.type}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await api(`/equipment/policies/${policy.type}`, {
        method: 'PUT',
        body: {
          managerApproval: approval,
          contributionCapCents: capEuros === '' ? null : Math.round(Number(capEuros) * 100),
          contributionPeriodMonths: months === '' ? null : Number(months),
          lowStockThreshold: threshold === '' ? null : Number(threshold),
        },
      });
      return t(`${K}.policy_saved`, { type: typeName });
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={typeName}>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Text fw={600} w={160}>
          {typeName}
        </Text>
        <Checkbox
          label={t(`${K}.field.manager_approval`)}
          checked={approval}
          onChange={(e) => setApproval(e.currentTarget.checked)}
          mb={8}
        />
        <NumberInput
          label={t(`${K}.field.cap_euros`)}
          min={0}
          decimalScale={2}
          value={capEuros}
          onChange={setCapEuros}
          error={submission.byField.contributionCapCents}
          w={150}
        />
        <NumberInput
          label={t(`${K}.field.period_months`)}
          min={1}
          max={120}
          allowDecimal={false}
          value={months}
          onChange={setMonths}
          error={submission.byField.contributionPeriodMonths}
          w={130}
        />
        <NumberInput
          label={t(`${K}.field.low_stock`)}
          min={0}
          allowDecimal={false}
          value={threshold}
          onChange={setThreshold}
          error={submission.byField.lowStockThreshold}
          w={130}
        />
        <Button type="submit" variant="default" loading={submission.isPending}>
          {t('web.common.save')}
        </Button>
        <div aria-live="polite">
          {submission.notice && <Text c="teal.9">{submission.notice}</Text>}
          {submission.error !== null && <Text c="red.8">{errorMessage(submission.error)}</Text>}
        </div>
      </Group>
    </form>
  );
}
