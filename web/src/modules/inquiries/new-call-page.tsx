import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHANNELS, ORIGINS } from '../../../../src/modules/inquiries/contract.js';
import { ApiError } from '../../app/api.js';
import { errorMessage, requiredFieldsError, splitFieldErrors } from '../../app/problems.js';
import { Empty, ErrorState, FormErrors, LoadingState, PageHeader } from '../../app/ui.js';
import { useEntry, useSearch } from '../knowledge/api.js';
import { brusselsToday, contentLanguageOf, otherLanguage } from '../knowledge/knowledge-format.js';
import { ReadingPane } from '../knowledge/reading-pane.js';
import { RESULTS_ID, resultId, SearchResults } from '../knowledge/search-results.js';
import '../knowledge/knowledge.css';
import './inquiries.css';
import { createInquiry, inquiryActions, inquiryKeys, inquiryPath, useTeams } from './api.js';
import {
  CALL_FIELDS,
  type CallValues,
  emptyCall,
  hasIdentification,
  moveChoice,
  newIdempotencyKey,
  type RequesterKey,
  refForPhone,
  suggestionQuery,
  toNewInquiry,
} from './call-values.js';
import {
  ESCALATION_FIELDS,
  EscalationFields,
  type EscalationValues,
  emptyEscalation,
} from './escalation-fields.js';
import { Keys, teamName } from './inquiry-labels.js';
import { ariaShortcut, SHORTCUTS, useShortcuts } from './shortcuts.js';

/** How many suggestions to show: enough to find the right one, few enough to see them all. */
const SUGGESTIONS = 6;
const FIELDS = [...CALL_FIELDS, ...ESCALATION_FIELDS, 'entry_ref'];

type Outcome = 'answered' | 'escalated' | 'closed';
type Done = { ref: string; outcome: Outcome; detail: string | null };

/**
 * The agent's screen during a call: the question typed first, FAQ suggestions as it is typed, one
 * key to answer with the chosen one. Everything is reachable without the mouse, and the shortcuts
 * are written next to what they do.
 */
export function NewCallPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const defaultLanguage = contentLanguageOf(i18n.language);
  const today = useMemo(() => brusselsToday(), []);

  const [values, setValues] = useState<CallValues>(() => emptyCall(defaultLanguage));
  // One key per call: pressing the action twice, or again after a network cut, logs one inquiry.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [chosen, setChosen] = useState<string | null>(null);
  const [isReferral, setReferral] = useState(false);
  const [isIdentificationOpen, setIdentificationOpen] = useState(false);
  const [isEscalating, setEscalating] = useState(false);
  const [escalation, setEscalation] = useState<EscalationValues>(emptyEscalation);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  // What this call already did on the server, so trying again after an error repeats nothing.
  const progress = useRef<{ ref: string | null; isFlagged: boolean }>({ ref: null, isFlagged: false });
  const isBusy = useRef(false);
  const questionRef = useRef<HTMLTextAreaElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const teamRef = useRef<HTMLSelectElement>(null);

  const [query] = useDebouncedValue(suggestionQuery(values.question), 250);
  const search = useSearch({ q: query, lang: values.language, asOf: today, theme: null });
  const hits = query ? (search.data?.results ?? []).slice(0, SUGGESTIONS) : [];
  const refs = hits.map((hit) => hit.ref);
  const chosenEntry = useEntry(chosen, null);
  const teams = useTeams();

  const { byField, others } = splitFieldErrors(error, FIELDS);
  const set = <K extends keyof CallValues>(key: K, value: CallValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  // An error on the caller's identification opens that part, so the message is seen beside its field.
  useEffect(() => {
    if (error instanceof ApiError && error.fieldErrors.some((e) => e.field.startsWith('requester.')))
      setIdentificationOpen(true);
  }, [error]);
  useEffect(() => {
    if (isEscalating) teamRef.current?.focus();
  }, [isEscalating]);

  const focusQuestion = () => questionRef.current?.focus();

  const startNextCall = () => {
    setValues(emptyCall(defaultLanguage));
    setIdempotencyKey(newIdempotencyKey());
    progress.current = { ref: null, isFlagged: false };
    setChosen(null);
    setReferral(false);
    setIdentificationOpen(false);
    setEscalating(false);
    setEscalation(emptyEscalation);
    setError(null);
    focusQuestion();
  };

  /** Logs the call once, records the referral once, then does the chosen action. */
  const finishCall = async (outcome: Outcome, act: (ref: string) => Promise<string | null>) => {
    if (isBusy.current) return;
    isBusy.current = true;
    setBusy(outcome);
    setError(null);
    try {
      const step = progress.current;
      if (!step.ref) step.ref = (await createInquiry(toNewInquiry(values), idempotencyKey)).ref;
      if (isReferral && !step.isFlagged) {
        await inquiryActions.flag(step.ref, 'moral_support_referral');
        step.isFlagged = true;
      }
      const detail = await act(step.ref);
      setDone({ ref: step.ref, outcome, detail });
      void queryClient.invalidateQueries({ queryKey: inquiryKeys.all });
      startNextCall();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.fieldErrors.some((e) => e.field === 'question'))
        focusQuestion();
    } finally {
      isBusy.current = false;
      setBusy(null);
    }
  };

  const requiredMissing = (fields: string[]) => setError(requiredFieldsError(fields));

  const answer = () => {
    if (isBusy.current) return;
    const missing = [...(values.question.trim() ? [] : ['question']), ...(chosen ? [] : ['entry_ref'])];
    if (missing.length > 0) {
      requiredMissing(missing);
      focusQuestion();
      return;
    }
    const entryRef = chosen as string;
    void finishCall('answered', async (ref) => {
      await inquiryActions.answerFromFaq(ref, entryRef);
      return entryRef;
    });
  };

  const escalate = () => {
    if (isBusy.current) return;
    const missing = [
      ...(values.question.trim() ? [] : ['question']),
      ...(escalation.team ? [] : ['team']),
      ...(escalation.note.trim() ? [] : ['note']),
    ];
    if (missing.length > 0) {
      requiredMissing(missing);
      if (missing[0] === 'question') focusQuestion();
      else teamRef.current?.focus();
      return;
    }
    void finishCall('escalated', async (ref) => {
      await inquiryActions.escalate(ref, escalation.team, escalation.note.trim());
      const team = teams.data?.find((candidate) => candidate.code === escalation.team);
      return team ? teamName(team, i18n.language) : escalation.team;
    });
  };

  const closeWithoutAnswer = () => {
    if (isBusy.current) return;
    if (!values.question.trim()) {
      requiredMissing(['question']);
      focusQuestion();
      return;
    }
    void finishCall('closed', async (ref) => {
      await inquiryActions.close(ref);
      return null;
    });
  };

  // The section opens with its first field ready to type into (once it is on the page).
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) nameRef.current?.focus();
  }, [focusRequest]);
  const openIdentification = () => {
    setIdentificationOpen(true);
    setFocusRequest((count) => count + 1);
  };

  useShortcuts([
    [SHORTCUTS.answer, () => (isEscalating ? escalate() : answer())],
    [SHORTCUTS.language, () => set('language', otherLanguage(values.language))],
    [SHORTCUTS.identification, openIdentification],
    [SHORTCUTS.escalate, () => (isEscalating ? teamRef.current?.focus() : setEscalating(true))],
    [SHORTCUTS.referral, () => setReferral((current) => !current)],
  ]);

  const onQuestionKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const isArrow = event.key === 'ArrowDown' || event.key === 'ArrowUp';
    if (isArrow && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      // Arrows choose a suggestion only from the end of the text: inside it they move the caret.
      const box = event.currentTarget;
      const isAtEnd = box.selectionStart === box.value.length && box.selectionEnd === box.value.length;
      const isChosenListed = chosen !== null && refs.includes(chosen);
      if (!isAtEnd || refs.length === 0 || (event.key === 'ArrowUp' && !isChosenListed)) return;
      event.preventDefault();
      const next = moveChoice(refs, chosen, event.key === 'ArrowDown' ? 1 : -1);
      setChosen(next);
      if (next) document.getElementById(resultId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Escape' && chosen) {
      event.preventDefault();
      setChosen(null);
    }
  };

  const chosenIndex = chosen ? refs.indexOf(chosen) : -1;
  const hasList = hits.length > 0;
  const text = (key: RequesterKey) => ({
    name: `requester.${key}`,
    value: values[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
    error: byField[`requester.${key}`],
    autoComplete: 'off',
  });
  const hasProblem = error !== null;
  const entryProblem = byField.entry_ref;

  return (
    <>
      <PageHeader
        title={t('web.areas.inqNew.title')}
        description={t('web.inquiries.new_call.intro')}
        actions={
          <Button component={Link} to="/inquiries" variant="default">
            {t('web.inquiries.new_call.to_list')}
          </Button>
        }
      />
      <ShortcutHelp />
      {done && <CallDone done={done} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="call-form-title">
            <Title order={2} fz="h4" id="call-form-title" mb="sm">
              {t('web.inquiries.new_call.the_call')}
            </Title>
            <Stack gap="md">
              {hasProblem && <FormErrors title={errorMessage(error)} messages={others} />}
              {progress.current.ref && hasProblem && (
                <Alert color="orange" variant="light" role="note" className="kb-alert-warn">
                  {t('web.inquiries.new_call.partly_done', { ref: progress.current.ref })}{' '}
                  <Anchor component={Link} to={inquiryPath(progress.current.ref)}>
                    {t('web.inquiries.new_call.open', { ref: progress.current.ref })}
                  </Anchor>
                </Alert>
              )}
              <Group align="flex-end" gap="md" wrap="wrap">
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="call-language-label">
                    {t('web.inquiries.fields.language')} <Keys shortcut={SHORTCUTS.language} />
                  </Text>
                  <SegmentedControl
                    aria-labelledby="call-language-label"
                    value={values.language}
                    onChange={(value) => set('language', value as CallValues['language'])}
                    data={[
                      { value: 'fr', label: <span lang="fr">{t('web.knowledge.languages.fr')}</span> },
                      { value: 'nl', label: <span lang="nl">{t('web.knowledge.languages.nl')}</span> },
                    ]}
                  />
                </Stack>
                <NativeSelect
                  name="channel"
                  label={t('web.inquiries.fields.channel')}
                  value={values.channel}
                  onChange={(event) => set('channel', event.currentTarget.value as CallValues['channel'])}
                  error={byField.channel}
                  // A fund's channel is for its own users (the partner portal).
                  data={CHANNELS.filter((c) => c !== 'partner').map((c) => ({
                    value: c,
                    label: t(`web.inquiries.channels.${c}`),
                  }))}
                  w={150}
                />
                <NativeSelect
                  name="origin"
                  label={t('web.inquiries.fields.origin')}
                  value={values.origin}
                  onChange={(event) => set('origin', event.currentTarget.value as CallValues['origin'])}
                  error={byField.origin}
                  data={ORIGINS.map((o) => ({ value: o, label: t(`web.inquiries.origins.${o}`) }))}
                  w={230}
                />
              </Group>
              <Textarea
                ref={questionRef}
                name="question"
                label={t('web.inquiries.fields.question')}
                description={t('web.inquiries.new_call.question_help')}
                required
                autosize
                minRows={3}
                maxRows={10}
                value={values.question}
                onChange={(event) => set('question', event.currentTarget.value)}
                onKeyDown={onQuestionKeyDown}
                error={byField.question}
                lang={values.language}
                // The page exists to type the caller's question, at once.
                autoFocus
                spellCheck
                aria-controls={hasList ? RESULTS_ID : undefined}
                aria-activedescendant={chosenIndex >= 0 ? resultId(chosen as string) : undefined}
              />
              <section aria-labelledby="call-suggestions-title">
                <Group justify="space-between" mb={6}>
                  <Title order={3} fz="h5" id="call-suggestions-title">
                    {t('web.inquiries.new_call.suggestions')}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {t('web.inquiries.new_call.valid_today')}
                  </Text>
                </Group>
                <Suggestions
                  query={query}
                  search={search}
                  hits={hits}
                  language={values.language}
                  chosenIndex={chosenIndex}
                  chosen={chosen}
                  onChoose={setChosen}
                />
                {entryProblem && (
                  <Text size="sm" c="red.9" mt={6} role="alert">
                    {chosen ? entryProblem : t('web.inquiries.new_call.choose_first')}
                  </Text>
                )}
              </section>
              <div>
                <Button
                  variant="subtle"
                  px={0}
                  onClick={() => (isIdentificationOpen ? setIdentificationOpen(false) : openIdentification())}
                  aria-expanded={isIdentificationOpen}
                  aria-controls="call-identification"
                  aria-keyshortcuts={ariaShortcut(SHORTCUTS.identification)}
                  rightSection={<Keys shortcut={SHORTCUTS.identification} />}
                >
                  {t(
                    hasIdentification(values)
                      ? 'web.inquiries.new_call.identification_filled'
                      : 'web.inquiries.new_call.identification',
                  )}
                </Button>
                <div id="call-identification">
                  {isIdentificationOpen && (
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
                      <TextInput ref={nameRef} label={t('web.inquiries.fields.name')} {...text('name')} />
                      <TextInput
                        label={t('web.inquiries.fields.niss')}
                        description={t('web.inquiries.new_call.niss_help')}
                        inputMode="numeric"
                        {...text('niss')}
                      />
                      <TextInput
                        label={t('web.inquiries.fields.enterprise_number')}
                        description={t('web.inquiries.new_call.enterprise_help')}
                        inputMode="numeric"
                        {...text('enterprise_number')}
                      />
                      <TextInput label={t('web.inquiries.fields.phone')} type="tel" {...text('phone')} />
                      <TextInput label={t('web.inquiries.fields.email')} type="email" {...text('email')} />
                    </SimpleGrid>
                  )}
                </div>
              </div>
              <Checkbox
                label={
                  <>
                    {t('web.inquiries.new_call.referral')} <Keys shortcut={SHORTCUTS.referral} />
                  </>
                }
                description={t('web.inquiries.new_call.referral_help')}
                checked={isReferral}
                onChange={(event) => setReferral(event.currentTarget.checked)}
                aria-keyshortcuts={ariaShortcut(SHORTCUTS.referral)}
              />
              <Group gap="sm" wrap="wrap">
                <Button
                  onClick={answer}
                  loading={busy === 'answered'}
                  disabled={busy !== null && busy !== 'answered'}
                  aria-keyshortcuts={isEscalating ? undefined : ariaShortcut(SHORTCUTS.answer)}
                  rightSection={isEscalating ? undefined : <Keys shortcut={SHORTCUTS.answer} />}
                >
                  {chosen
                    ? t('web.inquiries.new_call.answer_with', { ref: chosen })
                    : t('web.inquiries.new_call.answer')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => setEscalating((current) => !current)}
                  aria-expanded={isEscalating}
                  aria-controls="call-escalation"
                  aria-keyshortcuts={ariaShortcut(SHORTCUTS.escalate)}
                  disabled={busy !== null}
                  rightSection={<Keys shortcut={SHORTCUTS.escalate} />}
                >
                  {t('web.inquiries.new_call.escalate')}
                </Button>
                <Button
                  variant="subtle"
                  onClick={closeWithoutAnswer}
                  loading={busy === 'closed'}
                  disabled={busy !== null && busy !== 'closed'}
                >
                  {t('web.inquiries.new_call.close_without_answer')}
                </Button>
              </Group>
              {isEscalating && (
                <Paper
                  withBorder
                  p="md"
                  id="call-escalation"
                  component="form"
                  noValidate
                  aria-labelledby="call-escalation-title"
                  onSubmit={(event: React.FormEvent) => {
                    event.preventDefault();
                    escalate();
                  }}
                  onKeyDown={(event: KeyboardEvent) => {
                    if (event.key !== 'Escape') return;
                    event.preventDefault();
                    setEscalating(false);
                    focusQuestion();
                  }}
                >
                  <Title order={3} fz="h5" id="call-escalation-title" mb="sm">
                    {t('web.inquiries.escalation.title')}
                  </Title>
                  <EscalationFields
                    values={escalation}
                    onChange={setEscalation}
                    errors={byField}
                    teamRef={teamRef}
                    name="call-escalation"
                  />
                  <Group gap="sm" mt="md">
                    <Button
                      type="submit"
                      loading={busy === 'escalated'}
                      aria-keyshortcuts={ariaShortcut(SHORTCUTS.answer)}
                      rightSection={<Keys shortcut={SHORTCUTS.answer} />}
                    >
                      {t('web.inquiries.escalation.submit')}
                    </Button>
                    <Button
                      variant="default"
                      onClick={() => {
                        setEscalating(false);
                        focusQuestion();
                      }}
                      rightSection={<Keys shortcut={{ key: 'Esc' }} />}
                    >
                      {t('web.common.cancel')}
                    </Button>
                  </Group>
                </Paper>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
          <section aria-label={t('web.inquiries.new_call.preview')} className="kb-pane" tabIndex={0}>
            {chosen ? (
              <ReadingPane
                entryRef={chosen}
                asOf={null}
                language={values.language}
                isChanged={false}
                onReload={() => undefined}
                onOpen={setChosen}
              />
            ) : (
              <Empty
                title={t('web.inquiries.new_call.nothing_chosen')}
                description={t('web.inquiries.new_call.nothing_chosen_help')}
              />
            )}
          </section>
        </Grid.Col>
      </Grid>
      {/* Said to screen readers while the focus stays in the question. */}
      <Text className="sr-only" role="status" aria-live="polite">
        {query && search.data ? t('web.inquiries.new_call.suggestion_count', { count: hits.length }) : ''}
      </Text>
      <Text className="sr-only" role="status" aria-live="polite">
        {chosen && chosenEntry.data
          ? t('web.inquiries.new_call.chosen', {
              ref: chosen,
              question: chosenEntry.data[values.language].question,
            })
          : ''}
      </Text>
    </>
  );
}

function Suggestions(props: {
  query: string;
  search: ReturnType<typeof useSearch>;
  hits: NonNullable<ReturnType<typeof useSearch>['data']>['results'];
  language: CallValues['language'];
  chosenIndex: number;
  chosen: string | null;
  onChoose: (ref: string) => void;
}) {
  const { t } = useTranslation();
  const { search } = props;
  if (!props.query)
    return (
      <Text c="dimmed" size="sm">
        {t('web.inquiries.new_call.start_typing')}
      </Text>
    );
  if (search.isPending) return <LoadingState />;
  if (search.isError) return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  if (props.hits.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('web.inquiries.new_call.no_suggestion')}
      </Text>
    );
  return (
    <SearchResults
      hits={props.hits}
      language={props.language}
      isFallback={search.data.fallback}
      activeIndex={props.chosenIndex}
      openRef={props.chosen}
      onOpen={props.onChoose}
    />
  );
}

function ShortcutHelp() {
  const { t } = useTranslation();
  const items: [string, React.ReactNode][] = [
    ['choose', <Keys key="k" shortcut={{ key: '↓ ↑' }} />],
    ['answer', <Keys key="k" shortcut={SHORTCUTS.answer} />],
    ['language', <Keys key="k" shortcut={SHORTCUTS.language} />],
    ['identification', <Keys key="k" shortcut={SHORTCUTS.identification} />],
    ['escalate', <Keys key="k" shortcut={SHORTCUTS.escalate} />],
    ['referral', <Keys key="k" shortcut={SHORTCUTS.referral} />],
  ];
  return (
    <Paper withBorder p="xs" mb="md" component="section" aria-labelledby="call-shortcuts-title">
      <Group gap="lg" wrap="wrap">
        <Text size="sm" fw={600} id="call-shortcuts-title">
          {t('web.inquiries.shortcuts.title')}
        </Text>
        <ul className="inq-shortcuts">
          {items.map(([key, keys]) => (
            <li key={key}>
              {keys} <span>{t(`web.inquiries.shortcuts.${key}`)}</span>
            </li>
          ))}
        </ul>
      </Group>
    </Paper>
  );
}

/** The confirmation of the last call: its reference in groups a caller can note down. */
function CallDone(props: { done: Done }) {
  const { t } = useTranslation();
  const { ref, outcome, detail } = props.done;
  return (
    <Alert color="teal" variant="light" mb="md" role="status" className="inq-done">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Text fw={600}>{t(`web.inquiries.new_call.done.${outcome}`, { detail: detail ?? '' })}</Text>
          <Text size="sm">
            {t('web.inquiries.new_call.done.reference')}{' '}
            {/* Grouped for the eye; screen readers get the reference as written. */}
            <span className="inq-ref" aria-hidden="true">
              {refForPhone(ref)}
            </span>
            <span className="sr-only" data-ref={ref}>
              {ref}
            </span>
          </Text>
        </div>
        <Anchor component={Link} to={inquiryPath(ref)}>
          {t('web.inquiries.new_call.open', { ref })}
        </Anchor>
      </Group>
    </Alert>
  );
}
