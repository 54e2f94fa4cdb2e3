import { ApiError, type FieldProblem } from './api.js';
import { i18n } from './i18n.js';

/**
 * Translates `code` in the current language when every placeholder of its message is known;
 * otherwise keeps the server's text (already in the caller's language, with the values filled in).
 */
export function translateCode(code: string, params: Record<string, unknown>, fallback: string): string {
  const raw = i18n.getResource(i18n.language, 'translation', code);
  if (typeof raw !== 'string') return fallback || code;
  const placeholders = [...raw.matchAll(/{{\s*([\w.]+)/g)].map((m) => m[1] as string);
  if (placeholders.some((name) => params[name] === undefined)) return fallback || raw;
  return i18n.t(code, params) as string;
}

/** The sentence to show for any error: a problem's code translated, or a generic message. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'web.errors.network') return i18n.t('web.errors.network');
    return translateCode(error.code, error.problem, error.title);
  }
  return i18n.t('web.errors.unexpected');
}

export const fieldMessage = (problem: FieldProblem): string =>
  translateCode(problem.code, {}, problem.message);

/**
 * Splits a problem's field errors into those a form shows next to its own inputs and the rest,
 * which it lists above the buttons (so no error is ever silently dropped).
 */
export function splitFieldErrors(
  error: unknown,
  formFields: readonly string[],
): { byField: Record<string, string>; others: string[] } {
  const byField: Record<string, string> = {};
  const others: string[] = [];
  if (!(error instanceof ApiError)) return { byField, others };
  for (const problem of error.fieldErrors) {
    const field = formFields.find((name) => problem.field === name || problem.field.startsWith(`${name}.`));
    if (field && !byField[field]) byField[field] = fieldMessage(problem);
    else if (!field) others.push(`${problem.field}: ${fieldMessage(problem)}`);
  }
  return { byField, others };
}

/** The fields among `required` left empty (only blanks count as empty). */
export function missingFields<T extends Record<string, unknown>>(
  values: T,
  required: readonly (keyof T & string)[],
): string[] {
  return required.filter((field) => {
    const value = values[field];
    return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
  });
}

/**
 * "This field is required" for empty required fields, shaped like the server's answer so forms show
 * it the same way, without a round trip (the server still checks everything).
 */
export function requiredFieldsError(fields: readonly string[]): ApiError {
  const message = i18n.t('validation.required');
  return new ApiError(
    400,
    'validation.failed',
    i18n.t('validation.failed'),
    fields.map((field) => ({ field, code: 'validation.required', message })),
    {},
  );
}
