import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';
import { isLanguage, languageFromHeader } from '../i18n/i18n.js';
import { type Ability, can } from './permissions.js';
import { hashSecret, isSameSecret } from './secrets.js';
import { cachedSession, dropSession, readTicket, rememberSession } from './session-cache.js';
import { sessionCookieName } from './session-cookie.js';
import { findActiveSession, touchSession } from './sessions.js';
import { findTokenOwner } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling (session cookie or bearer token), the language of the answer, and
 * enforces each route's declared access: 401 without credentials, 403 without the ability.
 */
async function requestAuth(app: FastifyInstance): Promise<void> {
  const policy = {
    idleMinutes: app.config.RELAIS_SESSION_IDLE_MINUTES,
    maxHours: app.config.RELAIS_SESSION_MAX_HOURS,
  };
  // Over https only the `__Host-` cookie counts: an unprefixed one may have been planted.
  const cookieName = sessionCookieName(app.config);

  app.decorateRequest('identity', null);
  app.decorateRequest('session', null);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('language', app.config.RELAIS_DEFAULT_LANGUAGE);
  app.decorateRequest('actor', {
    getter(this: FastifyRequest) {
      return {
        id: this.identity?.id ?? null,
        username: this.identity?.username ?? null,
        ip: this.ip,
        requestId: this.id,
      };
    },
  });

  app.addHook('onRequest', async (request) => {
    request.language =
      languageFromHeader(request.headers['accept-language']) ?? app.config.RELAIS_DEFAULT_LANGUAGE;
    await identify(app, request, policy, cookieName);
    if (request.identity && isLanguage(request.identity.language))
      request.language = request.identity.language;
  });

  // onRequest, before the body is read and validated: a caller without the right must get 401/403,
  // never a 400 that describes the route's schema, and its body is not even parsed.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    if (!request.identity) throw new AppError('http.unauthorized', 401);
    if (request.authMethod === 'session' && !SAFE_METHODS.has(request.method)) {
      if (!isSameSecret(request.headers['x-csrf-token'], request.session?.csrfToken))
        throw new AppError('http.csrf_failed', 403);
    }
    if (access !== 'authenticated' && !can(request.identity.roles, access as Ability)) {
      throw new AppError('http.forbidden', 403);
    }
  });
}

async function identify(
  app: FastifyInstance,
  request: FastifyRequest,
  policy: { idleMinutes: number; maxHours: number },
  cookieName: string,
): Promise<void> {
  // The scheme name is case-insensitive (RFC 9110 §11.1): `bearer x` is a bearer token too.
  const bearer = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (bearer) {
    const owner = await findTokenOwner(app.db, bearer[1]!);
    const identity = owner && (await app.identities.findById(app.db, owner.personId));
    if (identity?.isActive) {
      request.identity = identity;
      request.authMethod = 'token';
    }
    return;
  }
  const secret = request.cookies[cookieName];
  if (!secret) return;
  const cached = cachedSession(hashSecret(secret));
  if (cached?.shouldRefresh)
    void checkSession(app, secret, policy).catch((error) =>
      request.log.warn({ err: error }, 'session: refreshing a cached session failed'),
    );
  const checked = cached ?? (await checkSession(app, secret, policy));
  if (!checked) return;
  const { session, identity } = checked;
  request.identity = identity;
  request.session = session;
  request.authMethod = 'session';
  await touchSession(app.db, session);
}

/**
 * Reads the session and its person from the database, and keeps them a few seconds if valid; a
 * session found ended (or its person inactive) leaves the cache at once, even when this read is
 * the background refresh of an entry that other requests are still using.
 */
async function checkSession(
  app: FastifyInstance,
  secret: string,
  policy: { idleMinutes: number; maxHours: number },
) {
  // Before the first read: a change committed after this point must win over what is read here.
  const ticket = readTicket();
  const session = await findActiveSession(app.db, secret, policy);
  const identity = session && (await app.identities.findById(app.db, session.personId));
  if (!session || !identity?.isActive) {
    dropSession(hashSecret(secret));
    return undefined;
  }
  rememberSession(session, identity, app.config.RELAIS_SESSION_CACHE_SECONDS * 1000, ticket);
  return { session, identity };
}

export default fp(requestAuth, { name: 'relais-request-auth', dependencies: ['@fastify/cookie'] });
