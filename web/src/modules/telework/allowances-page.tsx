import {
  Alert,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALLOWANCE_KINDS,
  ALLOWANCE_PRORATIONS,
  type AllowanceRateInput,
  type AllowanceRateList,
  type Payroll,
} from '../../../../src/modules/telework/contract.js';
import { api } from '../../app/api.js';
import { useSubmission } from '../../app/submission.js';
import { ErrorState, LoadingState, PageHeader } from '../../app/ui.js';
import { DownloadLinks } from './download-links.js';
import { EndPeriodButton } from './end-period-button.js';
import { FormFooter, LiveNotice } from './form-footer.js';
import { centsFromEuros, formatEuros, labelIn } from './money.js';
import { PeriodFields } from './period-fields.js';
import { periodInWords } from './period-in-words.js';
import { useTextFields } from './use-text-fields.js';

const K = 'web.telework.allowances';
const keys = {
  rates: ['telework', 'allowances', 'rates'] as const,
  payroll: (month: string) => ['telework', 'allowances', 'payroll', month] as const,
};

/** The month before this one: payroll pays a month once it is over. */
function lastMonth(): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  return date.toISOString().slice(0, 7);
}

/**
 * HR's allowances: the monthly rates by period (with a form to add one), then a month's payroll
 * list, who is entitled to what and the total, with its CSV and XLSX for payroll.
 */
export function TeleworkAllowancesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('web.areas.twAllowances.title')} description={t(`${K}.intro`)} />
      <Stack gap="lg">
        <RatesSection />
        <PayrollSection />
      </Stack>
    </>
  );
}

function RatesSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const rates = useQuery({
    queryKey: keys.rates,
    queryFn: ({ signal }) => api<AllowanceRateList>('/telework/allowances/rates', { signal }),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="allowance-rates">
      <Title order={2} fz="h4" id="allowance-rates" mb="sm">
        {t(`${K}.rates_title`)}
      </Title>
      <LiveNotice notice={notice} mb="xs" />
      {rates.isPending && <LoadingState />}
      {rates.isError && <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />}
      {rates.data && rates.data.items.length === 0 && <Text c="dimmed">{t(`${K}.no_rates`)}</Text>}
      {rates.data && rates.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped className="data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.kind`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.label`)}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t(`${K}.monthly_amount`)}
                </Table.Th>
                <Table.Th scope="col">{t(`${K}.period`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.proration`)}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{t('web.common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rates.data.items.map((rate) => (
                <Table.Tr key={rate.id}>
                  <Table.Td>{t(`${K}.kinds.${rate.kind}`)}</Table.Td>
                  <Table.Td>{labelIn(rate.label, i18n.language)}</Table.Td>
                  <Table.Td ta="right">{formatEuros(rate.monthlyCents, i18n.language)}</Table.Td>
                  <Table.Td>{periodInWords(t, K, rate.startDate, rate.endDate)}</Table.Td>
                  <Table.Td>
                    {rate.proration === 'days'
                      ? t(`${K}.prorations_days_full`, { days: rate.fullDays })
                      : t(`${K}.prorations.${rate.proration}`)}
                  </Table.Td>
                  <Table.Td>
                    <EndPeriodButton
                      path={`/telework/allowances/rates/${rate.id}/end`}
                      what={labelIn(rate.label, i18n.language)}
                      onEnded={(text) => {
                        setNotice(text);
                        void queryClient.invalidateQueries({ queryKey: ['telework', 'allowances'] });
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RateForm />
    </Paper>
  );
}

const RATE_FIELDS = [
  'kind',
  'label.fr',
  'label.nl',
  'monthlyCents',
  'startDate',
  'endDate',
  'proration',
  'fullDays',
] as const;
const EMPTY_RATE = {
  kind: 'connection',
  labelFr: '',
  labelNl: '',
  amount: '',
  startDate: '',
  endDate: '',
  proration: 'none',
  fullDays: '',
};

function RateForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values: form, setValues: setForm, set } = useTextFields(EMPTY_RATE);
  const [amountError, setAmountError] = useState<string | null>(null);
  const submission = useSubmission({
    fields: RATE_FIELDS,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['telework', 'allowances'] }),
  });
  const save = (event: FormEvent) => {
    event.preventDefault();
    const cents = centsFromEuros(form.amount);
    setAmountError(cents === null ? t(`${K}.amount_invalid`) : null);
    if (cents === null) return;
    const body: AllowanceRateInput = {
      kind: form.kind as AllowanceRateInput['kind'],
      label: { fr: form.labelFr, nl: form.labelNl },
      monthlyCents: cents,
      startDate: form.startDate,
      ...(form.endDate && { endDate: form.endDate }),
      proration: form.proration as AllowanceRateInput['proration'],
      ...(form.fullDays && { fullDays: Number(form.fullDays.replace(',', '.')) }),
    };
    void submission.run(async () => {
      await api('/telework/allowances/rates', { method: 'POST', body });
      setForm(EMPTY_RATE);
      return t(`${K}.rate_saved`);
    });
  };
  const error = (field: string) => submission.byField[field];
  return (
    <form onSubmit={save} noValidate aria-labelledby="allowance-new-rate">
      <Title order={3} fz="h5" id="allowance-new-rate" mt="lg" mb="xs">
        {t(`${K}.new_rate`)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${K}.new_rate_help`)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <NativeSelect
          label={t(`${K}.kind`)}
          value={form.kind}
          onChange={set('kind')}
          data={ALLOWANCE_KINDS.map((kind) => ({ value: kind, label: t(`${K}.kinds.${kind}`) }))}
          error={error('kind')}
        />
        <TextInput
          label={t(`${K}.label_fr`)}
          value={form.labelFr}
          onChange={set('labelFr')}
          error={error('label.fr')}
          required
        />
        <TextInput
          label={t(`${K}.label_nl`)}
          value={form.labelNl}
          onChange={set('labelNl')}
          error={error('label.nl')}
          required
        />
        <TextInput
          label={t(`${K}.monthly_amount`)}
          description={t(`${K}.amount_help`)}
          inputMode="decimal"
          value={form.amount}
          onChange={set('amount')}
          error={amountError ?? error('monthlyCents')}
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
        <NativeSelect
          label={t(`${K}.proration`)}
          description={t(`${K}.proration_help`)}
          value={form.proration}
          onChange={set('proration')}
          data={ALLOWANCE_PRORATIONS.map((p) => ({ value: p, label: t(`${K}.prorations.${p}`) }))}
          error={error('proration')}
        />
        {form.proration === 'days' && (
          <TextInput
            label={t(`${K}.full_days`)}
            description={t(`${K}.full_days_help`)}
            inputMode="decimal"
            value={form.fullDays}
            onChange={set('fullDays')}
            error={error('fullDays')}
          />
        )}
      </SimpleGrid>
      <FormFooter submission={submission} notSaved={t(`${K}.rate_not_saved`)} submit={t(`${K}.add_rate`)} />
    </form>
  );
}

function PayrollSection() {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(lastMonth);
  const isMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const payroll = useQuery({
    queryKey: keys.payroll(month),
    queryFn: ({ signal }) => api<Payroll>('/telework/allowances/payroll', { query: { month }, signal }),
    enabled: isMonth,
    placeholderData: keepPreviousData,
  });
  const euros = (cents: number) => formatEuros(cents, i18n.language);
  const data = payroll.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="allowance-payroll">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} fz="h4" id="allowance-payroll">
          {t(`${K}.payroll_title`)}
        </Title>
        <DownloadLinks
          path="/telework/allowances/payroll"
          query={{ month, lang: i18n.language }}
          keys={K}
          isDisabled={!isMonth}
        />
      </Group>
      <TextInput
        type="month"
        label={t(`${K}.month`)}
        description={t(`${K}.month_help`)}
        w={220}
        value={month}
        onChange={(event) => setMonth(event.currentTarget.value)}
        error={isMonth ? undefined : t(`${K}.month_invalid`)}
        mb="md"
      />
      {payroll.isPending && isMonth && <LoadingState />}
      {payroll.isError && <ErrorState error={payroll.error} onRetry={() => void payroll.refetch()} />}
      {data && data.lines.length === 0 && <Alert>{t(`${K}.nobody`, { month: data.month })}</Alert>}
      {data && data.lines.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped className="data-table">
            <Table.Caption>
              {t(`${K}.payroll_caption`, { month: data.month, count: data.lines.length })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`${K}.name`)}</Table.Th>
                <Table.Th scope="col">{t(`${K}.org_unit`)}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t(`${K}.occupation`)}
                </Table.Th>
                <Table.Th scope="col">{t(`${K}.regime`)}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t(`${K}.days`)}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t(`${K}.covered`, { days: data.daysInMonth })}
                </Table.Th>
                <Table.Th scope="col">{t(`${K}.allowances`)}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t(`${K}.amount`)}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.lines.map((line) => (
                <Table.Tr key={line.personId}>
                  <Table.Th scope="row" fw={500}>
                    {line.name}
                  </Table.Th>
                  <Table.Td>{line.orgUnit ?? '—'}</Table.Td>
                  <Table.Td ta="right">{line.occupationPct} %</Table.Td>
                  <Table.Td>{t(`telework.allowance.regime_${line.regime}`)}</Table.Td>
                  <Table.Td ta="right">{line.monthlyDays}</Table.Td>
                  <Table.Td ta="right">{line.coveredDays}</Table.Td>
                  <Table.Td>
                    {line.amounts
                      .map((a) => `${labelIn(a.label, i18n.language)} ${euros(a.amountCents)}`)
                      .join(' · ')}
                  </Table.Td>
                  <Table.Td ta="right">{euros(line.amountCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={7}>
                  {t(`${K}.total`)}
                </Table.Th>
                <Table.Td ta="right" fw={700} data-testid="payroll-total">
                  {euros(data.totalCents)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
