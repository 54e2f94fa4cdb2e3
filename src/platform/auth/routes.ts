import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { writeAudit } from '../audit/audit.js';
import { withTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { problemResponses } from '../http/validation.js';
import {
  ABILITIES,
  CreatedTokenSchema,
  CreateTokenBody,
  LoginBody,
  type Me,
  MeSchema,
  PermissionTableSchema,
  RevokedSessions,
  ROLES,
  TokenList,
  TokenSchema,
  UpdateMeBody,
} from './contract.js';
import type { Identity } from './identity.js';
import { loginWithPassword } from './login.js';
import { DEVICE_COOKIE, deviceCookieOptions } from './login-devices.js';
import { abilitiesOf } from './permissions.js';
import { clearedSessionCookieOptions, sessionCookieName, sessionCookieOptions } from './session-cookie.js';
import { revokeAllSessions, revokeSession } from './sessions.js';
import { createToken, listTokens, revokeToken } from './tokens.js';

const errors = problemResponses(400, 401, 403, 429);

export function toMe(identity: Identity, authMethod: 'session' | 'token', csrfToken: string | null): Me {
  return {
    id: identity.id,
    username: identity.username,
    name: identity.name,
    language: identity.language,
    roles: identity.roles,
    partner: identity.partnerCode,
    abilities: abilitiesOf(identity.roles),
    authMethod,
    csrfToken,
  };
}

/** Login, logout, the caller's own profile, and API tokens. */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const policy = {
    idleMinutes: app.config.RELAIS_SESSION_IDLE_MINUTES,
    maxHours: app.config.RELAIS_SESSION_MAX_HOURS,
  };
  const cookieName = sessionCookieName(app.config);
  const cookieOptions = sessionCookieOptions(app.config);
  const clearedCookieOptions = clearedSessionCookieOptions(app.config);

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: LoginBody, response: { 200: MeSchema, ...errors } },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const result = await loginWithPassword(app.db, app.identities, policy, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
        ...(request.cookies[DEVICE_COOKIE] ? { deviceSecret: request.cookies[DEVICE_COOKIE] } : {}),
      });
      reply.setCookie(cookieName, result.secret, cookieOptions);
      reply.setCookie(DEVICE_COOKIE, result.deviceSecret, deviceCookieOptions(app.config));
      return toMe(result.identity, 'session', result.csrfToken);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], response: { 204: Type.Null(), ...errors } },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      if (request.session) await revokeSession(app.db, request.session.idHash);
      await writeAudit(app.db, request.actor, {
        action: 'auth.logout',
        objectType: 'person',
        objectId: request.identity!.id,
      });
      reply.clearCookie(cookieName, clearedCookieOptions);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/logout-everywhere',
    {
      schema: { tags: ['auth'], response: { 200: RevokedSessions, ...errors } },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      const revoked = await revokeAllSessions(app.db, request.identity!.id);
      await writeAudit(app.db, request.actor, {
        action: 'auth.logout_everywhere',
        objectType: 'person',
        objectId: request.identity!.id,
        summary: { revoked },
      });
      reply.clearCookie(cookieName, clearedCookieOptions);
      return { revoked };
    },
  );

  app.get(
    '/me',
    {
      schema: { tags: ['auth'], response: { 200: MeSchema, ...errors } },
      config: { access: 'authenticated' },
    },
    async (request) => toMe(request.identity!, request.authMethod!, request.session?.csrfToken ?? null),
  );

  app.patch(
    '/me',
    {
      schema: { tags: ['auth'], body: UpdateMeBody, response: { 200: MeSchema, ...errors } },
      config: { access: 'authenticated' },
    },
    async (request) => {
      await app.identities.setLanguage(app.db, request.identity!.id, request.body.language);
      const identity = { ...request.identity!, language: request.body.language };
      return toMe(identity, request.authMethod!, request.session?.csrfToken ?? null);
    },
  );

  // The roles→abilities table itself, so the web app shows what each role may do without copying it.
  app.get(
    '/auth/permissions',
    {
      schema: { tags: ['auth'], response: { 200: PermissionTableSchema, ...errors } },
      config: { access: 'authenticated' },
    },
    async () => ({
      roles: [...ROLES],
      abilities: Object.entries(ABILITIES).map(([ability, roles]) => ({ ability, roles: [...roles] })),
    }),
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        response: { 200: TokenList, ...errors },
      },
      config: { access: 'auth.tokens.manage' },
    },
    async () => {
      const tokens = await listTokens(app.db);
      const items = await Promise.all(
        tokens.map(async (t) => ({
          ...t,
          username: (await app.identities.findById(app.db, t.personId))?.username ?? '?',
        })),
      );
      return { items };
    },
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        body: CreateTokenBody,
        response: { 201: CreatedTokenSchema, ...problemResponses(404), ...errors },
      },
      config: { access: 'auth.tokens.manage' },
    },
    async (request, reply) => {
      const owner = await app.identities.findByUsername(app.db, request.body.username);
      if (!owner)
        throw new AppError('directory.person_not_found', 404, {}, [
          { field: 'username', code: 'directory.person_not_found' },
        ]);
      const created = await withTransaction(app.db, async (trx) => {
        const result = await createToken(trx, {
          personId: owner.id,
          name: request.body.name,
          createdBy: request.identity!.id,
          expiresOn: request.body.expiresOn ?? null,
        });
        await writeAudit(trx, request.actor, {
          action: 'auth.token_created',
          objectType: 'token',
          objectId: result.summary.id,
          summary: {
            for: owner.username,
            name: request.body.name,
            expiresOn: request.body.expiresOn ?? null,
          },
        });
        return result;
      });
      return reply
        .code(201)
        .send({ token: created.token, summary: { ...created.summary, username: owner.username } });
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: TokenSchema, ...problemResponses(404), ...errors },
      },
      config: { access: 'auth.tokens.manage' },
    },
    async (request) =>
      withTransaction(app.db, async (trx) => {
        const revoked = await revokeToken(trx, request.params.id);
        await writeAudit(trx, request.actor, {
          action: 'auth.token_revoked',
          objectType: 'token',
          objectId: revoked.id,
        });
        return revoked;
      }),
  );
};
