import {
  Alert,
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { brusselsToday } from '../../../../../src/shared/brussels-day.js';
import { errorMessage } from '../../../app/problems.js';
import { hasAbility, useCurrentUser } from '../../../app/session.js';
import { useSubmission } from '../../../app/submission.js';
import { FormErrors, LoadingState } from '../../../app/ui.js';
import { type ContentLanguage, useSearch } from '../../knowledge/api.js';
import { ReadingPane } from '../../knowledge/reading-pane.js';
import { SearchResults } from '../../knowledge/search-results.js';
import { suggestionQuery } from '../call-values.js';
import {
  createTicket,
  HELPDESK_CATEGORIES,
  type HelpdeskCategory,
  helpdeskKeys,
  type NewTicket,
  ticketPath,
} from './helpdesk-api.js';

export const K = 'web.helpdesk';
const FIELDS = ['category', 'question', 'asset_tag', 'phone', 'employee'] as const;
const SUGGESTIONS = 5;

type Values = {
  category: HelpdeskCategory | '';
  question: string;
  asset_tag: string;
  phone: string;
  employee: string;
};
const EMPTY: Values = { category: '', question: '', asset_tag: '', phone: '', employee: '' };

/**
 * A new ticket: the employee's own, or (ICT, on the phone with a colleague) one logged for the
 * employee named. As the question is typed, the internal FAQ's entries that match are suggested:
 * one of them may answer it, and then nothing needs sending.
 */
export function TicketForm() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const isIct = hasAbility(me, 'helpdesk.work');
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(EMPTY);
  const [chosen, setChosen] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [solved, setSolved] = useState(false);
  const questionRef = useRef<HTMLTextAreaElement>(null);
  const submission = useSubmission({ fields: FIELDS });
  const { byField, others, error } = submission;

  const language: ContentLanguage = i18n.language === 'nl' ? 'nl' : 'fr';
  const today = useMemo(() => brusselsToday(), []);
  const [query] = useDebouncedValue(suggestionQuery(values.question), 250);
  const search = useSearch({ q: query, lang: language, asOf: today, theme: null, audience: 'internal' });
  const hits = query ? (search.data?.results ?? []).slice(0, SUGGESTIONS) : [];

  const set = <Key extends keyof Values>(key: Key, value: Values[Key]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setCreated(null);
    setSolved(false);
  };
  const reset = () => {
    setValues(EMPTY);
    setChosen(null);
    submission.reset();
    questionRef.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const body: NewTicket = {
        category: values.category as HelpdeskCategory,
        question: values.question.trim(),
        ...(values.asset_tag.trim() && { asset_tag: values.asset_tag.trim() }),
        ...(values.phone.trim() && { phone: values.phone.trim() }),
        ...(isIct && values.employee.trim() && { employee: values.employee.trim() }),
      };
      const ticket = await createTicket(body);
      await queryClient.invalidateQueries({ queryKey: helpdeskKeys.all });
      reset();
      setCreated(ticket.ref);
    });
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="helpdesk-new-title">
          <Title order={2} fz="h4" id="helpdesk-new-title" mb="xs">
            {t(`${K}.new.title`)}
          </Title>
          {created && (
            <Alert color="green" role="status" mb="sm">
              {t(`${K}.new.created`, { ref: created })}{' '}
              <Link to={ticketPath(created)}>{t(`${K}.new.open_ticket`)}</Link>
            </Alert>
          )}
          {solved && (
            <Alert color="green" role="status" mb="sm">
              {t(`${K}.new.solved`)}
            </Alert>
          )}
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              {isIct && (
                <TextInput
                  name="employee"
                  label={t(`${K}.fields.employee`)}
                  description={t(`${K}.new.employee_help`)}
                  value={values.employee}
                  onChange={(event) => set('employee', event.currentTarget.value)}
                  error={byField.employee}
                  autoComplete="off"
                />
              )}
              <NativeSelect
                name="category"
                label={t(`${K}.fields.category`)}
                required
                value={values.category}
                onChange={(event) => set('category', event.currentTarget.value as HelpdeskCategory | '')}
                error={byField.category}
                data={[
                  { value: '', label: t(`${K}.new.choose_category`) },
                  ...HELPDESK_CATEGORIES.map((category) => ({
                    value: category,
                    label: t(`helpdesk.category.${category}`),
                  })),
                ]}
              />
              <Textarea
                ref={questionRef}
                name="question"
                label={t(`${K}.fields.question`)}
                description={t(`${K}.new.question_help`)}
                required
                autosize
                minRows={3}
                maxRows={10}
                value={values.question}
                onChange={(event) => set('question', event.currentTarget.value)}
                error={byField.question}
                spellCheck
              />
              <Group grow align="flex-start">
                <TextInput
                  name="asset_tag"
                  label={t(`${K}.fields.asset_tag`)}
                  description={t(`${K}.new.asset_tag_help`)}
                  value={values.asset_tag}
                  onChange={(event) => set('asset_tag', event.currentTarget.value)}
                  error={byField.asset_tag}
                  autoComplete="off"
                />
                <TextInput
                  name="phone"
                  type="tel"
                  label={t(`${K}.fields.phone`)}
                  description={t(`${K}.new.phone_help`)}
                  value={values.phone}
                  onChange={(event) => set('phone', event.currentTarget.value)}
                  error={byField.phone}
                  autoComplete="tel"
                />
              </Group>
              {error !== null && <FormErrors title={errorMessage(error)} messages={others} />}
              <Group>
                <Button type="submit" loading={submission.isPending}>
                  {t(isIct && values.employee.trim() ? `${K}.new.log_call` : `${K}.new.send`)}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="helpdesk-faq-title">
          <Title order={2} fz="h4" id="helpdesk-faq-title" mb={4}>
            {t(`${K}.faq.title`)}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t(`${K}.faq.help`)}
          </Text>
          <Text className="sr-only" role="status" aria-live="polite">
            {query && search.data ? t(`${K}.faq.count`, { count: hits.length }) : ''}
          </Text>
          {!query ? (
            <Text size="sm" c="dimmed">
              {t(`${K}.faq.start_typing`)}
            </Text>
          ) : search.isPending ? (
            <LoadingState />
          ) : hits.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t(`${K}.faq.none`)}
            </Text>
          ) : (
            <SearchResults
              hits={hits}
              language={language}
              isFallback={search.data?.fallback ?? false}
              activeIndex={hits.findIndex((hit) => hit.ref === chosen)}
              openRef={chosen}
              onOpen={setChosen}
            />
          )}
          {chosen && (
            <Stack gap="sm" mt="md">
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
              <section aria-label={t(`${K}.faq.entry`)} className="kb-pane" tabIndex={0}>
                <ReadingPane
                  entryRef={chosen}
                  asOf={null}
                  language={language}
                  isChanged={false}
                  onReload={() => undefined}
                  onOpen={setChosen}
                />
              </section>
              <Group>
                <Text size="sm" fw={500}>
                  {t(`${K}.faq.did_it_answer`)}
                </Text>
                <Button
                  onClick={() => {
                    reset();
                    setSolved(true);
                  }}
                >
                  {t(`${K}.faq.yes_solved`)}
                </Button>
                <Button variant="default" onClick={() => setChosen(null)}>
                  {t(`${K}.faq.no_send`)}
                </Button>
              </Group>
            </Stack>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
