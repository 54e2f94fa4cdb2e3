import type { FastifyRequest } from 'fastify';
import { type Audience, audiencesFor } from './content.js';

/** What the caller may read: the public, a fund (public + partners), or staff (all). */
export function audiencesOf(request: FastifyRequest): Audience[] {
  if (!request.identity) return audiencesFor('anonymous');
  return audiencesFor(request.identity.roles.includes('partner') ? 'partner' : 'staff');
}
