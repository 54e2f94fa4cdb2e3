import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.js';
import { LoginProviders } from './contract.js';
import { OidcClient, oidcSettings } from './oidc.js';
import { loginWithOidc } from './oidc-login.js';
import { OIDC_REQUEST_TTL_MINUTES, safeReturnTo } from './oidc-rules.js';
import { sessionCookieName, sessionCookieOptions } from './session-cookie.js';

// Binds the callback to the browser that started the login: a callback URL sent to someone else
// (to log them in as the sender) finds no matching cookie and is refused.
const STATE_COOKIE = 'relais_oidc_state';
const STATE_COOKIE_PATH = '/api/v1/auth/oidc';

const Redirect = Type.Null({ description: 'Redirect (302); failures land on /login?error=<code>' });

/** Which login methods the login page offers, and the single sign-on (OpenID Connect) round trip. */
export const oidcRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const settings = oidcSettings(app.config);
  const client = settings && new OidcClient(settings);
  const policy = {
    idleMinutes: app.config.RELAIS_SESSION_IDLE_MINUTES,
    maxHours: app.config.RELAIS_SESSION_MAX_HOURS,
  };
  const stateCookieOptions = {
    path: STATE_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.config.isHttps,
    maxAge: OIDC_REQUEST_TTL_MINUTES * 60,
  };
  // The browser arrives here by navigation, not by fetch: errors go back to the login page as a code.
  const toLoginPage = (reply: FastifyReply, code: string) =>
    reply.redirect(`/login?error=${encodeURIComponent(code)}`);

  app.get(
    '/auth/providers',
    {
      schema: { tags: ['auth'], response: { 200: LoginProviders } },
      config: { access: 'public' },
    },
    async () => ({ password: true, oidc: { enabled: Boolean(client), label: app.config.OIDC_LABEL } }),
  );

  app.get(
    '/auth/oidc/start',
    {
      schema: {
        tags: ['auth'],
        querystring: Type.Object({
          returnTo: Type.Optional(Type.String({ description: 'A path of this site; anything else means /' })),
        }),
        response: { 302: Redirect },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      if (!client) return toLoginPage(reply, 'auth.oidc_not_configured');
      try {
        const { url, state } = await client.start(app.db, safeReturnTo(request.query.returnTo));
        reply.setCookie(STATE_COOKIE, state, stateCookieOptions);
        return reply.redirect(url.href);
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on could not start');
        return toLoginPage(reply, 'auth.oidc_failed');
      }
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      schema: { tags: ['auth'], response: { 302: Redirect } },
      config: { access: 'public' },
    },
    async (request, reply) => {
      if (!client) return toLoginPage(reply, 'auth.oidc_not_configured');
      const query = new URLSearchParams(request.url.split('?')[1] ?? '');
      const state = query.get('state');
      const boundState = request.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
      try {
        if (!state || state !== boundState) throw new AppError('auth.oidc_failed', 400);
        const outcome = await client.finish(app.db, state, query);
        if (!outcome) throw new AppError('auth.oidc_failed', 400);
        const result = await loginWithOidc(app.db, app.identities, policy, {
          account: { issuer: outcome.issuer, subject: outcome.subject },
          claims: outcome.claims,
          usernameClaim: client.settings.usernameClaim,
          ip: request.ip,
          ...(request.headers['user-agent'] && { userAgent: request.headers['user-agent'] }),
          ...(request.session && { previousSessionHash: request.session.idHash }),
        });
        reply.setCookie(sessionCookieName(app.config), result.secret, sessionCookieOptions(app.config));
        return reply.redirect(safeReturnTo(outcome.returnTo));
      } catch (error) {
        if (error instanceof AppError) return toLoginPage(reply, error.code);
        // The provider's own refusal (access_denied), a bad signature or nonce, the provider down.
        request.log.warn({ err: error }, 'single sign-on failed');
        return toLoginPage(reply, 'auth.oidc_failed');
      }
    },
  );
};
