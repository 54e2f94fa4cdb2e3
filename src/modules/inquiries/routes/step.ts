import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static, TSchema } from 'typebox';
import type { Ability } from '../../../platform/auth/permissions.js';
import type { InquiryCaller } from '../caller.js';
import { RefParams } from '../contract.js';
import { callerOf } from './caller.js';
import { Done } from './responses.js';

type RoutesApp = Parameters<FastifyPluginAsyncTypebox>[0];

/**
 * One step of an inquiry's walk: POST /{ref}/{step}, answered 204 once done. The step itself is
 * a business function in a file of its own; the route says who may take it.
 */
export const inquiryStep = <Body extends TSchema>(
  app: RoutesApp,
  path: string,
  options: { summary: string; access: Ability; body?: Body },
  run: (caller: InquiryCaller, ref: string, body: Static<Body>) => Promise<unknown>,
) =>
  app.post(
    `/:ref/${path}`,
    {
      schema: {
        tags: ['inquiries'],
        summary: options.summary,
        params: RefParams,
        ...(options.body && { body: options.body }),
        response: Done,
      },
      config: { access: options.access },
    },
    async (request, reply) => {
      await run(callerOf(request), request.params.ref, request.body as Static<Body>);
      return reply.code(204).send(null);
    },
  );
