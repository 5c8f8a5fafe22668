import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { clientAddress } from '@/lib/auth/client-address';
import { endSession } from '@/lib/auth/sessions';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { USE_SECURE_COOKIES } from '@/lib/auth/cookies';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-lifetime';

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // Secure, __Secure-/__Host- cookies whenever NEXTAUTH_URL is https; the proxy and sign-in page use the same names.
  useSecureCookies: USE_SECURE_COOKIES,
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
        return outcome.ok ? { id: outcome.userId, sessionId: outcome.sessionId } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // Only ids and the sign-in time live in the token: the server-side session
      // (lib/auth/sessions.ts) is checked and the person reloaded on every request.
      if (user) {
        token.sub = user.id;
        // Started with the sign-in, in its transaction; a user without one gets a token that works nowhere.
        token.sid = user.sessionId;
        token.authTime = Date.now();
        delete token.name;
        delete token.email;
        delete token.picture;
      }
      return token;
    },
    async session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? '' }, sessionId: token.sid, authTime: token.authTime };
    },
  },
  events: {
    // Signing out ends this session on the server too: a copy of the cookie stops working.
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await endSession(token.sid, 'SIGNED_OUT');
    },
  },
};
