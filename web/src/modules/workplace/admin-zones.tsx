import { Alert, Button, Group, NumberInput, Paper, Radio, Stack, Table, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FloorPlan,
  LocalizedName,
  ZoneCapacity,
  ZoneOccupancy,
} from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { Dialog, FormErrors } from '../../app/ui.js';
import type { Breaks } from './admin-page.js';
import { changeZone, workplaceKeys } from './api.js';
import { type CapacityForm, type CapacityKind, capacityForm, capacityFromForm } from './rules-form.js';
import { formProblemsError } from './rules-problems.js';
import { nameIn } from './workplace-format.js';

const K = 'web.workplace.admin';
const FIELDS = ['name.fr', 'name.nl', 'name.en', 'capacity'] as const;
const LANGUAGES = ['fr', 'nl', 'en'] as const;

/** A capacity in words: "12 people", "50 % of its desks". */
function CapacityRule(props: { capacity: ZoneCapacity }) {
  const { t } = useTranslation();
  const { capacity } = props;
  return 'people' in capacity
    ? t(`${K}.rule_people`, { count: capacity.people })
    : t(`${K}.rule_percent`, { percent: capacity.percent });
}

/** A floor's zones with their capacity now (their own, or the site's rule), each with an Edit button. */
export function AdminZones(props: { plan: FloorPlan; onBreaks: (breaks: Breaks) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [editing, setEditing] = useState<ZoneOccupancy | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { plan } = props;
  return (
    <Stack gap="sm">
      <div role="status" aria-live="polite" className="wp-live">
        {notice && <Alert color="teal">{notice}</Alert>}
      </div>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" striped captionSide="top" className="data-table">
            <Table.Caption>
              {t(`${K}.zones_caption`, { floor: nameIn(plan.floor.name, language) })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.columns.zone`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.columns.desks`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.columns.capacity`)}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{t('web.common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.zones.map((zone) => (
                <Table.Tr key={zone.id} data-zone={zone.id}>
                  <Table.Th scope="row">{nameIn(zone.name, language)}</Table.Th>
                  <Table.Td>{zone.deskCount}</Table.Td>
                  <Table.Td>
                    {zone.ownCapacity ? (
                      <>
                        {t(`${K}.capacity_own`, { capacity: zone.capacity })}{' '}
                        <CapacityRule capacity={zone.ownCapacity} />
                      </>
                    ) : (
                      t(`${K}.capacity_site`, { capacity: zone.capacity })
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t(`${K}.edit_zone`, { zone: nameIn(zone.name, language) })}
                      onClick={() => {
                        setNotice(null);
                        setEditing(zone);
                      }}
                    >
                      {t(`${K}.edit`)}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t(`${K}.zone_dialog`, { zone: nameIn(editing.name, language) }) : ''}
      >
        {editing && (
          <ZoneForm
            zone={editing}
            onSaved={(name, breaks) => {
              setNotice(t(`${K}.zone_saved`, { zone: nameIn(name, language) }));
              setEditing(null);
              props.onBreaks({ site: plan.site, conflicts: breaks });
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </Stack>
  );
}

function ZoneForm(props: {
  zone: ZoneOccupancy;
  onSaved: (name: LocalizedName, conflicts: Breaks['conflicts']) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState<LocalizedName>(props.zone.name);
  const [capacity, setCapacity] = useState<CapacityForm>(capacityForm(props.zone.ownCapacity));
  const submission = useSubmission({ fields: FIELDS });
  const { error, byField, others } = submission;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Parameters<typeof capacityFromForm>[2] = [];
    const blank = LANGUAGES.filter((language) => name[language].trim() === '');
    for (const language of blank) problems.push({ field: `name.${language}`, code: 'validation.required' });
    const wanted = capacityFromForm('capacity', capacity, problems);
    if (problems.length > 0) {
      submission.fail(formProblemsError(problems));
      return;
    }
    void submission.run(async () => {
      const trimmed = { fr: name.fr.trim(), nl: name.nl.trim(), en: name.en.trim() };
      const change = await changeZone(props.zone.id, { name: trimmed, capacity: wanted });
      await queryClient.invalidateQueries({ queryKey: workplaceKeys.all });
      props.onSaved(trimmed, change.conflicts);
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
        {LANGUAGES.map((language) => (
          <TextInput
            key={language}
            label={t(`${K}.name_${language}`)}
            lang={language}
            required
            maxLength={200}
            value={name[language]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setName((before) => ({ ...before, [language]: value }));
            }}
            error={byField[`name.${language}`]}
          />
        ))}
        <CapacityFields
          legend={t(`${K}.zone_capacity`)}
          help={t(`${K}.zone_capacity_help`)}
          kinds="zone_kinds"
          value={capacity}
          onChange={setCapacity}
          error={byField.capacity}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t('web.common.cancel')}
          </Button>
          <Button type="submit" loading={submission.isPending}>
            {t(`${K}.save`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A capacity: none (a zone: the site's rule; a site: its desks), a number of people, or a percentage. */
export function CapacityFields(props: {
  legend: string;
  help: string;
  kinds: 'zone_kinds' | 'site_kinds';
  value: CapacityForm;
  onChange: (value: CapacityForm) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { value } = props;
  return (
    <Stack gap="xs">
      <Radio.Group
        label={props.legend}
        description={props.help}
        value={value.kind}
        onChange={(kind) => props.onChange({ ...value, kind: kind as CapacityKind })}
        error={value.kind === 'none' ? props.error : undefined}
      >
        <Group gap="md" mt="xs">
          {(['none', 'people', 'percent'] as const).map((kind) => (
            <Radio key={kind} value={kind} label={t(`${K}.${props.kinds}.${kind}`)} />
          ))}
        </Group>
      </Radio.Group>
      {value.kind !== 'none' && (
        <NumberInput
          label={t(`${K}.${value.kind}`)}
          required
          min={0}
          max={value.kind === 'percent' ? 100 : 10_000}
          allowDecimal={false}
          allowNegative={false}
          suffix={value.kind === 'percent' ? ' %' : undefined}
          value={value.value}
          onChange={(number) => props.onChange({ ...value, value: number })}
          error={props.error}
          w={220}
        />
      )}
    </Stack>
  );
}
