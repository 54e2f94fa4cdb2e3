import path from 'node:path';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

/** Environment variables Relais reads, with their defaults; validated once at start. */
const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  RELAIS_DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  RELAIS_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  RELAIS_DEFAULT_LANGUAGE: Type.Union([Type.Literal('fr'), Type.Literal('nl'), Type.Literal('en')], {
    default: 'fr',
  }),
  RELAIS_LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  RELAIS_SESSION_IDLE_MINUTES: Type.Integer({ minimum: 5, maximum: 7 * 24 * 60, default: 120 }),
  RELAIS_SESSION_MAX_HOURS: Type.Integer({ minimum: 1, maximum: 30 * 24, default: 12 }),
  RELAIS_SESSION_CACHE_SECONDS: Type.Integer({ minimum: 0, maximum: 60, default: 5 }),
  RELAIS_BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024, default: 1024 * 1024 }),
  RELAIS_TRUST_PROXY: Type.Optional(
    Type.String({
      pattern: '^(true|false|[0-9]+|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$',
      description:
        "behind a reverse proxy: true, a hop count, or the proxies' addresses/CIDRs, comma-separated",
    }),
  ),
  // Crowd control (issue 10, point 6): requests per minute and per address on the public routes
  // (public FAQ and its search, single sign-on) and on password login; 0 turns a limit off. Load
  // shedding refuses anonymous public requests (503) while the event loop lags more than this
  // mean delay; 0 turns it off.
  RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 600 }),
  RELAIS_RATE_LIMIT_LOGIN_PER_MINUTE: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 300 }),
  RELAIS_SHED_EVENT_LOOP_DELAY_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 100 }),
  // The public question form: questions per address in a window of so many minutes (0 turns the
  // limit off); "yes, this answered me" counts are limited to four times as many in the same window.
  RELAIS_PUBLIC_QUESTIONS_PER_WINDOW: Type.Integer({ minimum: 0, maximum: 100_000, default: 5 }),
  RELAIS_PUBLIC_QUESTIONS_WINDOW_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 10 }),
  // Closed inquiries keep the person's identity and words this long, then are anonymised.
  RELAIS_INQUIRY_RETENTION_DAYS: Type.Integer({ minimum: 30, maximum: 3650, default: 730 }),
  // The call center's service level: the share of the calls received answered within this many seconds.
  RELAIS_CALLS_SERVICE_LEVEL_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 20 }),
  // The crisis mailbox: answers go out over SMTP, mails come in over IMAP. Without SMTP, mails wait
  // queued in the outbox; without IMAP, no mailbox is read.
  RELAIS_SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://[^\\s]+$' })),
  RELAIS_MAIL_FROM: Type.Optional(Type.String({ minLength: 3, pattern: '@' })),
  RELAIS_IMAP_URL: Type.Optional(Type.String({ pattern: '^imaps?://[^\\s]+$' })),
  RELAIS_MAIL_POLL_SECONDS: Type.Integer({ minimum: 5, maximum: 3600, default: 60 }),
  RELAIS_SEED_DEMO: Type.Union([Type.Literal('auto'), Type.Literal('never')], { default: 'auto' }),
  OIDC_ISSUER: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_USERNAME_CLAIM: Type.String({ minLength: 1, default: 'preferred_username' }),
  OIDC_LABEL: Type.String({ minLength: 1, default: 'OpenID Connect' }),
});

/** The names of every environment variable Relais reads (the CLI's help lists them). */
export const CONFIG_KEYS: readonly string[] = Object.keys(ConfigSchema.properties);

type RawConfig = Static<typeof ConfigSchema>;

export type Config = RawConfig & {
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe (client IPs for throttling and audit). */
  trustProxy: boolean | number | string;
  /** Absolute path of the data directory. */
  dataDir: string;
  /** Absolute path of the SQLite file, or undefined on PostgreSQL. */
  sqliteFile: string | undefined;
  publicUrl: string;
  isHttps: boolean;
};

export class ConfigError extends Error {}

const NUMERIC_KEYS = new Set([
  'PORT',
  'RELAIS_SESSION_IDLE_MINUTES',
  'RELAIS_SESSION_MAX_HOURS',
  'RELAIS_SESSION_CACHE_SECONDS',
  'RELAIS_BODY_LIMIT_BYTES',
  'RELAIS_INQUIRY_RETENTION_DAYS',
  'RELAIS_CALLS_SERVICE_LEVEL_SECONDS',
  'RELAIS_MAIL_POLL_SECONDS',
  'RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE',
  'RELAIS_RATE_LIMIT_LOGIN_PER_MINUTE',
  'RELAIS_SHED_EVENT_LOOP_DELAY_MS',
  'RELAIS_PUBLIC_QUESTIONS_PER_WINDOW',
  'RELAIS_PUBLIC_QUESTIONS_WINDOW_MINUTES',
]);

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] = NUMERIC_KEYS.has(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  const withDefaults = Value.Default(ConfigSchema, raw);
  const firstError = Value.Errors(ConfigSchema, withDefaults)[0];
  if (firstError) {
    const key =
      firstError.instancePath.replace(/^\//, '') ||
      String(firstError.params && Object.values(firstError.params)[0]);
    const allowed = (ConfigSchema.properties as Record<string, { anyOf?: { const: string }[] }>)[key]?.anyOf;
    const reason = allowed ? `must be one of ${allowed.map((a) => a.const).join(', ')}` : firstError.message;
    throw new ConfigError(`Invalid configuration: ${key}=${JSON.stringify(env[key] ?? '')} ${reason}`);
  }
  const config = withDefaults as RawConfig;
  if (Boolean(config.OIDC_ISSUER) !== Boolean(config.OIDC_CLIENT_ID)) {
    throw new ConfigError('Invalid configuration: OIDC_ISSUER and OIDC_CLIENT_ID must be set together');
  }
  if (config.RELAIS_SMTP_URL && !config.RELAIS_MAIL_FROM) {
    throw new ConfigError('Invalid configuration: RELAIS_MAIL_FROM must be set with RELAIS_SMTP_URL');
  }
  const dataDir = path.resolve(config.RELAIS_DATA_DIR);
  const publicUrl = (config.RELAIS_PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');
  return {
    ...config,
    trustProxy: parseTrustProxy(config.RELAIS_TRUST_PROXY),
    dataDir,
    sqliteFile: config.DATABASE_URL ? undefined : path.join(dataDir, 'relais.sqlite'),
    publicUrl,
    isHttps: publicUrl.startsWith('https://'),
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  return /^[0-9]+$/.test(value) ? Number(value) : value;
}
