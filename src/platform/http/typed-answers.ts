import { type TSchema, Type } from 'typebox';

/**
 * A 2xx answer that is not JSON (a PDF, an HTML page, a server-sent event stream, a CSV file): the
 * route says so by the media types it produces, as OpenAPI's `content` map does. Fastify serialises
 * nothing for them (the handler sends a Buffer, a string or a stream), and the startup check
 * (`findUntypedAnswers`) accepts them as declared.
 */
export function nonJsonAnswer(description: string, mediaTypes: readonly string[]) {
  // A file goes out as bytes (`binary` in OpenAPI's words); the handler's reply may be any of these.
  const schema = Type.Unsafe<string | Uint8Array | NodeJS.ReadableStream>({
    type: 'string',
    format: 'binary',
    description,
  });
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema }])),
  };
}

type ResponseSchemas = Record<string, unknown> | undefined;

const isSuccess = (status: string) => /^2(\d\d|XX)$/.test(status);

// TypeBox's Unknown and Any are `{}` (perhaps with a description): they say nothing of the answer,
// and a serialiser writes whatever the handler returns, columns nobody meant to publish included.
const TYPING_KEYWORDS = ['type', 'anyOf', 'oneOf', 'allOf', '$ref', 'const', 'enum', 'not'];
const isTyped = (schema: unknown): boolean =>
  typeof schema === 'object' &&
  schema !== null &&
  TYPING_KEYWORDS.some((keyword) => keyword in (schema as TSchema));

const declaresMediaTypes = (schema: unknown): boolean => {
  const content = (schema as { content?: unknown } | null)?.content;
  return typeof content === 'object' && content !== null && Object.keys(content).length > 0;
};

/**
 * Why a route's successful answers are not described, or nothing when they are: every route must
 * declare at least one 2xx (or 3xx) answer, each 2xx one either a typed JSON schema or a
 * `nonJsonAnswer`. The OpenAPI document partners generate their clients from is only as good as this.
 */
export function findUntypedAnswers(response: ResponseSchemas): string | undefined {
  const statuses = Object.keys(response ?? {});
  if (!statuses.some((status) => /^[23]/.test(status))) return 'declares no successful answer';
  const untyped = statuses.filter(
    (status) => isSuccess(status) && !isTyped(response![status]) && !declaresMediaTypes(response![status]),
  );
  if (untyped.length > 0) return `answers ${untyped.join(', ')} without a schema`;
  return undefined;
}
