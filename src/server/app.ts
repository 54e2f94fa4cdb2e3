import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import { directoryIdentities, directoryRoutes } from '../modules/directory/index.js';
import { equipmentRoutes } from '../modules/equipment/index.js';
import {
  callRoutes,
  helpdeskRoutes,
  inquiryMailHandler,
  inquiryRoutes,
  publicQuestionPages,
  publicQuestionRoutes,
} from '../modules/inquiries/index.js';
import { knowledgeModule } from '../modules/knowledge/index.js';
import { teleworkRoutes } from '../modules/telework/index.js';
import { workplaceRoutes } from '../modules/workplace/index.js';
import { auditRoutes } from '../platform/audit/routes.js';
import { oidcRoutes } from '../platform/auth/oidc-routes.js';
import requestAuth from '../platform/auth/request-auth.js';
import { authRoutes } from '../platform/auth/routes.js';
import { sessionCookieName } from '../platform/auth/session-cookie.js';
import type { Config } from '../platform/config.js';
import type { DatabaseHandle } from '../platform/db/database.js';
import { invalid } from '../platform/errors.js';
import '../platform/http/fastify-types.js';
import crowdControl from '../platform/http/crowd-control.js';
import inputGuard from '../platform/http/input-guard.js';
import { buildProblem, frameworkErrorHandler, handleError, sendProblem } from '../platform/http/problem.js';
import { requestIdFrom } from '../platform/http/request-id.js';
import { findUntypedAnswers } from '../platform/http/typed-answers.js';
import { findUnsafeValues } from '../platform/http/validation.js';
import { JobRunner } from '../platform/jobs/runner.js';
import { addressOf } from '../platform/mail/address.js';
import { MailboxReader } from '../platform/mail/mailbox-reader.js';
import { mailRoutes } from '../platform/mail/routes.js';
import { MailSender } from '../platform/mail/sender.js';
import metrics from '../platform/metrics/plugin.js';
import { metricsRoutes } from '../platform/metrics/routes.js';
import { projectFile } from '../platform/project-files.js';
import { validatorCompiler } from './validator.js';

export type AppOptions = {
  config: Config;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** The built web app; omitted in API-only tests. */
  webRoot?: string;
  /** Replaces the measured load signal of load shedding (tests). */
  isUnderPressure?: () => boolean;
};

export const DEFAULT_WEB_ROOT = projectFile('dist', 'web');

/** Builds the Fastify app from the platform plugins and the modules' route plugins. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.RELAIS_LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    bodyLimit: config.RELAIS_BODY_LIMIT_BYTES,
    // Read by genReqId, which vets it: Fastify would take the header as it comes.
    requestIdHeader: false,
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    return503OnClosing: true,
    trustProxy: config.trustProxy as FastifyServerOptions['trustProxy'],
    frameworkErrors: frameworkErrorHandler(config.RELAIS_DEFAULT_LANGUAGE),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Logged, not fatal: the pool drops the connection and opens a new one once the server is back.
  database.onConnectionError?.((error) =>
    app.log.warn({ err: error }, 'database: a connection was ended by the server'),
  );
  app.decorate('db', database.db);
  app.decorate('dialect', database.dialect);
  app.decorate('config', config);
  app.decorate('identities', directoryIdentities);
  app.decorate('routeRecords', []);
  const jobs = new JobRunner(database.db, { log: app.log });
  app.decorate('jobs', jobs);
  // Jobs run once the server listens (an app that never listens, in tests or the CLI, runs them on
  // demand with runDue) and stop before the database closes; an unfinished one goes back to the queue.
  app.addHook('onListen', async () => jobs.start());
  app.addHook('preClose', async () => jobs.stop());
  const mail = {
    sender: new MailSender(database.db, {
      smtpUrl: config.RELAIS_SMTP_URL,
      from: config.RELAIS_MAIL_FROM ?? '',
      log: app.log,
    }),
    mailbox: new MailboxReader(database.db, {
      imapUrl: config.RELAIS_IMAP_URL,
      pollIntervalMs: config.RELAIS_MAIL_POLL_SECONDS * 1000,
      log: app.log,
    }),
  };
  mail.mailbox.handle(
    inquiryMailHandler({
      noteLanguage: config.RELAIS_DEFAULT_LANGUAGE,
      ownAddress: config.RELAIS_MAIL_FROM ? addressOf(config.RELAIS_MAIL_FROM) : null,
    }),
  );
  app.decorate('mail', mail);
  // Like the jobs: mail moves once the server listens (tests call sendDue and pollOnce).
  app.addHook('onListen', async () => {
    mail.sender.start();
    mail.mailbox.start();
  });
  app.addHook('preClose', async () => {
    await Promise.all([mail.sender.stop(), mail.mailbox.stop()]);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(handleError);
  // The API speaks JSON only: without this, a text/plain body reached the routes as a string
  // (a confusing "expected an object" error, or silently accepted where no body is read).
  app.removeContentTypeParser('text/plain');

  app.addHook('onRoute', (route) => {
    if (
      !route.url.startsWith('/api/') ||
      route.url.startsWith('/api/docs') ||
      route.url === '/api/openapi.json'
    )
      return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    const untyped = findUntypedAnswers(route.schema?.response as Record<string, unknown> | undefined);
    if (untyped)
      throw new Error(
        `Route ${route.method} ${route.url} ${untyped}: give each JSON answer a schema (schema.response), or declare what else it produces (nonJsonAnswer)`,
      );
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeRecords.push({ method, url: route.url, access });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('preValidation', async (request) => {
    // Path parameters too: a %00 in a free-text parameter would reach PostgreSQL, which refuses NUL.
    const unsafe = [
      ...findUnsafeValues(request.body, ''),
      ...findUnsafeValues(request.query, 'querystring'),
      ...findUnsafeValues(request.params, 'params'),
    ];
    if (unsafe.length > 0) throw invalid(unsafe);
  });

  // First: a request the input guard refuses is counted too.
  await app.register(metrics);
  await app.register(inputGuard);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its theme variables into a <style> element.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.isHttps ? [] : null,
      },
    },
    hsts: config.isHttps ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(requestAuth);
  await app.register(crowdControl, { isUnderPressure: options.isUnderPressure });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Relais API',
        version: '1',
        description: 'Every screen of Relais uses this API. Errors are RFC 9457 problem documents.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token from `relais token create`' },
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(config) },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true }, config: { access: 'public' } }, async () => ({
    status: 'ok',
  }));
  app.get('/readyz', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) => {
    try {
      await withTimeout(sql`select 1`.execute(app.db), READINESS_TIMEOUT_MS);
      return { status: 'ready', database: app.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: app.dialect });
    }
  });

  await app.register(metricsRoutes);

  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(oidcRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await app.register(mailRoutes, { prefix: '/api/v1' });
  await app.register(directoryRoutes, { prefix: '/api/v1/directory' });
  // /api/v1/knowledge, the public FAQ's API /api/v1/public/faq and its site /faq.
  await app.register(knowledgeModule);
  await app.register(inquiryRoutes, { prefix: '/api/v1/inquiries' });
  // /api/v1/calls, /api/v1/stats/calls and /api/v1/inquiries/:ref/call.
  await app.register(callRoutes, { prefix: '/api/v1' });
  await app.register(helpdeskRoutes, { prefix: '/api/v1/helpdesk' });
  // The public question form: its API, and its pages beside the public FAQ site's.
  await app.register(publicQuestionRoutes, { prefix: '/api/v1/public/questions' });
  await app.register(publicQuestionPages);
  await app.register(workplaceRoutes, { prefix: '/api/v1/workplace' });
  await app.register(teleworkRoutes, { prefix: '/api/v1/telework' });
  await app.register(equipmentRoutes, { prefix: '/api/v1/equipment' });

  await registerWebApp(app, options.webRoot);
  return app;
}

// A load balancer's probe gives up after a second or two: a database that does not answer in time
// is as good as away, whatever the pool's own connection timeout.
const READINESS_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Serves the built single-page app; unknown non-API paths get index.html so deep links work. */
async function registerWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const indexFile = webRoot && path.join(webRoot, 'index.html');
  const hasWeb = Boolean(indexFile && fs.existsSync(indexFile));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot!, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/');
    if (!isApi && hasWeb && request.method === 'GET') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, buildProblem(request, 'http.not_found', 404));
  });
}
