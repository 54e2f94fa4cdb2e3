import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.js';

/** How many "yes, this answered me" an address may say per question it may ask: reading several entries is normal. */
const DEFLECTIONS_PER_QUESTION = 4;

type RateLimitConfig =
  | false
  | {
      max: number;
      timeWindow: number;
      allowList: (request: FastifyRequest) => boolean;
      errorResponseBuilder: (request: FastifyRequest, context: { ttl: number }) => AppError;
    };

/**
 * The per-address limits of the public form's routes (@fastify/rate-limit's per-route options, on
 * top of crowd-control.ts, whose key, store and problem documents they share): `questions` per
 * window of `windowMinutes` to ask, four times as many deflections; none for a logged-in person
 * (not the crowd), and none at all when `questions` is 0. Answered 429 with Retry-After, saying in
 * minutes how long to wait (the window is long; "in a moment" would be wrong).
 */
export function publicFormLimits(settings: { questions: number; windowMinutes: number }): {
  questions: RateLimitConfig;
  deflections: RateLimitConfig;
} {
  const limit = (max: number): RateLimitConfig =>
    max > 0 && {
      max,
      timeWindow: settings.windowMinutes * 60_000,
      allowList: (request) => request.identity !== null,
      errorResponseBuilder: (_request, context) =>
        new AppError('inquiries.public_form_rate_limited', 429, {
          retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)),
          minutes: Math.max(1, Math.ceil(context.ttl / 60_000)),
        }),
    };
  return {
    questions: limit(settings.questions),
    deflections: limit(settings.questions * DEFLECTIONS_PER_QUESTION),
  };
}
