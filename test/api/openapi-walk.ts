import type { FastifyInstance } from 'fastify';

// What the guard-rail walks read from the app's own OpenAPI document, so that a route a module adds
// later is walked without anyone editing the tests.

/** The part of a JSON schema the walks look at. */
export type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

export type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; schema: JsonSchema };

export type Operation = {
  method: string;
  /** The OpenAPI path, `/api/v1/directory/people/{id}`. */
  path: string;
  /** The same path as Fastify writes it (`/people/:id`), the key of app.routeRecords. */
  routeUrl: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation declares one. */
  body?: JsonSchema;
};

type Document = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
};

const PLAUSIBLE_UUID = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

export const toRouteUrl = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/** Every operation (path × method) of GET /api/openapi.json. */
export async function loadOperations(app: FastifyInstance): Promise<Operation[]> {
  const response = await app.inject({ url: '/api/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${response.statusCode}`);
  const doc = response.json() as Document;
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      routeUrl: toRouteUrl(path),
      parameters: operation.parameters ?? [],
      ...(operation.requestBody?.content?.['application/json']?.schema && {
        body: operation.requestBody.content['application/json'].schema,
      }),
    })),
  );
}

/** A plausible value for a path parameter: a uuid where one is expected, else a code the demo knows. */
export function plausibleValue(name: string, schema: JsonSchema | undefined): string {
  if (schema?.format === 'uuid' || /(^id|Id)$/.test(name)) return PLAUSIBLE_UUID;
  if (schema?.enum?.length) return String(schema.enum[0]);
  return 'acerta';
}

/** The path with plausible values; `override` replaces one parameter by a raw (already encoded) value. */
export function fillPath(operation: Operation, override?: { name: string; raw: string }): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (override?.name === name) return override.raw;
    const schema = operation.parameters.find((p) => p.in === 'path' && p.name === name)?.schema;
    return encodeURIComponent(plausibleValue(name, schema));
  });
}

/** A Fastify route url (`/people/:id`) with plausible values, using the document's schemas when it lists the route. */
export function fillRouteUrl(url: string, operations: Operation[]): string {
  const documented = operations.find((o) => o.routeUrl === url);
  if (documented) return fillPath(documented);
  return url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) =>
    encodeURIComponent(plausibleValue(name, undefined)),
  );
}
