import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { crowdClassOf, rateLimitFor, shouldShed } from './crowd-rules.js';
import { buildProblem, sendProblem } from './problem.js';

/** What a shed caller is told to wait: long enough for a burst to pass, short for a person. */
export const SHED_RETRY_AFTER_SECONDS = 10;
// Several samples per second: shedding starts and stops soon after the load does.
const PRESSURE_SAMPLE_MS = 500;
// Addresses remembered per instance; past this the least recent are forgotten (toad-cache LRU).
const RATE_LIMIT_ADDRESSES = 100_000;

export type CrowdControlOptions = {
  /** Replaces the measured load signal (tests make it deterministic). */
  isUnderPressure?: (() => boolean) | undefined;
};

const classOf = (request: FastifyRequest) =>
  crowdClassOf({ url: request.routeOptions.url ?? '', access: request.routeOptions.config.access });

/**
 * Per-address rate limits on the public routes and on login (429 problems with Retry-After), and
 * load shedding of anonymous public requests (503 problems with Retry-After) while the event loop
 * lags, so that the staff's work keeps its latency when the public floods in. Must be registered
 * after request-auth (shedding and limits look at who is calling) and before the routes.
 *
 * The counts live in this instance's memory: behind a load balancer each instance counts its own
 * share. That is enough against a crowd; the login throttle that guards passwords is in the
 * database (auth/throttle.ts).
 */
async function crowdControl(app: FastifyInstance, options: CrowdControlOptions): Promise<void> {
  const perMinute = {
    public: app.config.RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE,
    login: app.config.RELAIS_RATE_LIMIT_LOGIN_PER_MINUTE,
  };
  const limitOf = (request: FastifyRequest) =>
    rateLimitFor({ crowdClass: classOf(request), isAnonymous: !request.identity }, perMinute);

  await app.register(underPressure, {
    maxEventLoopDelay: app.config.RELAIS_SHED_EVENT_LOOP_DELAY_MS,
    sampleInterval: PRESSURE_SAMPLE_MS,
    // The plugin only measures: who is refused is decided below, by shouldShed.
    pressureHandler: () => undefined,
  });
  const isUnderPressure = options.isUnderPressure ?? (() => app.isUnderPressure());

  app.addHook('onRequest', async (request, reply) => {
    const isShed = shouldShed({
      crowdClass: classOf(request),
      isAnonymous: !request.identity,
      isUnderPressure: isUnderPressure(),
    });
    if (!isShed) return;
    app.metrics.refusals.inc({ reason: 'shed', crowd_class: classOf(request) });
    return sendProblem(
      reply,
      buildProblem(request, 'http.overloaded', 503, { retryAfter: SHED_RETRY_AFTER_SECONDS }),
    );
  });

  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: 60_000,
    cache: RATE_LIMIT_ADDRESSES,
    // Counters only on a refusal: on a served public page they would differ from one answer to
    // the next (a shared cache would keep one person's count for everyone, and a missing entry
    // would no longer look exactly like one that is hidden).
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    allowList: (request) => limitOf(request) === undefined,
    max: (request) => limitOf(request) ?? 0,
    // One count per address and class: a search flood does not use up the address's logins.
    // normalizeIP groups an IPv6 /64, which one subscriber usually holds whole.
    keyGenerator: (request) => `${classOf(request)}:${normalizeIP(request.ip)}`,
    errorResponseBuilder: (request, context) => {
      app.metrics.refusals.inc({ reason: 'rate_limited', crowd_class: classOf(request) });
      return new AppError('http.rate_limited', 429, { retryAfter: Math.ceil(context.ttl / 1000) });
    },
  });
}

export default fp(crowdControl, {
  name: 'relais-crowd-control',
  dependencies: ['relais-request-auth', 'relais-metrics'],
});
