// Who the tests are signed in as. tests/support/integration-setup.ts replaces
// lib/auth/session with a version that reads this, so everything after the
// session cookie (reloading the person from the database, permissions) is real.
import type { SessionClaims } from '@/lib/auth/session';

const state = globalThis as unknown as { peerrolesTestSession?: SessionClaims | null };

/** Signs in as this person for the calls that follow; null signs out. */
export function signInAs(user: string | { id: string } | null): void {
  state.peerrolesTestSession = user === null ? null : { userId: typeof user === 'string' ? user : user.id, authTime: Date.now() };
}

export function signOut(): void {
  signInAs(null);
}

/** What readSession() returns while signed in as someone, or null. */
export function currentTestSession(): SessionClaims | null {
  return state.peerrolesTestSession ?? null;
}
