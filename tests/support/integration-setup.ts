// Runs before every integration test file, inside its own database (see
// database-environment.js). Only the session cookie is faked; the server-side
// session, the database, Prisma, permissions and password hashing are real.
import { disconnectDb } from '@/lib/db';
import { resetRevalidatedPaths } from './next-cache';
import { signInAs } from './session';

jest.mock('@/lib/auth/session', () => {
  const { currentTestSession } = jest.requireActual<typeof import('./session')>('./session');
  const { db } = jest.requireActual<typeof import('@/lib/db')>('@/lib/db');
  // The sign-in that made the cookie would have started its session: start it the
  // first time the cookie is read, and never again (an ended session stays ended).
  const started = new Map<string, Promise<unknown>>();
  return {
    readSession: async () => {
      const claims = currentTestSession();
      if (claims && /^[0-9a-f-]{36}$/iu.test(claims.userId)) {
        if (!started.has(claims.sessionId)) {
          started.set(claims.sessionId, db.$executeRaw`INSERT INTO "UserSession" (id, "userId") SELECT ${claims.sessionId}::uuid, id FROM "User" WHERE id = ${claims.userId}::uuid ON CONFLICT DO NOTHING`);
        }
        await started.get(claims.sessionId);
      }
      return claims;
    },
  };
});

beforeEach(() => {
  signInAs(null);
  resetRevalidatedPaths();
});

afterAll(async () => {
  await disconnectDb();
});
