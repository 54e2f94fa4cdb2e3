/**
 * The environment variables, for `relais --help` and `relais serve --help`. platform/config.ts is
 * where they are read and validated; a test checks that this list names every one of them.
 */
export const ENVIRONMENT_HELP = `
Environment (see README):
  PORT, HOST                    where to listen (default 8080 on 127.0.0.1)
  RELAIS_DATA_DIR               data directory, holds the SQLite database (default ./data)
  DATABASE_URL                  postgres://… to use PostgreSQL instead of SQLite
  RELAIS_PUBLIC_URL             the address users open (https://… turns on secure cookies)
  RELAIS_DEFAULT_LANGUAGE       fr, nl or en (default fr)
  RELAIS_LOG_LEVEL              fatal, error, warn, info, debug, trace or silent (default info)
  RELAIS_SESSION_IDLE_MINUTES   session idle timeout (default 120)
  RELAIS_SESSION_MAX_HOURS      session absolute lifetime (default 12)
  RELAIS_SESSION_CACHE_SECONDS  how long an instance trusts a session it checked (default 5, 0 = off)
  RELAIS_BODY_LIMIT_BYTES       largest request body (default 1 MiB)
  RELAIS_TRUST_PROXY            behind a reverse proxy: true, a hop count, or the proxies' addresses
  RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE  anonymous requests per minute and address on the public FAQ (default 600, 0 = off)
  RELAIS_RATE_LIMIT_LOGIN_PER_MINUTE   login requests per minute and address (default 300, 0 = off)
  RELAIS_SHED_EVENT_LOOP_DELAY_MS      refuse anonymous public requests (503) while the event loop lags more (default 100, 0 = off)
  RELAIS_PUBLIC_QUESTIONS_PER_WINDOW     questions per address on the public form in the window (default 5, 0 = off)
  RELAIS_PUBLIC_QUESTIONS_WINDOW_MINUTES that window, in minutes (default 10)
  RELAIS_INQUIRY_RETENTION_DAYS closed inquiries are anonymised after this many days (default 730)
  RELAIS_CALLS_SERVICE_LEVEL_SECONDS  the call center's service level: calls answered within this many seconds (default 20)
  RELAIS_SMTP_URL               smtp://user:pass@host:port (smtps:// for TLS): mail goes out; without it mails stay queued
  RELAIS_MAIL_FROM              the sender of outgoing mail, e.g. "Relais <crisis@relais.example>" (required with SMTP)
  RELAIS_IMAP_URL               imap://user:pass@host:port/INBOX (imaps:// for TLS): the crisis mailbox read for inquiries
  RELAIS_MAIL_POLL_SECONDS      how often the mailbox is read (default 60)
  RELAIS_SEED_DEMO              auto (demo data on a first start with an empty SQLite database) or never
  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_USERNAME_CLAIM, OIDC_LABEL
                                single sign-on with OpenID Connect (issuer and client id together)`;
