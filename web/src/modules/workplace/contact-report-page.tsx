import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactReport, ContactReportQuery } from '../../../../src/modules/workplace/contract.js';
import { WorkplaceLimits } from '../../../../src/modules/workplace/contract.js';
import { api } from '../../app/api.js';
import type { Language } from '../../app/languages.js';
import { errorMessage } from '../../app/problems.js';
import { useSubmission } from '../../app/submission.js';
import { TableDownload } from '../../app/table-download.js';
import { Empty, FormErrors, PageHeader, usePageTitle } from '../../app/ui.js';
import { addDays, brusselsToday } from './bookable-days.js';
import { formatDay } from './workplace-format.js';

const K = 'web.workplace.contacts';
// The API names a query's fields as `querystring.<name>`.
const FIELDS = ['person', 'from', 'to', 'distance', 'reason'].map((name) => `querystring.${name}`);
/** Two weeks back: how far a health service traces contacts after a positive test. */
const DEFAULT_DAYS = 14;

type Form = { person: string; from: string; to: string; distance: number | string; reason: string };

/**
 * The contact report a health service asks for after a positive test: who was booked near a person,
 * on the same floor within a distance or in the same zone, day by day. Every report is audited with
 * its reason; the downloads are the same report (and audited too).
 */
export function ContactReportPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  usePageTitle(t(`${K}.title`));
  const today = brusselsToday();
  const [form, setForm] = useState<Form>({
    person: '',
    from: addDays(today, 1 - DEFAULT_DAYS),
    to: today,
    distance: 2,
    reason: '',
  });
  const [shown, setShown] = useState<{ query: ContactReportQuery; report: ContactReport } | null>(null);
  const submission = useSubmission({ fields: FIELDS });
  const { error, byField, others } = submission;
  const set = <Key extends keyof Form>(key: Key, value: Form[Key]) =>
    setForm((before) => ({ ...before, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query: ContactReportQuery = {
      person: form.person.trim(),
      from: form.from,
      to: form.to,
      reason: form.reason.trim(),
      ...(form.distance === '' ? {} : { distance: Number(form.distance) }),
    };
    void submission.run(async () => {
      const report = await api<ContactReport>('/workplace/contact-report', { query });
      setShown({ query, report });
    });
  };

  return (
    <>
      <PageHeader title={t(`${K}.title`)} description={t(`${K}.intro`)} />
      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="wp-contacts-form">
        <Title order={2} fz="h4" id="wp-contacts-form" mb="sm">
          {t(`${K}.form_title`)}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="md" maw={760}>
            {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t(`${K}.person`)}
                description={t(`${K}.person_help`)}
                name="person"
                required
                autoComplete="off"
                value={form.person}
                onChange={(event) => set('person', event.currentTarget.value)}
                error={byField['querystring.person']}
              />
              <NumberInput
                label={t(`${K}.distance`)}
                description={t(`${K}.distance_help`)}
                name="distance"
                min={0}
                max={WorkplaceLimits.distanceMetresMax}
                step={0.5}
                decimalScale={1}
                allowNegative={false}
                value={form.distance}
                onChange={(value) => set('distance', value)}
                error={byField['querystring.distance']}
              />
              <TextInput
                type="date"
                label={t(`${K}.from`)}
                name="from"
                required
                value={form.from}
                onChange={(event) => set('from', event.currentTarget.value)}
                error={byField['querystring.from']}
              />
              <TextInput
                type="date"
                label={t(`${K}.to`)}
                name="to"
                required
                value={form.to}
                onChange={(event) => set('to', event.currentTarget.value)}
                error={byField['querystring.to']}
              />
            </SimpleGrid>
            <Textarea
              label={t(`${K}.reason`)}
              description={t(`${K}.reason_help`)}
              name="reason"
              required
              autosize
              minRows={2}
              maxLength={500}
              value={form.reason}
              onChange={(event) => set('reason', event.currentTarget.value)}
              error={byField['querystring.reason']}
            />
            <Group>
              <Button type="submit" loading={submission.isPending}>
                {t(`${K}.submit`)}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <div role="status" aria-live="polite">
        {shown && (
          <Text size="sm" mb="xs">
            {t(`${K}.summary`, {
              count: shown.report.contacts.length,
              name: shown.report.person.name,
              from: formatDay(shown.report.from, language),
              to: formatDay(shown.report.to, language),
              distance: shown.report.distanceMetres,
            })}
          </Text>
        )}
      </div>
      {shown && <ContactTable shown={shown} language={language} />}
    </>
  );
}

function ContactTable(props: {
  shown: { query: ContactReportQuery; report: ContactReport };
  language: Language;
}) {
  const { t } = useTranslation();
  const { report, query } = props.shown;
  if (report.contacts.length === 0) return <Empty title={t(`${K}.none`)} />;
  return (
    <Paper withBorder component="section" aria-labelledby="wp-contacts-table">
      <Group justify="space-between" p="sm">
        <Title order={2} fz="h4" id="wp-contacts-table">
          {t(`${K}.table_title`, { name: report.person.name })}
        </Title>
        <TableDownload path="/workplace/contact-report" query={{ ...query }} />
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped className="data-table" aria-labelledby="wp-contacts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(`${K}.columns.person`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.columns.date`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.columns.slot`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.columns.desk`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.columns.near_desk`)}</Table.Th>
              <Table.Th scope="col">{t(`${K}.columns.how_near`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.contacts.map((contact) => (
              <Table.Tr key={`${contact.person.id}-${contact.date}-${contact.slot}-${contact.desk}`}>
                <Table.Td>{contact.person.name}</Table.Td>
                <Table.Td>{formatDay(contact.date, props.language)}</Table.Td>
                <Table.Td>{t(`web.workplace.slots.${contact.slot}`)}</Table.Td>
                <Table.Td>{contact.desk}</Table.Td>
                <Table.Td>{contact.nearDesk}</Table.Td>
                <Table.Td>
                  {t(contact.isSameZone ? `${K}.near_same_zone` : `${K}.near_metres`, {
                    metres: contact.distanceMetres.toLocaleString(props.language, {
                      maximumFractionDigits: 1,
                    }),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Alert color="gray" m="sm" variant="light">
        {t(`${K}.audited`)}
      </Alert>
    </Paper>
  );
}
