/**
 * How long a caller is told to wait before trying again while the database is away (Retry-After).
 * A PostgreSQL restart or failover takes seconds; a pool connection attempt gives up after
 * CONNECT_TIMEOUT_MS, so asking sooner would mostly meet the same outage.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// SQLSTATE class 08 (connection exception) and class 57P (the server is shutting down, crashed or
// still starting); 53300 is "too many connections", which passes once other clients let go.
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-4]|53300)$/;

// What the socket says when the server is gone or unreachable.
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// node-postgres and its pool report a lost or unobtainable connection with a bare Error, no code.
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/**
 * Whether an error means "the database cannot be reached or will not take this now", as opposed to
 * a fault of the request or of Relais: PostgreSQL restarting, a connection terminated by an
 * administrator or a failover, a pool that could not connect in time, or SQLite still locked by
 * another writer after the busy timeout. Such a request changed nothing (its transaction was rolled
 * back with the connection) and may simply be sent again.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code)) return true;
    // SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT…).
    if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) return true;
  }
  if (UNAVAILABLE_MESSAGE.test(error.message)) return true;
  // A connection attempt to a host with several addresses fails with one error per address.
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1)))
    return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}
