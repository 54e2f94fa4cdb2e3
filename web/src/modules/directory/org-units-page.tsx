import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { errorMessage, missingFields, requiredFieldsError } from '../../app/problems.js';
import { hasAbility, useCurrentUser } from '../../app/session.js';
import { useSubmission } from '../../app/submission.js';
import { Dialog, Empty, ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';
import { directoryKeys, localName, type OrgUnit, useOrgUnits } from './api.js';
import { buildTree, descendantCodes, flattenTree, type TreeNode } from './org-tree.js';

const KINDS = ['institution', 'direction', 'service', 'team'] as const;
const FIELDS = ['code', 'nameFr', 'nameNl', 'kind', 'parent'] as const;

/** The organisation chart as a tree: institution, directions, services, teams. */
export function OrgUnitsPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const canWrite = hasAbility(me, 'directory.org_units.write');
  const units = useOrgUnits();
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);
  const tree = buildTree(units.data ?? [], (u) => localName(u, i18n.language));

  const renderNode = (node: TreeNode<OrgUnit>) => (
    <li key={node.unit.code}>
      <Group justify="space-between" wrap="wrap" py={6} px="xs" className="org-node">
        <Group gap="sm" wrap="wrap">
          <Text fw={node.depth === 0 ? 700 : 500}>{localName(node.unit, i18n.language)}</Text>
          <Badge variant="outline" color="gray.7" size="sm">
            {t(`web.org_units.kinds.${node.unit.kind}`, { defaultValue: node.unit.kind })}
          </Badge>
          <Text size="xs" c="dimmed" ff="monospace">
            {node.unit.code}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap" ml="auto">
          <Text size="sm" c="dimmed">
            {t('web.org_units.people', { count: node.unit.peopleCount })}
          </Text>
          {canWrite && (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => setEditing(node.unit)}
              aria-label={`${t('web.common.edit')}: ${localName(node.unit, i18n.language)}`}
            >
              {t('web.common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {node.children.length > 0 && <ul>{node.children.map(renderNode)}</ul>}
    </li>
  );

  return (
    <>
      <PageHeader
        title={t('web.areas.orgUnits.title')}
        description={t('web.org_units.intro')}
        actions={canWrite && <Button onClick={() => setEditing('new')}>{t('web.org_units.new')}</Button>}
      />
      {units.isPending ? (
        <LoadingState />
      ) : units.isError ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : tree.length === 0 ? (
        <Empty title={t('web.org_units.empty')} />
      ) : (
        <Paper withBorder p="md">
          <ul className="org-tree" aria-label={t('web.org_units.tree_label')}>
            {tree.map(renderNode)}
          </ul>
        </Paper>
      )}
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('web.org_units.new') : t('web.org_units.edit')}
        size="lg"
      >
        {editing !== null && (
          <OrgUnitForm
            unit={editing === 'new' ? null : editing}
            units={units.data ?? []}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
    </>
  );
}

function OrgUnitForm(props: { unit: OrgUnit | null; units: OrgUnit[]; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    code: props.unit?.code ?? '',
    nameFr: props.unit?.nameFr ?? '',
    nameNl: props.unit?.nameNl ?? '',
    kind: props.unit?.kind ?? 'service',
    parent: props.unit?.parent ?? null,
  });
  const submission = useSubmission({ fields: FIELDS });
  const { error, byField, others } = submission;
  // A unit cannot move under itself or under one of its own sub-units.
  const excluded = props.unit ? descendantCodes(props.units, props.unit.code) : new Set<string>();
  const parentOptions = flattenTree(buildTree(props.units, (u) => localName(u, i18n.language)))
    .filter(({ unit }) => !excluded.has(unit.code))
    .map(({ unit, depth }) => ({
      value: unit.code,
      label: `${'\u2002'.repeat(depth * 2)}${localName(unit, i18n.language)}`,
    }));
  const text = (key: 'code' | 'nameFr' | 'nameNl') => ({
    value: values[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
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
      parent: values.parent,
    };
    void submission.run(async () => {
      if (props.unit) {
        await api(`/directory/org-units/${encodeURIComponent(props.unit.code)}`, { method: 'PATCH', body });
      } else {
        await api('/directory/org-units', { method: 'POST', body: { ...body, code: values.code.trim() } });
      }
      await queryClient.invalidateQueries({ queryKey: directoryKeys.orgUnits });
      props.onDone();
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
        <TextInput
          label={t('web.org_units.fields.code')}
          description={t('web.org_units.code_help')}
          required
          disabled={Boolean(props.unit)}
          spellCheck={false}
          {...text('code')}
        />
        <TextInput label={t('web.org_units.fields.nameFr')} required lang="fr" {...text('nameFr')} />
        <TextInput label={t('web.org_units.fields.nameNl')} required lang="nl" {...text('nameNl')} />
        <Select
          label={t('web.org_units.fields.kind')}
          data={KINDS.map((kind) => ({ value: kind, label: t(`web.org_units.kinds.${kind}`) }))}
          value={values.kind}
          onChange={(value) => value && setValues((v) => ({ ...v, kind: value }))}
          allowDeselect={false}
          error={byField.kind}
        />
        <Select
          label={t('web.org_units.fields.parent')}
          data={parentOptions}
          value={values.parent}
          onChange={(value) => setValues((v) => ({ ...v, parent: value }))}
          clearable
          searchable
          placeholder={t('web.org_units.no_parent')}
          error={byField.parent}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t('web.common.cancel')}
          </Button>
          <Button type="submit" loading={submission.isPending}>
            {props.unit ? t('web.common.save') : t('web.common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
