import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { isAcceptableAuthCallbackUrl, originOf } from '@/lib/auth/callback-url';
import {
  SIGN_IN_EMAIL_MAX_AGE_SECONDS,
  USE_SECURE_COOKIES,
  authCookieNames,
  authCookieOptions,
  createCsrfCookieValue,
  verifiedCsrfToken,
} from '@/lib/auth/cookies';
import { sessionIsCurrent } from '@/lib/auth/session-lifetime';
import { identityProviderConfig } from '@/lib/auth/identity-provider';
import { createNonce, securityHeaders } from '@/lib/http/security-headers';

/**
 * In front of every page and route (not Next's static files or the NHS assets):
 *
 * 1. Refuses requests that would otherwise end in a 500: undecodable or NUL-carrying
 *    addresses, posts from another site, next-auth requests with a callbackUrl it
 *    cannot parse, GETs of the credentials callback (found by the Wapiti scanner), and
 *    bodies over 1 MB anywhere but the people import's upload.
 * 2. Defence in depth: a request without a current session token goes to the
 *    sign-in page before any page renders, except the sign-in and set-password
 *    pages and next-auth's own routes. Pages, server actions and route handlers
 *    still load the person from the database and check permissions themselves;
 *    this only reads the signed JWT.
 * 3. Gives every response a Content-Security-Policy with a fresh nonce (and HSTS
 *    over https), and tells the app the nonce (`x-nonce`) and the address asked
 *    for (`x-request-path`, e.g. "/teams/abc?page=2").
 * 4. Makes sure the sign-in page has next-auth's CSRF cookie, so its form works
 *    as a plain HTML post without JavaScript.
 */

const SIGN_IN_PAGE = '/sign-in';
const PUBLIC_PATHS = /^\/(?:sign-in(?:\/|$)|set-password\/|api\/auth\/|healthz$|readyz$)/u;
const CREDENTIALS_CALLBACK = '/api/auth/callback/credentials';
const SITE_ORIGIN = originOf(process.env.NEXTAUTH_URL);
const SITE_HOST = SITE_ORIGIN ? new URL(SITE_ORIGIN).host : undefined;
const cookieNames = authCookieNames(USE_SECURE_COOKIES);
/** The identity provider's origin, when one is configured: the sign-in page's button is redirected there. */
const IDENTITY_PROVIDER_ORIGIN = originOf(identityProviderConfig()?.issuer);
const cookieOptions = authCookieOptions(USE_SECURE_COOKIES);

function authSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
}

/** "%ZZ" or a NUL byte anywhere in the address: Next answers 500, PostgreSQL refuses NUL. */
function isMalformedAddress(pathname: string, search: string): boolean {
  if (/%00/iu.test(pathname) || /%00/iu.test(search) || pathname.includes('\0')) return true;
  try {
    decodeURIComponent(pathname);
    decodeURIComponent(search.replace(/\+/gu, ' '));
    return false;
  } catch {
    return true;
  }
}

/**
 * A post from another site (a forged form, or "Origin: null"). Next aborts such a
 * server action with a 500 and next-auth refuses it by its CSRF token; answer 403
 * before either. Same rule as Next's: the Origin's host must be the request's host
 * (or NEXTAUTH_URL's). Requests without Origin (not from a browser) go on to those checks.
 */
function isCrossSitePost(request: NextRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const originHost = originOf(origin) ? new URL(origin).host : null;
  const requestHost = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  return originHost === null || (originHost !== requestHost && originHost !== SITE_HOST);
}

/** The form fields of a next-auth post (a clone: the route handler reads the body again). */
async function authRequestBody(request: NextRequest): Promise<Record<string, unknown>> {
  if (request.method !== 'POST') return {};
  const contentType = request.headers.get('content-type') ?? '';
  try {
    if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(await request.clone().text()));
    if (contentType.includes('application/json')) {
      const body: unknown = await request.clone().json();
      return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    }
  } catch {
    // An unreadable body is next-auth's to refuse.
  }
  return {};
}

/** Next's own limit for a server action's body; only the people import's upload may send more (next.config.js). */
const MAX_BODY_BYTES = 1024 * 1024;
const LARGE_BODY_PATHS = /^\/people\/import\/?$/u;

/**
 * A body larger than any form here sends, except a staff list on its way to
 * the import; or one of unknown length (chunked), which browsers never send
 * for a form and which would otherwise be read up to the actions' 60 MB.
 */
function isOversizedBody(request: NextRequest, pathname: string): boolean {
  const declared = request.headers.get('content-length');
  if (declared === null) return request.headers.has('transfer-encoding');
  const length = Number(declared);
  return !Number.isFinite(length) || (length > MAX_BODY_BYTES && !LARGE_BODY_PATHS.test(pathname));
}

function refuse(status: 400 | 403 | 404 | 413, message: string): NextResponse {
  return new NextResponse(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** The address as the person sees it: path and query, without Next's `_rsc` cache-buster. */
function requestPath(request: NextRequest): string {
  const { pathname, search, searchParams } = request.nextUrl;
  if (!searchParams.has('_rsc')) return `${pathname}${search}`;
  const query = new URLSearchParams(searchParams);
  query.delete('_rsc');
  return `${pathname}${query.size > 0 ? `?${query}` : ''}`;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const secret = authSecret();
  const nonce = createNonce();
  const headers = securityHeaders({ nonce, https: USE_SECURE_COOKIES, development: process.env.NODE_ENV === 'development', nextAuthPage: pathname.startsWith('/api/auth/'),
    formActionOrigins: pathname === SIGN_IN_PAGE && IDENTITY_PROVIDER_ORIGIN ? [IDENTITY_PROVIDER_ORIGIN] : [],
  });
  const respond = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (isMalformedAddress(pathname, search)) return respond(refuse(400, 'Bad request: the address is not valid.'));
  if (isCrossSitePost(request)) return respond(refuse(403, 'Forbidden: this form was sent from another site.'));
  if (isOversizedBody(request, pathname)) return respond(refuse(413, 'Too large: this form sends at most 1 MB.'));

  // next-auth's callback-url cookie is read on every session check: one it cannot parse would fail every page.
  const callbackCookie = request.cookies.get(cookieNames.callbackUrl)?.value;
  const dropCallbackCookie = callbackCookie !== undefined && !isAcceptableAuthCallbackUrl(callbackCookie);
  if (dropCallbackCookie) request.cookies.delete(cookieNames.callbackUrl);

  let signInEmail: string | undefined;
  if (pathname.startsWith('/api/auth/')) {
    // next-auth handles only POST here, and answers anything else with a 500.
    if (pathname === CREDENTIALS_CALLBACK && request.method !== 'POST') return respond(refuse(404, 'Not found.'));
    const body = await authRequestBody(request);
    const callbackUrl = body.callbackUrl ?? request.nextUrl.searchParams.get('callbackUrl') ?? undefined;
    if (callbackUrl !== undefined && !isAcceptableAuthCallbackUrl(callbackUrl)) return respond(refuse(400, 'Bad request: the callbackUrl is not valid.'));
    // A plain form post (no JavaScript: next-auth/react sends json=true): keep the email for the sign-in page to show again if it fails.
    if (pathname === CREDENTIALS_CALLBACK && body.json !== 'true' && typeof body.email === 'string' && /^[^\s<>]{1,320}$/u.test(body.email.trim())) {
      signInEmail = body.email.trim();
    }
  } else if (!PUBLIC_PATHS.test(pathname)) {
    const token = secret ? await getToken({ req: request, secret, secureCookie: USE_SECURE_COOKIES }) : null;
    if (!token || !sessionIsCurrent(token.authTime)) {
      // NEXTAUTH_URL's origin, as next-auth's own redirects use: not the Host header, which a client chooses.
      const signInUrl = new URL(SIGN_IN_PAGE, SITE_ORIGIN ?? request.nextUrl.origin);
      signInUrl.searchParams.set('callbackUrl', requestPath(request));
      return respond(NextResponse.redirect(signInUrl));
    }
  }

  // The sign-in form posts straight to next-auth, which needs its double-submit CSRF cookie to exist already.
  let csrfCookieValue: string | undefined;
  let forgetSignInEmail = false;
  if (pathname === SIGN_IN_PAGE && request.method === 'GET') {
    const existing = request.cookies.get(cookieNames.csrfToken)?.value;
    if (secret && !(await verifiedCsrfToken(existing, secret))) {
      csrfCookieValue = (await createCsrfCookieValue(secret)).cookieValue;
      request.cookies.set(cookieNames.csrfToken, csrfCookieValue);
    }
    // The typed email is for the page straight after a failed attempt, not for a later visit.
    forgetSignInEmail = !request.nextUrl.searchParams.has('error') && request.cookies.has(cookieNames.signInEmail);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-request-path', requestPath(request));
  // Next takes the nonce for its own scripts from the request's policy.
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  if (csrfCookieValue) response.cookies.set(cookieNames.csrfToken, csrfCookieValue, cookieOptions);
  if (dropCallbackCookie) response.cookies.set(cookieNames.callbackUrl, '', { ...cookieOptions, maxAge: 0 });
  if (forgetSignInEmail) response.cookies.set(cookieNames.signInEmail, '', { ...cookieOptions, path: SIGN_IN_PAGE, maxAge: 0 });
  if (signInEmail) response.cookies.set(cookieNames.signInEmail, signInEmail, { ...cookieOptions, path: SIGN_IN_PAGE, maxAge: SIGN_IN_EMAIL_MAX_AGE_SECONDS });
  return respond(response);
}

export const config = {
  // Everything except Next's assets and the NHS design system files.
  matcher: ['/((?!_next/|nhsuk/|favicon\\.ico$).*)'],
};
