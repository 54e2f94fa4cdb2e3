import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { languageFromHeader } from '../i18n/i18n.js';
import { BODY_LIMITS, findJsonExcess, findQueryExcess, type InputExcess } from './input-limits.js';

const refusal = (excess: InputExcess) => new AppError(excess.code, 400, { limit: excess.limit });

/**
 * Refuses a query string or a JSON body past the limits of input-limits.ts before the router's
 * parsed query is used and before the body is parsed, so a hostile request is answered in
 * milliseconds with a short problem, never validated key by key.
 */
async function inputGuard(app: FastifyInstance): Promise<void> {
  // Fastify's own JSON parser, with its handling of empty bodies, bad syntax and __proto__ keys.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // A route that takes a wide body by design (a push of 5,000 call records) names its own limits.
    const routeLimits = request.routeOptions.config?.bodyLimits;
    const excess = findJsonExcess(
      body as string,
      routeLimits ? { ...BODY_LIMITS, ...routeLimits } : BODY_LIMITS,
    );
    if (excess) {
      done(refusal(excess), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });

  // Registered before the request-auth plugin: a hostile query costs no session lookup. The
  // language is read here since that plugin has not picked it yet.
  app.addHook('onRequest', async (request) => {
    const start = request.url.indexOf('?');
    if (start === -1) return;
    const excess = findQueryExcess(request.url.slice(start + 1));
    if (!excess) return;
    request.language =
      languageFromHeader(request.headers['accept-language']) ?? app.config.RELAIS_DEFAULT_LANGUAGE;
    throw refusal(excess);
  });
}

export default fp(inputGuard, { name: 'relais-input-guard' });
