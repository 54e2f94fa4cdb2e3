import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { brusselsToday } from '../../../../../src/shared/brussels-day.js';
import { ApiError } from '../../../app/api.js';
import { requiredFieldsError } from '../../../app/problems.js';
import { useSubmission } from '../../../app/submission.js';
import { useEntry, useSearch } from '../../knowledge/api.js';
import { contentLanguageOf, otherLanguage } from '../../knowledge/knowledge-format.js';
import { createInquiry, inquiryActions, inquiryKeys, useTeams } from '../api.js';
import {
  CALL_FIELDS,
  type CallValues,
  emptyCall,
  missingCallFields,
  newIdempotencyKey,
  suggestionQuery,
  toNewInquiry,
} from '../call-values.js';
import { ESCALATION_FIELDS, type EscalationValues, emptyEscalation } from '../escalation-fields.js';
import { teamName } from '../inquiry-labels.js';
import { SHORTCUTS, useShortcuts } from '../shortcuts.js';
import { rememberedLine, rememberLine } from './line-memory.js';

/** How many suggestions to show: enough to find the right one, few enough to see them all. */
const SUGGESTIONS = 6;
const FIELDS = [...CALL_FIELDS, ...ESCALATION_FIELDS, 'entry_ref'];

export type Outcome = 'answered' | 'escalated' | 'closed';
export type Done = { ref: string; outcome: Outcome; detail: string | null };
export type NewCall = ReturnType<typeof useNewCall>;

const isAbout = (error: unknown, field: (name: string) => boolean) =>
  error instanceof ApiError && error.fieldErrors.some((e) => field(e.field));

/**
 * One call as the agent takes it: what is typed, the FAQ suggestions for it, the chosen entry, and
 * the three ways to finish (answer, escalate, close), each logging the call once however often it
 * is tried. The page and its parts only show this and call its actions.
 */
export function useNewCall() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const defaultLanguage = contentLanguageOf(i18n.language);
  const today = useMemo(() => brusselsToday(), []);

  const [values, setValues] = useState<CallValues>(() => emptyCall(defaultLanguage, rememberedLine()));
  // One key per call: pressing the action twice, or again after a network cut, logs one inquiry.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [chosen, setChosen] = useState<string | null>(null);
  const [isReferral, setReferral] = useState(false);
  const [isIdentificationOpen, setIdentificationOpen] = useState(false);
  const [isEscalating, setEscalating] = useState(false);
  const [escalation, setEscalation] = useState<EscalationValues>(emptyEscalation);
  const [done, setDone] = useState<Done | null>(null);
  // What this call already did on the server, so trying again after an error repeats nothing.
  const progress = useRef<{ ref: string | null; isFlagged: boolean }>({ ref: null, isFlagged: false });
  const questionRef = useRef<HTMLTextAreaElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const handleRef = useRef<HTMLInputElement>(null);
  const teamRef = useRef<HTMLSelectElement>(null);
  const focusQuestion = () => questionRef.current?.focus();
  const submission = useSubmission<Outcome>({
    fields: FIELDS,
    onError: (caught) => {
      if (isAbout(caught, (field) => field === 'question')) focusQuestion();
    },
  });

  const [query] = useDebouncedValue(suggestionQuery(values.question), 250);
  const search = useSearch({ q: query, lang: values.language, asOf: today, theme: null });
  const hits = query ? (search.data?.results ?? []).slice(0, SUGGESTIONS) : [];
  const refs = hits.map((hit) => hit.ref);
  const chosenEntry = useEntry(chosen, null);
  const teams = useTeams();

  const set = <K extends keyof CallValues>(key: K, value: CallValues[K]) => {
    // An agent sits on one line for a shift: the next call, and the next visit, start on it.
    if (key === 'line') rememberLine(value as string);
    setValues((current) => ({ ...current, [key]: value }));
  };

  // An error on the caller's identification opens that part, so the message is seen beside its field.
  useEffect(() => {
    if (isAbout(submission.error, (field) => field.startsWith('requester.'))) setIdentificationOpen(true);
  }, [submission.error]);
  useEffect(() => {
    if (isEscalating) teamRef.current?.focus();
  }, [isEscalating]);

  const startNextCall = () => {
    setValues((current) => emptyCall(defaultLanguage, current.line));
    setIdempotencyKey(newIdempotencyKey());
    progress.current = { ref: null, isFlagged: false };
    setChosen(null);
    setReferral(false);
    setIdentificationOpen(false);
    setEscalating(false);
    setEscalation(emptyEscalation);
    submission.reset();
    focusQuestion();
  };

  /** Logs the call once, records the referral once, then does the chosen action. */
  const finishCall = (outcome: Outcome, act: (ref: string) => Promise<string | null>) =>
    submission.run(async () => {
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
    }, outcome);

  const requiredMissing = (fields: string[]) => submission.fail(requiredFieldsError(fields));

  const answer = () => {
    if (submission.isPending) return;
    const missing = [...missingCallFields(values), ...(chosen ? [] : ['entry_ref'])];
    if (missing.length > 0) {
      requiredMissing(missing);
      if (missing[0] === 'social.handle') handleRef.current?.focus();
      else focusQuestion();
      return;
    }
    const entryRef = chosen as string;
    void finishCall('answered', async (ref) => {
      await inquiryActions.answerFromFaq(ref, entryRef);
      return entryRef;
    });
  };

  const escalate = () => {
    if (submission.isPending) return;
    const missing = [
      ...missingCallFields(values),
      ...(escalation.team ? [] : ['team']),
      ...(escalation.note.trim() ? [] : ['note']),
    ];
    if (missing.length > 0) {
      requiredMissing(missing);
      if (missing[0] === 'question') focusQuestion();
      else if (missing[0] === 'social.handle') handleRef.current?.focus();
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
    if (submission.isPending) return;
    const missing = missingCallFields(values);
    if (missing.length > 0) {
      requiredMissing(missing);
      if (missing[0] === 'question') focusQuestion();
      else handleRef.current?.focus();
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
  const toggleIdentification = () =>
    isIdentificationOpen ? setIdentificationOpen(false) : openIdentification();
  const stopEscalating = () => {
    setEscalating(false);
    focusQuestion();
  };

  useShortcuts([
    [SHORTCUTS.answer, () => (isEscalating ? escalate() : answer())],
    [SHORTCUTS.language, () => set('language', otherLanguage(values.language))],
    [SHORTCUTS.identification, openIdentification],
    [SHORTCUTS.escalate, () => (isEscalating ? teamRef.current?.focus() : setEscalating(true))],
    [SHORTCUTS.referral, () => setReferral((current) => !current)],
  ]);

  return {
    values,
    set,
    query,
    search,
    hits,
    refs,
    chosen,
    chosenIndex: chosen ? refs.indexOf(chosen) : -1,
    chosenEntry,
    choose: setChosen,
    isReferral,
    setReferral,
    isIdentificationOpen,
    toggleIdentification,
    isEscalating,
    toggleEscalating: () => setEscalating((current) => !current),
    stopEscalating,
    escalation,
    setEscalation,
    submission,
    /** The inquiry a failed attempt already logged: the agent can open it rather than wonder. */
    partlyDoneRef: submission.error === null ? null : progress.current.ref,
    done,
    answer,
    escalate,
    closeWithoutAnswer,
    questionRef,
    nameRef,
    handleRef,
    teamRef,
  };
}
