import type { AuditActor } from '../audit/audit.js';
import type { Identity, IdentitySource } from '../auth/identity.js';
import type { RouteAccess } from '../auth/permissions.js';
import type { ActiveSession } from '../auth/sessions.js';
import type { Config } from '../config.js';
import type { AnyDb, Dialect } from '../db/database.js';
import type { Language } from '../i18n/i18n.js';
import type { JobRunner } from '../jobs/runner.js';
import type { MailboxReader } from '../mail/mailbox-reader.js';
import type { MailSender } from '../mail/sender.js';
import type { BODY_LIMITS } from './input-limits.js';

export type RouteRecord = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: every route under /api declares it (checked at start). */
    access?: RouteAccess;
    /** The shape a JSON body may have on this route, where it differs from input-limits.ts. */
    bodyLimits?: Partial<typeof BODY_LIMITS>;
  }
  interface FastifyInstance {
    db: AnyDb;
    dialect: Dialect;
    config: Config;
    identities: IdentitySource;
    /** Every API route with its declared access, for the permission matrix and the docs. */
    routeRecords: RouteRecord[];
    /** This instance's background job runner: modules register their job kinds on it. */
    jobs: JobRunner;
    /** This instance's outbox sender and crisis-mailbox reader (each idle when not configured). */
    mail: { sender: MailSender; mailbox: MailboxReader };
  }
  interface FastifyRequest {
    identity: Identity | null;
    session: ActiveSession | null;
    authMethod: 'session' | 'token' | null;
    language: Language;
    /** The audit actor of this request. */
    actor: AuditActor;
  }
}
