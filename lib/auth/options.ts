import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { attemptSignIn } from '@/lib/auth/sign-in';

import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-lifetime';

/**
 * The client address for brute-force counting. Next's server and any load
 * balancer append to X-Forwarded-For; the last entry is the one added by the
 * nearest hop, which a client cannot forge.
 */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const value = Array.isArray(forwarded) ? forwarded.join(',') : typeof forwarded === 'string' ? forwarded : '';
  const hops = value.split(',').map((hop) => hop.trim()).filter(Boolean);
  return hops.at(-1) ?? 'unknown';
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email address', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === 'string' ? credentials.email : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        if (!email || !password || password.length > 1024) return null;
        const outcome = await attemptSignIn({ email, password, ipAddress: clientAddress(request?.headers) });
        return outcome.ok ? { id: outcome.userId } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // Only the id and the sign-in time live in the token; name, roles and
      // memberships are reloaded from the database on every request.
      if (user) {
        token.sub = user.id;
        token.authTime = Date.now();
        delete token.name;
        delete token.email;
        delete token.picture;
      }
      return token;
    },
    async session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? '' }, authTime: token.authTime };
    },
  },
};
