import { ApiError } from '../../app/api.js';
import { i18n } from '../../app/i18n.js';
import type { FormProblem } from './rules-form.js';

/**
 * Problems the admin forms find before sending, shaped like the server's answer (a 400 problem
 * with field errors), so they show beside the same inputs without a round trip.
 */
export function formProblemsError(problems: readonly FormProblem[]): ApiError {
  return new ApiError(
    400,
    'validation.failed',
    i18n.t('validation.failed'),
    problems.map((problem) => ({
      field: problem.field,
      code: problem.code,
      message: i18n.t(problem.code, problem.params ?? {}),
    })),
    {},
  );
}
