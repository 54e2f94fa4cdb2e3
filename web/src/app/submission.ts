import { type ReactNode, useRef, useState } from 'react';
import { splitFieldErrors } from './problems.js';

export type Submission<Key = never> = {
  /** What the last attempt threw (an ApiError, usually, or a form's own requiredFieldsError), or null. */
  error: unknown;
  /** The error's field problems: those of the form's `fields` beside their input, the others listed. */
  byField: Record<string, string>;
  others: string[];
  /** The confirmation the last attempt's work returned, if any; cleared when another starts or fails. */
  notice: ReactNode;
  /** Whether an attempt is running: its button shows it, the others wait. */
  isPending: boolean;
  /** Which attempt is running when one form has several (a row's id, a button's kind), or null. */
  pendingKey: Key | null;
  /**
   * Runs `work` unless an attempt is running already: clears the last error and notice, keeps what
   * the work returns as the notice or what it throws as the error, and always ends the pending state.
   * Resolves with whether the work succeeded.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: most work returns nothing; some returns its confirmation.
  run: (work: () => Promise<ReactNode | void>, key?: Key) => Promise<boolean>;
  /** Shows an error found before any request (a required field left empty). */
  fail: (error: unknown) => void;
  /** Forgets the last error and notice (a form emptied for the next person). */
  reset: () => void;
};

export type SubmissionOptions = {
  /** The form's fields, so a problem document's field errors land beside their input. */
  fields?: readonly string[];
  /** After every attempt, success or not: refresh what the attempt may have changed. */
  onSettled?: () => void;
  /** After a failed attempt, with its error: move the focus to what needs fixing. */
  onError?: (error: unknown) => void;
};

/**
 * The one way a screen sends something: a form's submit or an action button. Every page used to
 * hand-roll this (set busy, clear the error, try, catch, finally not busy); one hook keeps "never
 * stuck busy" and "the server's field errors beside their input" true everywhere.
 */
export function useSubmission<Key = never>(options: SubmissionOptions = {}): Submission<Key> {
  const [pending, setPending] = useState<{ key: Key | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  // State is read a render late: a second press in the same moment must see the first one running.
  const isRunning = useRef(false);
  const { byField, others } = splitFieldErrors(error, options.fields ?? []);

  return {
    error,
    byField,
    others,
    notice,
    isPending: pending !== null,
    pendingKey: pending?.key ?? null,
    async run(work, key) {
      if (isRunning.current) return false;
      isRunning.current = true;
      setPending({ key: key ?? null });
      setError(null);
      setNotice(null);
      try {
        setNotice((await work()) ?? null);
        return true;
      } catch (caught) {
        setError(caught);
        options.onError?.(caught);
        return false;
      } finally {
        isRunning.current = false;
        setPending(null);
        options.onSettled?.();
      }
    },
    fail(caught) {
      setNotice(null);
      setError(caught);
    },
    reset() {
      setError(null);
      setNotice(null);
    },
  };
}
