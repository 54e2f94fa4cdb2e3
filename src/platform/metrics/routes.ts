import type { FastifyInstance } from 'fastify';

/**
 * `GET /metrics` in Prometheus's text format, for the institution's monitoring (an API token of an
 * account with role `integration`, or an admin): never public, since route names, queue depths and
 * refusals tell an attacker how the service holds. Not in the OpenAPI document: it is no JSON API.
 */
export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/metrics',
    { schema: { hide: true }, config: { access: 'platform.metrics' } },
    async (_request, reply) => {
      const text = await app.metrics.text();
      return reply.header('cache-control', 'no-store').type(app.metrics.contentType).send(text);
    },
  );
}
