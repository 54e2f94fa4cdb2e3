import { Button, Group, Paper, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { errorMessage, missingFields, requiredFieldsError } from '../../app/problems.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { useSubmission } from '../../app/submission.js';
import {
  Dialog,
  Empty,
  ErrorState,
  FormErrors,
  LoadingState,
  PageHeader,
  StatusBadge,
} from '../../app/ui.js';
import { directoryKeys, type Partner, usePartners } from './api.js';

const KINDS = ['fund', 'ministry', 'other'] as const;
const FIELDS = ['code', 'nameFr', 'nameNl', 'kind', 'enterpriseNumber', 'isActive'] as const;

type Values = {
  code: string;
  nameFr: string;
  nameNl: string;
  kind: string;
  enterpriseNumber: string;
  isActive: boolean;
};

/** The partner organisations (the social insurance funds) whose users work in Relais. */
export function PartnersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canWrite = hasAbility(me, 'directory.partners.write');
  const partners = usePartners();
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('web.areas.partners.title')}
        description={t('web.partners.intro')}
        actions={canWrite && <Button onClick={() => setEditing('new')}>{t('web.partners.new')}</Button>}
      />
      {partners.isPending ? (
        <LoadingState />
      ) : partners.isError ? (
        <ErrorState error={partners.error} onRetry={() => void partners.refetch()} />
      ) : partners.data.length === 0 ? (
        <Empty title={t('web.partners.empty')} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="sm" captionSide="bottom">
              <Table.Caption>{t('web.partners.caption', { count: partners.data.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('web.partners.fields.code')}</Table.Th>
                  <Table.Th scope="col">{t('web.partners.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('web.partners.fields.kind')}</Table.Th>
                  <Table.Th scope="col">{t('web.partners.fields.enterpriseNumber')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('web.partners.users')}
                  </Table.Th>
                  <Table.Th scope="col">{t('web.people.fields.status')}</Table.Th>
                  {canWrite && (
                    <Table.Th scope="col">
                      <Text span className="sr-only">
                        {t('web.common.actions')}
                      </Text>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {partners.data.map((partner) => (
                  <Table.Tr key={partner.id}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {partner.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} lang="fr">
                        {partner.nameFr}
                      </Text>
                      <Text size="sm" c="dimmed" lang="nl">
                        {partner.nameNl}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {t(`web.partners.kinds.${partner.kind}`, { defaultValue: partner.kind })}
                    </Table.Td>
                    <Table.Td>{partner.enterpriseNumber ?? '—'}</Table.Td>
                    <Table.Td ta="right">{partner.userCount}</Table.Td>
                    <Table.Td>
                      <StatusBadge isActive={partner.isActive} />
                    </Table.Td>
                    {canWrite && (
                      <Table.Td ta="right">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setEditing(partner)}
                          aria-label={`${t('web.common.edit')}: ${partner.code}`}
                        >
                          {t('web.common.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('web.partners.new') : t('web.partners.edit')}
        size="lg"
      >
        {editing !== null && (
          <PartnerForm partner={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Dialog>
    </>
  );
}

function PartnerForm(props: { partner: Partner | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const initial: Values = props.partner
    ? { ...props.partner, enterpriseNumber: props.partner.enterpriseNumber ?? '' }
    : { code: '', nameFr: '', nameNl: '', kind: 'fund', enterpriseNumber: '', isActive: true };
  const [values, setValues] = useState(initial);
  const submission = useSubmission({ fields: FIELDS });
  const { error, byField, others } = submission;
  const set = (key: keyof Values, value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: 'code' | 'nameFr' | 'nameNl' | 'enterpriseNumber') => ({
    value: values[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
    error: byField[key],
    name: key,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(values, ['code', 'nameFr', 'nameNl']);
    if (missing.length > 0) {
      submission.fail(requiredFieldsError(missing));
      return;
    }
    const body = {
      nameFr: values.nameFr.trim(),
      nameNl: values.nameNl.trim(),
      kind: values.kind,
      enterpriseNumber: values.enterpriseNumber.replace(/[\s.]/g, '') || null,
    };
    void submission.run(async () => {
      if (props.partner) {
        await api(`/directory/partners/${encodeURIComponent(props.partner.code)}`, {
          method: 'PATCH',
          body: { ...body, isActive: values.isActive },
        });
      } else {
        await api('/directory/partners', { method: 'POST', body: { ...body, code: values.code.trim() } });
      }
      await queryClient.invalidateQueries({ queryKey: directoryKeys.partners });
      props.onDone();
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
        <TextInput
          label={t('web.partners.fields.code')}
          description={t('web.partners.code_help')}
          required
          disabled={Boolean(props.partner)}
          spellCheck={false}
          {...text('code')}
        />
        <TextInput label={t('web.partners.fields.nameFr')} required lang="fr" {...text('nameFr')} />
        <TextInput label={t('web.partners.fields.nameNl')} required lang="nl" {...text('nameNl')} />
        <Select
          label={t('web.partners.fields.kind')}
          data={KINDS.map((kind) => ({ value: kind, label: t(`web.partners.kinds.${kind}`) }))}
          value={values.kind}
          onChange={(value) => value && set('kind', value)}
          allowDeselect={false}
          error={byField.kind}
        />
        <TextInput
          label={t('web.partners.fields.enterpriseNumber')}
          description={t('web.partners.enterprise_number_help')}
          {...text('enterpriseNumber')}
        />
        {props.partner && (
          <Switch
            label={t('web.partners.fields.isActive')}
            checked={values.isActive}
            onChange={(event) => set('isActive', event.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t('web.common.cancel')}
          </Button>
          <Button type="submit" loading={submission.isPending}>
            {props.partner ? t('web.common.save') : t('web.common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
