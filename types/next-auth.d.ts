import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
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
