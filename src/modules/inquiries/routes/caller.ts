import type { FastifyRequest } from 'fastify';
import { can } from '../../../platform/auth/permissions.js';
import { AppError } from '../../../platform/errors.js';
import type { InquiryCaller } from '../caller.js';

/** Who asks, as the inquiries rules need it: a fund's user speaks for that fund only. */
export function callerOf(request: FastifyRequest): InquiryCaller {
  const identity = request.identity;
  if (!identity) throw new AppError('http.unauthorized', 401);
  const isPartner = identity.roles.includes('partner');
  if (isPartner && !identity.partnerId) throw new AppError('http.forbidden', 403);
  return {
    actor: request.actor,
    partnerId: isPartner ? identity.partnerId : null,
    seesPersonalData: can(identity.roles, 'inquiries.personal_data.read'),
    kind: 'citizen',
    requesterId: null,
  };
}
