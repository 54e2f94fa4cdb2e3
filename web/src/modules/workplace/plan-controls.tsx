import { Chip, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DESK_FEATURES,
  type DeskFeature,
  type Site,
  SLOTS,
  type Slot,
} from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';
import { addDays } from './bookable-days.js';
import { nameIn } from './workplace-format.js';

const K = 'web.workplace';

export type PlanChoice = {
  siteId: string;
  floorId: string;
  date: string;
  slot: Slot;
  features: DeskFeature[];
};

/** Which floor, day and slot the map shows, and the features a desk must have to be shown. */
export function PlanControls(props: {
  sites: readonly Site[];
  site: Site;
  choice: PlanChoice;
  today: string;
  onChange: (change: Partial<PlanChoice>) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { choice, site } = props;
  // A site that books whole days only (desks cleaned overnight) offers no half days.
  const slots = site.rules.isWholeDaysOnly ? (['day'] as const) : SLOTS;
  return (
    <Stack gap="sm" mb="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        {props.sites.length > 1 && (
          <Select
            label={t(`${K}.site`)}
            data={props.sites.map((s) => ({ value: s.id, label: s.name }))}
            value={choice.siteId}
            allowDeselect={false}
            onChange={(value) => value && props.onChange({ siteId: value })}
          />
        )}
        <Select
          label={t(`${K}.floor`)}
          data={site.floors.map((floor) => ({ value: floor.id, label: nameIn(floor.name, language) }))}
          value={choice.floorId}
          allowDeselect={false}
          onChange={(value) => value && props.onChange({ floorId: value })}
          w={180}
        />
        <TextInput
          type="date"
          label={t(`${K}.date`)}
          value={choice.date}
          min={props.today}
          max={addDays(props.today, site.rules.horizonDays)}
          onChange={(event) =>
            event.currentTarget.value && props.onChange({ date: event.currentTarget.value })
          }
          w={180}
        />
        <Stack gap={4} component="fieldset" className="wp-fieldset">
          <Text component="legend" size="sm" fw={500}>
            {t(`${K}.slot`)}
          </Text>
          <SegmentedControl
            data={slots.map((slot) => ({ value: slot, label: t(`${K}.slots.${slot}`) }))}
            value={choice.slot}
            onChange={(value) => props.onChange({ slot: value as Slot })}
          />
        </Stack>
      </Group>
      <Stack gap={4} component="fieldset" className="wp-fieldset">
        <Text component="legend" size="sm" fw={500}>
          {t(`${K}.features_filter`)}
        </Text>
        <Chip.Group
          multiple
          value={choice.features}
          onChange={(value) => props.onChange({ features: value as DeskFeature[] })}
        >
          <Group gap="xs">
            {DESK_FEATURES.map((feature) => (
              <Chip key={feature} value={feature} size="sm" variant="outline">
                {t(`${K}.features.${feature}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>
    </Stack>
  );
}
