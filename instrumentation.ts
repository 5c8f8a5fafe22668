import type { Instrumentation } from 'next';
import { isDatabaseUnavailable } from '@/lib/http/unavailable';

/** server.mjs's per-request id header and its hook (lib/http/service-unavailable.mjs): absent under `next dev` without server.mjs and in tests. */
const REQUEST_ID_HEADER = 'x-peerroles-request';
const MARK = Symbol.for('peerroles.markDatabaseUnavailable');

/**
 * Next prints every page error in full on stderr, message included, and a
 * database error's message can quote the data that caused it. onRequestError
 * below writes the one JSON line that replaces it, so errors Next has given a
 * digest (the ones it reports there) are not printed again.
 */
export function register() {
  // In development the full error is what the developer needs, and the data is their own.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.some((arg) => arg instanceof Error && typeof (arg as { digest?: unknown }).digest === 'string')) return;
    print(...args);
  };
}

/**
 * Unexpected errors in pages and route handlers, as one JSON line each
 * (lib/http/log.ts): the request id is Next's digest, which the 500 page shows
 * as the reference, so a person's report finds its line. The path is logged
 * without its query string, which can carry what someone searched for.
 *
 * An error that means the database could not serve is marked on the request,
 * at once (before Next writes its 500), so server.mjs answers with the 503 page
 * instead; its reference is server.mjs's request id.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const unavailable = isDatabaseUnavailable(error);
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = typeof header === 'string' ? header : undefined;
  if (unavailable && requestId) (globalThis as unknown as Record<symbol, ((id: string) => void) | undefined>)[MARK]?.(requestId);
  const { logUnavailable, logUnexpected } = await import('@/lib/http/log');
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? String((error as { digest: unknown }).digest) : undefined;
  const where = { kind: context.routeType === 'route' ? ('route' as const) : ('page' as const), name: context.routePath, method: request.method };
  if (unavailable) logUnavailable(error, { ...where, requestId: requestId ?? digest });
  else logUnexpected(error, { ...where, requestId: digest });
};
