import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type Eligibility,
  REGIMES,
  type Regime,
  TeleworkLimits,
  WEEKDAYS,
} from '../../../../src/modules/telework/contract.js';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';
import { ApiError } from '../../app/api.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { FormErrors } from '../../app/ui.js';
import {
  type AgreementForm,
  DAY_CHOICES,
  emptyForm,
  FORM_FIELDS,
  firstErrorField,
  hasMonthlyDays,
  isSumMatching,
  isWritten,
  requestFromForm,
  WRITTEN_CLAUSES,
  weekdaySum,
} from './agreement-form.js';
import { formatDays, K, weekdayLabel } from './agreement-words.js';
import { agreementKeys, requestAgreement } from './agreements-api.js';

const F = `${K}.form`;

/** The fields the server named, in the form's own names (`weekdays.0.day` is the weekdays picker). */
const fieldsOf = (error: unknown): string[] =>
  error instanceof ApiError
    ? error.fieldErrors.flatMap(
        (problem) =>
          FORM_FIELDS.find((name) => problem.field === name || problem.field.startsWith(`${name}.`)) ?? [],
      )
    : [];

/**
 * The request for an agreement: the regime (each explained), the days (a weekday picker whose
 * running sum must equal the days a week), the period, the clauses of a written agreement with
 * suggested texts, and a motivation. The server checks the caps and overlaps; its field errors show
 * beside their input and the focus moves to the first one.
 */
export function AgreementRequestForm(props: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<AgreementForm>(() =>
    emptyForm(brusselsToday(), (clause) => t(`${F}.suggest.${clause}`)),
  );
  const submission = useSubmission({
    fields: FORM_FIELDS,
    onError: (error) => {
      const first = firstErrorField(fieldsOf(error));
      // After the errors render, so the input is read out with its message.
      requestAnimationFrame(() => {
        const target = first
          ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"], [name^="${first}."]`)
          : formRef.current?.querySelector<HTMLElement>('[role="alert"]');
        target?.focus();
      });
    },
  });
  const { byField, others, error } = submission;
  const set = <Key extends keyof AgreementForm>(key: Key, value: AgreementForm[Key]) =>
    setForm((before) => ({ ...before, [key]: value }));
  const written = isWritten(form.regime);
  const sum = weekdaySum(form.weekdays);
  const { eligibility } = props;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const created = await requestAgreement(requestFromForm(form));
      await queryClient.invalidateQueries({ queryKey: agreementKeys.all });
      navigate(`/telework/agreements/${created.id}`, { state: { notice: 'requested' } });
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tw-request-title">
      <Title order={2} fz="h4" id="tw-request-title" mb="xs">
        {t(`${F}.title`)}
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        {t(`${F}.intro`)}
      </Text>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="lg" maw={760}>
          {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
          <Radio.Group
            label={t(`${F}.regime`)}
            value={form.regime}
            onChange={(value) => set('regime', value as Regime)}
            error={byField.regime}
            required
          >
            <Stack gap="sm" mt="xs">
              {REGIMES.map((regime) => (
                <Radio
                  key={regime}
                  value={regime}
                  name="regime"
                  label={t(`telework.words.regime.${regime}`)}
                  description={t(`${F}.regime_help.${regime}`)}
                />
              ))}
            </Stack>
          </Radio.Group>

          {written && (
            <Fieldset legend={t(`${F}.weekly_legend`)} variant="filled">
              <Stack gap="sm">
                <NumberInput
                  label={t(`${F}.days_per_week`)}
                  description={t(`${F}.days_per_week_help`, {
                    cap: formatDays(eligibility.weeklyCapDays),
                  })}
                  name="daysPerWeek"
                  required
                  min={0.5}
                  max={TeleworkLimits.weeklyDaysMax}
                  step={0.5}
                  decimalScale={1}
                  allowNegative={false}
                  value={form.daysPerWeek}
                  onChange={(value) => set('daysPerWeek', value)}
                  error={byField.daysPerWeek}
                  w={220}
                />
                <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
                  {WEEKDAYS.map((day) => (
                    <NativeSelect
                      key={day}
                      label={weekdayLabel(t, day)}
                      name={`weekdays.${day}`}
                      value={form.weekdays[day]}
                      onChange={(event) =>
                        set('weekdays', {
                          ...form.weekdays,
                          [day]: event.currentTarget.value as AgreementForm['weekdays'][typeof day],
                        })
                      }
                      data={DAY_CHOICES.map((choice) => ({
                        value: choice,
                        label: t(`${F}.day_choice.${choice}`),
                      }))}
                      error={byField.weekdays ? true : undefined}
                      aria-describedby={
                        byField.weekdays ? 'tw-weekday-sum tw-weekday-error' : 'tw-weekday-sum'
                      }
                    />
                  ))}
                </SimpleGrid>
                <Text
                  id="tw-weekday-sum"
                  size="sm"
                  aria-live="polite"
                  fw={isSumMatching(form) ? undefined : 600}
                >
                  {t(isSumMatching(form) ? `${F}.sum_matches` : `${F}.sum_differs`, {
                    sum: formatDays(sum),
                    days: typeof form.daysPerWeek === 'number' ? formatDays(form.daysPerWeek) : '—',
                  })}
                </Text>
                {byField.weekdays && (
                  <Text id="tw-weekday-error" size="sm" c="red.9">
                    {byField.weekdays}
                  </Text>
                )}
              </Stack>
            </Fieldset>
          )}

          {hasMonthlyDays(form.regime) && (
            <NumberInput
              label={t(`${F}.monthly_days`)}
              description={t(`${F}.monthly_days_help`, {
                cap: formatDays(eligibility.monthlyCapDays),
              })}
              name="monthlyDays"
              required
              min={0.5}
              max={TeleworkLimits.monthlyDaysMax}
              step={0.5}
              decimalScale={1}
              allowNegative={false}
              value={form.monthlyDays}
              onChange={(value) => set('monthlyDays', value)}
              error={byField.monthlyDays}
              w={220}
            />
          )}

          <Group gap="md" align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t(`${F}.start`)}
              name="startDate"
              required
              value={form.startDate}
              onChange={(event) => set('startDate', event.currentTarget.value)}
              error={byField.startDate}
            />
            <TextInput
              type="date"
              label={t(`${F}.end`)}
              description={t(`${F}.end_help`)}
              name="endDate"
              value={form.endDate}
              onChange={(event) => set('endDate', event.currentTarget.value)}
              error={byField.endDate}
            />
          </Group>

          <Fieldset legend={t(`${F}.clauses`)} variant="filled">
            <Text size="sm" c="dimmed" mb="sm">
              {t(written ? `${F}.clauses_help_written` : `${F}.clauses_help_occasional`)}
            </Text>
            <Stack gap="sm">
              <TextInput
                label={t(`${F}.place`)}
                description={t(`${F}.place_help`)}
                name="clauses.place"
                required
                maxLength={500}
                value={form.place}
                onChange={(event) => set('place', event.currentTarget.value)}
                error={byField['clauses.place']}
              />
              <Group gap="md" align="flex-start">
                <TextInput
                  type="time"
                  label={t(`${F}.reachable_from`)}
                  description={t(`${F}.reachable_help`)}
                  name="clauses.reachableFrom"
                  required
                  value={form.reachableFrom}
                  onChange={(event) => set('reachableFrom', event.currentTarget.value)}
                  error={byField['clauses.reachableFrom']}
                />
                <TextInput
                  type="time"
                  label={t(`${F}.reachable_to`)}
                  description={t(`${F}.reachable_to_help`)}
                  name="clauses.reachableTo"
                  required
                  value={form.reachableTo}
                  onChange={(event) => set('reachableTo', event.currentTarget.value)}
                  error={byField['clauses.reachableTo']}
                />
              </Group>
              {written &&
                WRITTEN_CLAUSES.map((clause) => (
                  <Textarea
                    key={clause}
                    label={t(`${F}.clause.${clause}`)}
                    description={t(`${F}.clause_help.${clause}`)}
                    name={`clauses.${clause}`}
                    required
                    autosize
                    minRows={2}
                    maxRows={6}
                    maxLength={TeleworkLimits.textMax}
                    value={form[clause]}
                    onChange={(event) => set(clause, event.currentTarget.value)}
                    error={byField[`clauses.${clause}`]}
                  />
                ))}
            </Stack>
          </Fieldset>

          <Textarea
            label={t(`${F}.motivation`)}
            description={t(`${F}.motivation_help`)}
            name="motivation"
            autosize
            minRows={2}
            maxRows={6}
            maxLength={TeleworkLimits.reasonMax}
            value={form.motivation}
            onChange={(event) => set('motivation', event.currentTarget.value)}
            error={byField.motivation}
          />
          <Group>
            <Button type="submit" loading={submission.isPending}>
              {t(`${F}.submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
