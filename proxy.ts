import { withAuth } from 'next-auth/middleware';

/**
 * Sessions end 8 hours after sign-in. The same rule as sessionIsCurrent() in
 * lib/auth/session.ts (SESSION_MAX_AGE_SECONDS in lib/auth/options.ts), repeated
 * here because importing either module pulls next-auth's server code, Prisma and
 * argon2 into the proxy bundle.
 */
const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;

function sessionIsCurrent(authTime: unknown, now = Date.now()): boolean {
  return typeof authTime === 'number' && now - authTime < SESSION_MAX_AGE_MS && authTime <= now + 60_000;
}

/**
 * Defence in depth: a request without a current session token goes to the
 * sign-in page before any page renders. Pages, server actions and route handlers
 * still load the person from the database and check permissions themselves;
 * this only reads the signed JWT.
 */
export default withAuth({
  callbacks: { authorized: ({ token }) => !!token && sessionIsCurrent(token.authTime) },
  pages: { signIn: '/sign-in' },
});

export const config = {
  // Everything except the sign-in and set-password pages, next-auth's own routes,
  // Next's assets and the NHS design system files.
  matcher: ['/((?!sign-in(?:/|$)|set-password/|api/auth/|_next/|nhsuk/|favicon\\.ico$).*)'],
};
