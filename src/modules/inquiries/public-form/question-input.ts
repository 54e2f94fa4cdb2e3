import type { FieldError } from '../../../platform/errors.js';
import { checkValue } from '../../../platform/http/validation.js';
import { isValidEnterpriseNumber, isValidNiss } from '../../directory/index.js';
import { PublicQuestion, PublicQuestionLimits } from '../contract.js';
import { plainText } from './plain-text.js';

export type PublicQuestionInput = PublicQuestion;

export type ReadQuestion =
  | { ok: true; value: PublicQuestion; isRobot: boolean }
  | { ok: false; errors: FieldError[] };

/** The form's fields that hold words, stored as text only. */
const TEXT_FIELDS = ['name', 'question'] as const;

/**
 * Reads a question posted on the public form, from the API (JSON) or the page (form fields, where
 * an empty field means "not given"): the same rules and error codes either way, each naming its
 * field. Words lose any HTML (plain-text.ts); a name or question that was only markup is missing.
 * `isRobot`: the honeypot field, which people never see, was filled in.
 */
export function readPublicQuestion(raw: unknown): ReadQuestion {
  const body = withoutEmptyFields(raw);
  const errors = checkValue(PublicQuestion, body);
  const value = body as PublicQuestion;
  const failed = new Set(errors.map((error) => error.field));
  // The API's validator checks these formats; TypeBox, which reads the page's fields, knows them not.
  if (typeof value.niss === 'string' && !failed.has('niss') && !isValidNiss(value.niss))
    errors.push({ field: 'niss', code: 'validation.niss' });
  if (
    typeof value.enterprise_number === 'string' &&
    !failed.has('enterprise_number') &&
    !isValidEnterpriseNumber(value.enterprise_number)
  )
    errors.push({ field: 'enterprise_number', code: 'validation.enterpriseNumber' });
  if (errors.length > 0) return { ok: false, errors };

  const cleaned: PublicQuestion = { ...value, email: value.email.trim() };
  for (const field of TEXT_FIELDS) cleaned[field] = plainText(value[field]);
  if (cleaned.name === '') errors.push({ field: 'name', code: 'validation.required' });
  if (cleaned.question.length < PublicQuestionLimits.questionMin)
    errors.push({
      field: 'question',
      code: cleaned.question === '' ? 'validation.required' : 'validation.minLength',
      params: { limit: PublicQuestionLimits.questionMin },
    });
  if (errors.length > 0) return { ok: false, errors };
  const isRobot = typeof value.website === 'string' && value.website.trim() !== '';
  delete cleaned.website;
  return { ok: true, value: cleaned, isRobot };
}

/**
 * The body with its empty fields left out (a page's form sends every field, empty ones as ''), and
 * its strings but the question trimmed of surrounding spaces. Anything that is not an object of
 * fields is passed on for the schema to refuse.
 */
function withoutEmptyFields(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string') {
      body[key] = value;
      continue;
    }
    // An empty field is one not given: a required one is then named as missing.
    if (value.trim() !== '') body[key] = key === 'question' ? value : value.trim();
  }
  return body;
}
