import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { isValidEnterpriseNumber, isValidNiss } from '../modules/directory/index.js';

function makeAjv(coerceTypes: false | 'array') {
  // allErrors so a form learns every bad field at once; bodies are capped by bodyLimit.
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
  return ajv;
}

const strict = makeAjv(false);
const coercing = makeAjv('array');

/**
 * JSON bodies are validated as sent (a string where a number belongs is an error); query strings,
 * path parameters and headers are text by nature and are coerced.
 */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object) as ReturnType<
    FastifySchemaCompiler<FastifySchema>
  >;
