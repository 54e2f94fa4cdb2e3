import { fillPath, type JsonSchema, type Operation } from './openapi-walk.js';

/** One hostile request; `label` names it in a failure report. */
export type BadRequest = {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Carries a field no schema declares: an operation with a body schema must refuse it. */
  hasUnknownField?: boolean;
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = { 'content-type': 'application/json' };
/** Over the 1 MiB body limit (config RELAIS_BODY_LIMIT_BYTES), still a well-formed JSON document. */
const OVERSIZED = JSON.stringify({ a: 'x'.repeat(1024 * 1024 + 16) });
const LONG = 'x'.repeat(100_000);
const DEPTH = 10_000;
const DEEP_ARRAYS = `{"a":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
const DEEP_OBJECTS = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
const BAD_PERCENT = '%E0%A4%A';
// Hostile shapes within the 1 MiB body limit: cheap to send, and each once cost the server seconds
// (90,000 keys held the event loop 1.5 s and came back as a 9.9 MB problem).
const WIDE_OBJECT = `{${Array.from({ length: 90_000 }, (_, i) => `"${i}":0`).join(',')}}`;
const WIDE_ARRAY = `{"a":[${'0,'.repeat(200_000)}0]}`;
const MANY_VALUES = JSON.stringify({
  a: Array.from({ length: 20 }, () => Array.from({ length: 900 }, () => 0)),
});
const DEEP_TO_THE_LIMIT = `{"a":${'['.repeat(450_000)}${']'.repeat(450_000)}}`;
/** Within every shape limit, yet each key breaks the schema: the answer must still be short. */
const UNKNOWN_KEYS = Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`zz${i}`, 'x']));
const WIDE_QUERY = Array.from({ length: 2_000 }, (_, i) => `k${i}=1`).join('&');
const UNKNOWN_PARAMETERS = Array.from({ length: 99 }, (_, i) => `zz${i}=1`).join('&');

/** Values of every JSON type; each property gets those its schema does not allow. */
const TYPED_VALUES: unknown[] = [12345, -1, 1.5, 'text', '12', {}, [], null, true];

export function badRequests(operation: Operation): BadRequest[] {
  return [
    ...queryCases(operation),
    ...pathCases(operation),
    ...(BODY_METHODS.has(operation.method) ? bodyCases(operation) : []),
  ];
}

/** Hostile credentials and headers: an unauthenticated caller must still get a clean 4xx. */
export function headerCases(operation: Operation): BadRequest[] {
  const url = fillPath(operation);
  const at = (label: string, headers: Record<string, string>): BadRequest => ({
    label,
    method: operation.method,
    url,
    headers,
  });
  return [
    at('unknown bearer token', { authorization: 'Bearer relais_not-a-token' }),
    at('bearer token of 10k chars', { authorization: `Bearer relais_${'x'.repeat(10_000)}` }),
    at('empty bearer', { authorization: 'Bearer ' }),
    at('basic auth', { authorization: 'Basic YWRtaW46ZGVtby1yZWxhaXM=' }),
    at('unknown session cookie', { cookie: 'relais_session=not-a-session' }),
    at('malformed cookie', { cookie: `relais_session=${BAD_PERCENT}; =; ;;` }),
    at('garbage accept-language', { 'accept-language': ';q=abc,,*;q=-1,xx-YY;q=1e309' }),
    at('x-request-id with control characters', { 'x-request-id': 'a\u0000b\u0007c' }),
    at('x-request-id of 20k chars', { 'x-request-id': 'x'.repeat(20_000) }),
  ];
}

function queryCases(operation: Operation): BadRequest[] {
  const base = fillPath(operation);
  const declared = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const cases: BadRequest[] = [
    '?limit=abc',
    '?limit=-1',
    '?limit=1e309',
    '?limit=1&limit=2',
    '?q[]=x&q[]=y',
    `?q=${BAD_PERCENT}`,
    `?${BAD_PERCENT}=1`,
    '?q=%00',
    '?&&==&',
    '?__proto__[x]=1&constructor[prototype][y]=1',
    `?${'a=1&'.repeat(5_000)}`,
    `?${WIDE_QUERY}`,
    `?${UNKNOWN_PARAMETERS}`,
    `?q=${'x'.repeat(64_000)}`,
  ].map((query) => ({
    label: `query ${query.slice(0, 40)}`,
    method: operation.method,
    url: base + query,
    headers: {},
  }));
  for (const name of declared) {
    for (const value of ['abc', '-1', '1e309', '', '%00', 'a%07b', BAD_PERCENT, 'x'.repeat(10_000)]) {
      cases.push({
        label: `query ${name}=${value.slice(0, 20)}`,
        method: operation.method,
        url: `${base}?${name}=${value}`,
        headers: {},
      });
    }
    cases.push(
      {
        label: `query ${name}[]`,
        method: operation.method,
        url: `${base}?${name}[]=x&${name}[]=y`,
        headers: {},
      },
      {
        label: `query ${name} twice`,
        method: operation.method,
        url: `${base}?${name}=1&${name}=2`,
        headers: {},
      },
    );
  }
  return cases;
}

function pathCases(operation: Operation): BadRequest[] {
  const names = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const raws = ['..%2F..', '../..', '%2e%2e', '%00', 'a%07b', BAD_PERCENT, 'x'.repeat(10_000), '%20'];
  return names.flatMap((name) =>
    raws.map((raw) => ({
      label: `path ${name}=${raw.slice(0, 20)}`,
      method: operation.method,
      url: fillPath(operation, { name, raw }),
      headers: {},
    })),
  );
}

function bodyCases(operation: Operation): BadRequest[] {
  const url = fillPath(operation);
  const at = (label: string, payload: string | Buffer, headers: Record<string, string> = JSON_TYPE) => ({
    label,
    method: operation.method,
    url,
    headers,
    payload,
  });
  const unknown = (label: string, value: Record<string, unknown>) => ({
    ...at(label, JSON.stringify(value)),
    hasUnknownField: true,
  });
  const cases: BadRequest[] = [
    at('broken JSON', '{"a":'),
    at('JSON array', '[{}]'),
    at('JSON string', '"text"'),
    at('JSON null', 'null'),
    at('empty body with content-type json', ''),
    at('text/plain', 'hello', { 'content-type': 'text/plain' }),
    at('application/xml', '<a/>', { 'content-type': 'application/xml' }),
    at('form-urlencoded', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' }),
    at('json with utf-16 charset', '{}', { 'content-type': 'application/json; charset=utf-16' }),
    at('invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
    at('over 1 MiB', OVERSIZED),
    at('10,000-deep arrays', DEEP_ARRAYS),
    at('10,000-deep objects', DEEP_OBJECTS),
    at('450,000-deep arrays', DEEP_TO_THE_LIMIT),
    at('object of 90,000 keys', WIDE_OBJECT),
    at('array of 200,000 items', WIDE_ARRAY),
    at('20 arrays of 900 items', MANY_VALUES),
    unknown('1,000 unknown fields', UNKNOWN_KEYS),
    at('__proto__ key', '{"__proto__":{"isAdmin":true}}'),
    at('constructor.prototype key', '{"constructor":{"prototype":{"isAdmin":true}}}'),
    unknown('unknown field', { zzUnknownField: 'x' }),
    unknown('control characters in a key', { 'a\u0000b': 'x' }),
  ];
  for (const [name, schema] of Object.entries(operation.body?.properties ?? {})) {
    for (const value of TYPED_VALUES.filter((v) => !fits(v, schema))) {
      cases.push(at(`${name}: ${JSON.stringify(value)}`, JSON.stringify({ [name]: value })));
    }
    cases.push(
      at(`${name}: NUL`, JSON.stringify({ [name]: 'a\u0000b' })),
      at(`${name}: BEL`, JSON.stringify({ [name]: 'a\u0007b' })),
      at(`${name}: 100k chars`, JSON.stringify({ [name]: LONG })),
      at(`${name}: lone surrogate`, `{"${name}":"a\\ud800b"}`),
      unknown(`${name}: with an unknown field`, { [name]: 'text', zzUnknownField: 1 }),
      ...edgeValues(schema).map((value) =>
        at(`${name}: ${String(value).slice(0, 20)}`, JSON.stringify({ [name]: value })),
      ),
    );
  }
  return cases;
}

/** Values of the right type that a database column or a date parser may still choke on. */
function edgeValues(schema: JsonSchema): unknown[] {
  const types = [schema.type].flat();
  if (types.includes('integer') || types.includes('number')) return [1e308, -1e308, 2 ** 53 + 2, 2 ** 31];
  if (schema.format === 'date')
    return ['2020-02-30', '0000-00-00', '99999-01-01', '0000-01-01', '9999-12-31', '-0001-01-01'];
  if (schema.format === 'date-time')
    return [
      '2020-01-01T25:00:00Z',
      '2020-13-01T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '2016-12-31T23:59:60Z',
      '2020-01-01T00:00:00+01',
    ];
  if (types.includes('array')) return [Array.from({ length: 50_000 }, () => 'x')];
  return [];
}

/** Whether a value has a type the schema allows (roughly: type, nullable and enum). */
function fits(value: unknown, schema: JsonSchema): boolean {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.some((s) => fits(value, s));
  if (value === null) return schema.nullable === true || [schema.type].flat().includes('null');
  if (schema.enum) return schema.enum.includes(value);
  const types = [schema.type].flat().filter(Boolean) as string[];
  if (types.length === 0) return true;
  return types.some((type) => {
    if (type === 'integer') return Number.isInteger(value);
    if (type === 'array') return Array.isArray(value);
    if (type === 'object') return typeof value === 'object' && !Array.isArray(value);
    return typeof value === type;
  });
}
