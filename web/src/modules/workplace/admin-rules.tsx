import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Site, WorkplaceLimits } from '../../../../src/modules/workplace/contract.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { FormErrors } from '../../app/ui.js';
import type { Breaks } from './admin-page.js';
import { CapacityFields } from './admin-zones.js';
import { replaceSiteRules, workplaceKeys } from './api.js';
import { formFromRules, type RulesForm, rulesFromForm } from './rules-form.js';
import { formProblemsError } from './rules-problems.js';

const K = 'web.workplace.admin';
const FIELDS = [
  'minDistanceMetres',
  'zoneCapacity',
  'horizonDays',
  'isWholeDaysOnly',
  'weeklyOfficeDaysMax',
  'closingDays',
  'teamRotation',
  'checkInBy.am',
  'checkInBy.pm',
] as const;

/** A site's booking rules, each with a sentence saying what it does; saving lists what it now refuses. */
export function AdminRules(props: { site: Site; onBreaks: (breaks: Breaks) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<RulesForm>(() => formFromRules(props.site.rules));
  const submission = useSubmission({ fields: FIELDS });
  const { error, byField, others } = submission;
  const set = <Key extends keyof RulesForm>(key: Key, value: RulesForm[Key]) =>
    setForm((before) => ({ ...before, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answer = rulesFromForm(form);
    if (!answer.ok) {
      submission.fail(formProblemsError(answer.problems));
      return;
    }
    void submission.run(async () => {
      const change = await replaceSiteRules(props.site.id, answer.rules);
      setForm(formFromRules(change.rules));
      await queryClient.invalidateQueries({ queryKey: workplaceKeys.all });
      props.onBreaks({ site: props.site.id, conflicts: change.conflicts });
      return t(`${K}.rules_saved`, { site: props.site.name });
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="wp-rules-title">
      <Title order={2} fz="h4" id="wp-rules-title" mb="sm">
        {t(`${K}.rules_title`, { site: props.site.name })}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={760}>
          <div role="status" aria-live="polite" className="wp-live">
            {submission.notice && <Alert color="teal">{submission.notice}</Alert>}
          </div>
          {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t(`${K}.min_distance`)}
              description={t(`${K}.min_distance_help`)}
              name="minDistanceMetres"
              required
              min={0}
              max={WorkplaceLimits.distanceMetresMax}
              step={0.1}
              decimalScale={2}
              allowNegative={false}
              value={form.minDistanceMetres}
              onChange={(value) => set('minDistanceMetres', value)}
              error={byField.minDistanceMetres}
            />
            <NumberInput
              label={t(`${K}.horizon`)}
              description={t(`${K}.horizon_help`)}
              name="horizonDays"
              required
              min={0}
              max={WorkplaceLimits.horizonDaysMax}
              allowDecimal={false}
              allowNegative={false}
              value={form.horizonDays}
              onChange={(value) => set('horizonDays', value)}
              error={byField.horizonDays}
            />
            <NumberInput
              label={t(`${K}.weekly_max`)}
              description={t(`${K}.weekly_max_help`)}
              name="weeklyOfficeDaysMax"
              min={1}
              max={WorkplaceLimits.weeklyOfficeDaysMax}
              allowDecimal={false}
              allowNegative={false}
              value={form.weeklyOfficeDaysMax}
              onChange={(value) => set('weeklyOfficeDaysMax', value)}
              error={byField.weeklyOfficeDaysMax}
            />
            <TextInput
              type="time"
              label={t(`${K}.check_in_am`)}
              description={t(`${K}.check_in_am_help`)}
              name="checkInBy.am"
              value={form.checkInAm}
              onChange={(event) => set('checkInAm', event.currentTarget.value)}
              error={byField['checkInBy.am']}
            />
            <TextInput
              type="time"
              label={t(`${K}.check_in_pm`)}
              description={t(`${K}.check_in_pm_help`)}
              name="checkInBy.pm"
              value={form.checkInPm}
              onChange={(event) => set('checkInPm', event.currentTarget.value)}
              error={byField['checkInBy.pm']}
            />
            <Checkbox
              label={t(`${K}.whole_days`)}
              description={t(`${K}.whole_days_help`)}
              name="isWholeDaysOnly"
              checked={form.isWholeDaysOnly}
              onChange={(event) => set('isWholeDaysOnly', event.currentTarget.checked)}
              error={byField.isWholeDaysOnly}
              mt="md"
            />
          </SimpleGrid>
          <CapacityFields
            legend={t(`${K}.site_capacity`)}
            help={t(`${K}.site_capacity_help`)}
            kinds="site_kinds"
            value={form.zoneCapacity}
            onChange={(value) => set('zoneCapacity', value)}
            error={byField.zoneCapacity}
          />
          <Textarea
            label={t(`${K}.closing_days`)}
            description={t(`${K}.closing_days_help`)}
            name="closingDays"
            autosize
            minRows={2}
            maxRows={8}
            spellCheck={false}
            value={form.closingDays}
            onChange={(event) => set('closingDays', event.currentTarget.value)}
            error={byField.closingDays}
          />
          <Fieldset legend={t(`${K}.rotation`)} variant="unstyled">
            <Stack gap="xs">
              <TextInput
                label={t(`${K}.odd_weeks`)}
                description={t(`${K}.rotation_help`)}
                name="oddWeeks"
                spellCheck={false}
                value={form.oddWeeks}
                onChange={(event) => set('oddWeeks', event.currentTarget.value)}
                error={byField.teamRotation}
              />
              <TextInput
                label={t(`${K}.even_weeks`)}
                name="evenWeeks"
                spellCheck={false}
                value={form.evenWeeks}
                onChange={(event) => set('evenWeeks', event.currentTarget.value)}
              />
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={submission.isPending}>
              {t(`${K}.save_rules`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
