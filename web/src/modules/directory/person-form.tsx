import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../src/platform/auth/contract.js';
import { LANGUAGES } from '../../app/languages.js';
import { errorMessage, missingFields, requiredFieldsError } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { FormErrors } from '../../app/ui.js';
import { localName, useOrgUnits, usePartners } from './api.js';
import { buildTree, flattenTree } from './org-tree.js';
import { PERSON_FIELDS, type PersonFormValues } from './person-values.js';

type Props = {
  mode: 'create' | 'edit';
  initial: PersonFormValues;
  canWrite: boolean;
  onSubmit: (values: PersonFormValues) => Promise<void>;
  onCancel: () => void;
};

/**
 * Create or edit a person. The server checks everything; its field errors appear under the named
 * inputs, in the current language, and what was typed stays.
 */
export function PersonForm(props: Props) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(props.initial);
  const submission = useSubmission({ fields: PERSON_FIELDS });
  const { error, byField, others } = submission;
  const topRef = useRef<HTMLDivElement>(null);
  // The summary of what is wrong sits above the fields; the Save button is far below.
  useEffect(() => {
    if (error) topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [error]);
  const partners = usePartners();
  const orgUnits = useOrgUnits();
  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const text = (
    key: 'username' | 'name' | 'email' | 'phone' | 'manager' | 'employedFrom' | 'employedTo',
  ) => ({
    value: values[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
    error: byField[key],
    name: key,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(values, ['username', 'name', 'email']);
    if (missing.length > 0) {
      submission.fail(requiredFieldsError(missing));
      return;
    }
    void submission.run(async () => {
      await props.onSubmit(values);
    });
  };

  const unitOptions = flattenTree(buildTree(orgUnits.data ?? [], (u) => localName(u, i18n.language))).map(
    ({ unit, depth }) => ({
      value: unit.code,
      label: `${'\u2002'.repeat(depth * 2)}${localName(unit, i18n.language)}`,
    }),
  );
  const partnerOptions = (partners.data ?? []).map((p) => ({
    value: p.code,
    label: localName(p, i18n.language),
  }));
  const hasProblem = error !== null;

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t(props.mode === 'create' ? 'web.people.create_title' : 'web.people.edit_title')}
    >
      <Stack gap="lg" ref={topRef} style={{ scrollMarginTop: 80 }}>
        {hasProblem && <FormErrors title={errorMessage(error)} messages={others} />}
        <Fieldset
          legend={t('web.people.identity')}
          disabled={!props.canWrite}
          styles={{ legend: { fontWeight: 600 } }}
        >
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'end' }}>
            <TextInput
              label={t('web.people.fields.username')}
              description={t('web.people.username_help')}
              required
              disabled={props.mode === 'edit'}
              autoComplete="off"
              spellCheck={false}
              {...text('username')}
            />
            <TextInput label={t('web.people.fields.name')} required autoComplete="off" {...text('name')} />
            <TextInput
              label={t('web.people.fields.email')}
              required
              type="email"
              autoComplete="off"
              {...text('email')}
            />
            <TextInput
              label={t('web.people.fields.phone')}
              type="tel"
              autoComplete="off"
              {...text('phone')}
            />
            <Select
              label={t('web.people.fields.language')}
              data={LANGUAGES.map((l) => ({ value: l.code, label: l.nativeName }))}
              value={values.language}
              onChange={(value) => value && set('language', value as PersonFormValues['language'])}
              allowDeselect={false}
              error={byField.language}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset
          legend={t('web.people.access')}
          disabled={!props.canWrite}
          styles={{ legend: { fontWeight: 600 } }}
        >
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'end' }}>
            <MultiSelect
              label={t('web.people.fields.roles')}
              description={t('web.people.roles_help')}
              data={ROLES.map((role) => ({ value: role, label: t(`web.roles.names.${role}`) }))}
              value={values.roles}
              onChange={(roles) => set('roles', roles)}
              error={byField.roles}
              searchable
              hidePickedOptions
            />
            <Select
              label={t('web.people.fields.partner')}
              description={t('web.people.partner_help')}
              data={partnerOptions}
              value={values.partner}
              onChange={(value) => set('partner', value)}
              error={byField.partner}
              clearable
              searchable
              placeholder={t('web.people.no_partner')}
            />
            <Select
              label={t('web.people.fields.orgUnit')}
              data={unitOptions}
              value={values.orgUnit}
              onChange={(value) => set('orgUnit', value)}
              error={byField.orgUnit}
              clearable
              searchable
              placeholder={t('web.people.no_org_unit')}
            />
            <TextInput
              label={t('web.people.fields.manager')}
              description={t('web.people.manager_help')}
              autoComplete="off"
              spellCheck={false}
              {...text('manager')}
            />
            <TextInput label={t('web.people.fields.employedFrom')} type="date" {...text('employedFrom')} />
            <TextInput label={t('web.people.fields.employedTo')} type="date" {...text('employedTo')} />
            <PasswordInput
              label={props.mode === 'create' ? t('web.people.fields.password') : t('web.people.new_password')}
              description={t(
                props.mode === 'create' ? 'web.people.password_help_create' : 'web.people.password_help_edit',
              )}
              autoComplete="new-password"
              value={values.password}
              onChange={(event) => set('password', event.currentTarget.value)}
              error={byField.password}
              name="password"
              // Mantine's PasswordInput does not mark its inner input invalid (TextInput does).
              aria-invalid={Boolean(byField.password)}
              visibilityToggleButtonProps={{ 'aria-label': t('web.common.show_password') }}
            />
            {props.mode === 'edit' && (
              <Switch
                label={t('web.people.fields.isActive')}
                description={t('web.people.active_help')}
                checked={values.isActive}
                onChange={(event) => set('isActive', event.currentTarget.checked)}
                error={byField.isActive}
                mt="md"
              />
            )}
          </SimpleGrid>
        </Fieldset>

        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {props.canWrite ? t('web.common.cancel') : t('web.common.back')}
          </Button>
          {props.canWrite && (
            <Button type="submit" loading={submission.isPending}>
              {props.mode === 'create' ? t('web.people.create') : t('web.common.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
