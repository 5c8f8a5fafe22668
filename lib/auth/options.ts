import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/auth/client-address';
import { identityProvider, identityProviderConfig, IDENTITY_PROVIDER_ID, type IdentityProviderConfig, type IdTokenClaims } from '@/lib/auth/identity-provider';
import { signInThroughIdentityProvider } from '@/lib/auth/identity-provider-sign-in';
import { endSession } from '@/lib/auth/sessions';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { USE_SECURE_COOKIES } from '@/lib/auth/cookies';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-lifetime';

/** The address of the request being handled, for the sign-in counters; 'unknown' outside one (tests). */
async function requestAddress(): Promise<string> {
  try {
    return clientAddress(await headers());
  } catch {
    return 'unknown';
  }
}

/** The sign-in page, saying why (lib/auth/identity-provider-messages.ts), at NEXTAUTH_URL's origin as next-auth's own redirects are. */
function refusedTo(code: string): string {
  const url = new URL('/sign-in', process.env.NEXTAUTH_URL ?? 'http://localhost:3000');
  url.searchParams.set('error', code);
  return url.toString();
}

/**
 * next-auth's options: password sign-in, and the organisation's identity
 * provider when it is configured (lib/auth/identity-provider.ts). Both start a
 * server-side session in their own transaction and put only its id in the token.
 */
export function buildAuthOptions(provider: IdentityProviderConfig | null = identityProviderConfig()): NextAuthOptions {
  return {
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
          const outcome = await attemptSignIn({ email, password, ipAddress: clientAddress(request?.headers), identityProviderAvailable: provider !== null });
          // next-auth sends a thrown error's message to the sign-in page as ?error=.
          if (!outcome.ok && outcome.reason === 'identity-provider-required') throw new Error('IdentityProviderRequired');
          return outcome.ok ? { id: outcome.userId, sessionId: outcome.sessionId } : null;
        },
      }),
      ...(provider ? [identityProvider(provider)] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== IDENTITY_PROVIDER_ID) return true;
        // profile: the id_token's claims, already verified by openid-client (signature, issuer, audience, expiry).
        const outcome = await signInThroughIdentityProvider(profile as unknown as IdTokenClaims, { ipAddress: await requestAddress() });
        if (!outcome.ok) return refusedTo(outcome.reason);
        // next-auth hands this same object to the jwt callback below: the person's id and the session, not the provider's.
        user.id = outcome.userId;
        user.sessionId = outcome.sessionId;
        return true;
      },
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
}

export const authOptions: NextAuthOptions = buildAuthOptions();
