import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Format } from 'typebox/format';
import { type FieldError, invalid } from '../errors.js';
import { EARLIEST_DAY, isCalendarDayInRange, isInstantInRange, LATEST_DAY } from './calendar-range.js';
import { ProblemSchema } from './contract.js';

// TypeBox's checks (CSV rows, CLI options, the web app's forms) read days and instants as the
// API's validator does (src/server/validator.ts): one rule for every `date` and `date-time`.
Format.Set('date', isCalendarDayInRange);
Format.Set('date-time', isInstantInRange);

type AjvError = {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
};

const LIMIT_KEYWORDS = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems']);

/** Turns ajv's errors (Fastify's validator) into Relais field errors with i18n codes. */
export function fieldErrorsFromAjv(errors: AjvError[], context: string): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  // TypeBox names every missing property of an object in one error; ajv gives one error each.
  const expanded = errors.flatMap((error) =>
    Array.isArray(error.params.requiredProperties)
      ? (error.params.requiredProperties as string[]).map((missingProperty) => ({
          ...error,
          params: { missingProperty },
        }))
      : [error],
  );
  for (const error of expanded) {
    const path = error.instancePath.split('/').filter(Boolean).join('.');
    const leaf =
      (error.params.missingProperty as string | undefined) ??
      (error.params.additionalProperty as string | undefined) ??
      '';
    const field = [context === 'body' ? '' : context, path, leaf].filter(Boolean).join('.') || context;
    const fieldError = toFieldError(field, error);
    const key = `${fieldError.field}|${fieldError.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(fieldError);
  }
  return result;
}

/** Formats whose failure deserves its own explanation rather than "bad format". */
const FORMAT_CODES: Record<string, string> = {
  niss: 'validation.niss',
  'enterprise-number': 'validation.enterpriseNumber',
  date: 'input.date',
  'date-time': 'input.instant',
};
const FORMAT_PARAMS: Record<string, Record<string, unknown>> = {
  date: { earliest: EARLIEST_DAY, latest: LATEST_DAY },
  'date-time': { earliest: EARLIEST_DAY, latest: LATEST_DAY },
};

function toFieldError(field: string, error: AjvError): FieldError {
  const { keyword, params } = error;
  if (keyword === 'required') return { field, code: 'validation.required' };
  if (keyword === 'additionalProperties') return { field, code: 'validation.additionalProperties' };
  if (keyword === 'type') return { field, code: 'validation.type', params: { type: params.type } };
  if (keyword === 'format') {
    const format = params.format as string;
    const code = FORMAT_CODES[format];
    if (!code) return { field, code: 'validation.format', params: { format } };
    const formatParams = FORMAT_PARAMS[format];
    return formatParams ? { field, code, params: formatParams } : { field, code };
  }
  if (keyword === 'pattern') return { field, code: 'validation.pattern' };
  if (keyword === 'enum') {
    return {
      field,
      code: 'validation.enum',
      params: { allowed: (params.allowedValues as unknown[]).join(', ') },
    };
  }
  if (LIMIT_KEYWORDS.has(keyword))
    return { field, code: `validation.${keyword}`, params: { limit: params.limit } };
  return { field, code: 'validation.invalid' };
}

// C0 controls except tab, line feed and carriage return: PostgreSQL refuses NUL in text, and
// none of them belongs in anything a person types.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const MAX_DEPTH = 32;

/** Finds strings with control characters and absurd nesting anywhere in a parsed body or query. */
export function findUnsafeValues(value: unknown, context: string): FieldError[] {
  const errors: FieldError[] = [];
  const walk = (node: unknown, path: string[], depth: number): void => {
    if (errors.length >= 20) return;
    if (depth > MAX_DEPTH) {
      errors.push({
        field: [context, ...path].filter(Boolean).join('.') || context,
        code: 'validation.too_deep',
      });
      return;
    }
    if (typeof node === 'string') {
      if (CONTROL.test(node)) {
        errors.push({
          field: [context, ...path].filter(Boolean).join('.') || context,
          code: 'validation.control_characters',
        });
      }
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (CONTROL.test(key)) {
        errors.push({
          field: [context, ...path].filter(Boolean).join('.') || context,
          code: 'validation.control_characters',
        });
        continue;
      }
      walk(child, [...path, key], depth + 1);
    }
  };
  walk(value, [], 0);
  return errors;
}

// The schemas every module shares are the HTTP contract's (contract.ts), re-exported for the
// server's many routes and schemas that take them from here.
export {
  ContentLanguage,
  EnterpriseNumber,
  Instant,
  IsoDate,
  Language,
  Niss,
  Nullable,
  Page,
  Pagination,
  ProblemSchema,
} from './contract.js';

/**
 * The problem documents a route may answer, by status: `problemResponses(400, 401, 403)`. One
 * place, so every route's error answers are described alike in the OpenAPI document.
 */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof ProblemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ProblemSchema])) as Record<
    S,
    typeof ProblemSchema
  >;
}

/**
 * Validates data outside HTTP (CSV rows, CLI arguments) with the same schemas and the same error
 * codes as the API, so a bad row reads like a bad request.
 */
export function validateValue<T extends TSchema>(schema: T, value: unknown, fieldPrefix = ''): Static<T> {
  const errors = checkValue(schema, value, fieldPrefix);
  if (errors.length > 0) throw invalid(errors);
  return value as Static<T>;
}

const compiled = new WeakMap<TSchema, ReturnType<typeof Compile>>();

export function checkValue<T extends TSchema>(schema: T, value: unknown, fieldPrefix = ''): FieldError[] {
  let validator = compiled.get(schema);
  if (!validator) {
    validator = Compile(schema);
    compiled.set(schema, validator);
  }
  if (validator.Check(value)) return findUnsafeValues(value, fieldPrefix);
  const ajvLike = [...validator.Errors(value)].map((e) => ({
    keyword: e.keyword,
    instancePath: e.instancePath,
    params: e.params as Record<string, unknown>,
  }));
  return fieldErrorsFromAjv(ajvLike, 'body').map((e) => ({
    ...e,
    field: [fieldPrefix, e.field === 'body' ? '' : e.field].filter(Boolean).join('.') || fieldPrefix,
  }));
}
