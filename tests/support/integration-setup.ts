// Runs before every integration test file, inside its own database (see
// database-environment.js). Only the session cookie is faked; the database,
// Prisma, permissions and password hashing are real.
import { disconnectDb } from '@/lib/db';
import { resetRevalidatedPaths } from './next-cache';
import { signInAs } from './session';

jest.mock('@/lib/auth/session', () => {
  const { currentTestSession } = jest.requireActual<typeof import('./session')>('./session');
  return {
    readSession: async () => currentTestSession(),
  };
});

beforeEach(() => {
  signInAs(null);
  resetRevalidatedPaths();
});

afterAll(async () => {
  await disconnectDb();
});
