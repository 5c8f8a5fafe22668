import type { Instrumentation } from 'next';

/**
 * Unexpected errors in pages and route handlers, as one JSON line each
 * (lib/http/log.ts): the request id is Next's digest, which the 500 page shows
 * as the reference, so a person's report finds its line. The path is logged
 * without its query string, which can carry what someone searched for.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logUnexpected } = await import('@/lib/http/log');
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? String((error as { digest: unknown }).digest) : undefined;
  logUnexpected(error, { kind: context.routeType === 'route' ? 'route' : 'page', name: context.routePath, requestId: digest, method: request.method });
};
