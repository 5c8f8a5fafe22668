import 'server-only';
import { authenticate, type SignedIn } from '@/lib/auth/load';
import { logUnavailable, logUnexpected } from '@/lib/http/log';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/lib/http/unavailable';

type SignedInSession = Extract<SignedIn, { user: object }>;

interface RouteOptions {
  /** Whether this request counts as the person being active (a status check does not). */
  touch?: boolean | 'always';
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });

/** A state-changing request must come from a page of this site: a cross-site form or fetch is refused. */
function fromThisSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return request.headers.get('sec-fetch-site') !== 'cross-site';
  try {
    return new URL(origin).host === (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
  } catch {
    return false;
  }
}

/**
 * The one way to write a route handler for signed-in people, as lib/action.ts is
 * for server actions: the session is checked and the person reloaded from the
 * database (401 otherwise), state-changing methods must come from this site
 * (403 otherwise), and anything unexpected is logged and answered with a 500 that
 * says nothing (503 when the database could not serve). Permission checks on the specific record are the handler's, with
 * `can()`, as in every page.
 */
export function signedInRoute(handler: (request: Request, session: SignedInSession) => Promise<Response>, { touch = true }: RouteOptions = {}) {
  return async (request: Request): Promise<Response> => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD' && !fromThisSite(request)) return json({ error: 'Forbidden' }, 403);
      const session = await authenticate({ touch });
      if (!session.user) return json({ signedIn: false, reason: session.ended }, 401);
      return await handler(request, session);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        logUnavailable(error, { kind: 'route', name: new URL(request.url).pathname, method: request.method });
        return new Response(JSON.stringify({ error: 'Service unavailable' }), { status: 503, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) } });
      }
      logUnexpected(error, { kind: 'route', name: new URL(request.url).pathname, method: request.method });
      return json({ error: 'Something went wrong' }, 500);
    }
  };
}

export { json };
