import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { isValidEnterpriseNumber, isValidNiss } from '../modules/directory/index.js';
import { isCalendarDayInRange, isInstantInRange } from '../platform/http/calendar-range.js';

function makeAjv(coerceTypes: false | 'array') {
  // allErrors so a form learns every bad field at once. What it can collect stays bounded: the input
  // guard refuses wider, deeper or fuller bodies and query strings before validation
  // (platform/http/input-limits.ts), and a problem document lists at most 50 errors.
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    strict: false,
  });
  addFormats.default(ajv);
  // Belgian identifiers as people write them (dots, dashes, spaces); the check digits must hold.
  ajv.addFormat('niss', { type: 'string', validate: isValidNiss });
  ajv.addFormat('enterprise-number', { type: 'string', validate: isValidEnterpriseNumber });
  // Replaces ajv-formats' own: every `date` and `date-time` in a schema is a day or an instant in
  // Relais' range (calendar-range.ts), the same rule as TypeBox's checks in validation.ts.
  ajv.addFormat('date', { type: 'string', validate: isCalendarDayInRange });
  ajv.addFormat('date-time', { type: 'string', validate: isInstantInRange });
  return ajv;
}

const strict = makeAjv(false);
const coercing = makeAjv('array');

type Validate = ((data: unknown, context?: object) => boolean) & {
  errors?: ValidateFunction['errors'];
  schemaEnv?: unknown;
};

/**
 * Ajv's validation function for a schema, compiled when a request first needs it rather than when
 * the server starts: compiling the schemas of every route was a good part of a start (see
 * bench/cold-start.ts), while a process meets few of its routes in its first seconds. It behaves as
 * Ajv's own: Fastify sees `schemaEnv`, so it passes the request as the parent of the value (a
 * coerced or defaulted value is written back), and reads `errors` after a failed call.
 */
function compiledOnFirstUse(ajv: Ajv, schema: object): Validate {
  let compiled: ValidateFunction | undefined;
  const validate: Validate = (data, context) => {
    compiled ??= ajv.compile(schema);
    const isValid = compiled(data, context as Parameters<ValidateFunction>[1]) as boolean;
    validate.errors = compiled.errors;
    return isValid;
  };
  validate.schemaEnv = true;
  return validate;
}

/**
 * JSON bodies are validated as sent (a string where a number belongs is an error); query strings,
 * path parameters and headers are text by nature and are coerced.
 */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  compiledOnFirstUse(httpPart === 'body' ? strict : coercing, schema as object) as ReturnType<
    FastifySchemaCompiler<FastifySchema>
  >;
