// Who the tests are signed in as. tests/support/integration-setup.ts replaces
// lib/auth/session with a version that reads this, so everything after the
// session cookie (the server-side session, reloading the person from the
// database, permissions) is real.
import { randomUUID } from 'node:crypto';
import type { SessionClaims } from '@/lib/auth/session';

const state = globalThis as unknown as { peerrolesTestSession?: SessionClaims | null };

/** Signs in as this person for the calls that follow, in a new session; null signs out. */
export function signInAs(user: string | { id: string } | null): SessionClaims | null {
  state.peerrolesTestSession = user === null ? null : { userId: typeof user === 'string' ? user : user.id, sessionId: randomUUID(), authTime: Date.now() };
  return state.peerrolesTestSession;
}

/** Carries on in a session signed in earlier (another browser of the same person). */
export function continueSession(claims: SessionClaims | null): void {
  state.peerrolesTestSession = claims;
}

export function signOut(): void {
  signInAs(null);
}

/** What the session cookie would claim while signed in as someone, or null. */
export function currentTestSession(): SessionClaims | null {
  return state.peerrolesTestSession ?? null;
}
