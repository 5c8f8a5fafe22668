import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    /** The server-side session the sign-in started (lib/auth/sign-in.ts). */
    sessionId?: string;
  }
  interface Session {
    user: { id: string };
    sessionId?: string;
    authTime?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    authTime?: number;
  }
}
