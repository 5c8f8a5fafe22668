import { withAuth } from 'next-auth/middleware';
import { sessionIsCurrent } from '@/lib/auth/session-lifetime';

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
