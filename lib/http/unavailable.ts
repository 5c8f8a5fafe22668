/**
 * Whether an error means the database could not serve at all: unreachable,
 * restarting, out of connections, or a query stopped at its time limit (a slow
 * query holding every connection). Such a request is answered with the 503 page
 * ("Sorry, the service is unavailable", server.mjs) and a form says that nothing
 * was saved; any other error is a fault, answered with the 500 page.
 *
 * Errors arrive in several shapes: Prisma's (a code, and the driver adapter's
 * error in `meta`), the adapter's own (`cause.kind`), and node-postgres's (a
 * PostgreSQL code, or only a message for its pool's own timeouts).
 */
/** What a 503 asks clients to wait before trying again. */
export const RETRY_AFTER_SECONDS = 30;

const PRISMA_CODES = new Set([
  'P1001', // cannot reach the database server
  'P1002', // reached it, but it timed out
  'P1008', // operation timed out
  'P1017', // the server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'P2028', // a transaction could not start in time (every connection busy)
]);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const POSTGRES_CODES = new Set([
  '57P01', // admin_shutdown: the server is restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: still starting up
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout
]);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
const NODE_POSTGRES_MESSAGES = /^(?:timeout exceeded when trying to connect|Connection terminated(?: unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable)$/u;

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const code = field(error, 'code');
  if (typeof code === 'string') {
    if (PRISMA_CODES.has(code) || POSTGRES_CODES.has(code) || SOCKET_CODES.has(code)) return true;
    // An SQLSTATE of class 08 is a connection exception.
    if (/^08[0-9A-Z]{3}$/u.test(code)) return true;
  }
  const kind = field(error, 'kind');
  if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true;
  const originalCode = field(error, 'originalCode');
  if (typeof originalCode === 'string' && POSTGRES_CODES.has(originalCode)) return true;
  const message = error instanceof Error ? error.message.trim() : undefined;
  if (message && NODE_POSTGRES_MESSAGES.test(message)) return true;
  return [field(error, 'cause'), field(field(error, 'meta'), 'driverAdapterError')].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
