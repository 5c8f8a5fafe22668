// Issue 6, part 3: every way a session ends, on real PostgreSQL. The cookie is
// faked (decision 0007); the server-side session behind it is real, so each test
// signs in, ends the session one way, and checks that the next request from that
// cookie is refused while the person's other sessions behave as they should.
import { changeMyPassword, endMyOtherSessions, setPasswordFromInvitation, updateMyName } from '@/lib/account/actions';
import { authenticate, getCurrentUser } from '@/lib/auth/load';
import { authOptions } from '@/lib/auth/options';
import { SESSION_IDLE_MS, SESSION_MAX_AGE_SECONDS, SESSION_TOUCH_INTERVAL_MS } from '@/lib/auth/session-lifetime';
import { checkSession, startSession } from '@/lib/auth/sessions';
import { accountLockedUntil, attemptSignIn, MAX_FAILED_ATTEMPTS } from '@/lib/auth/sign-in';
import { db } from '@/lib/db';
import { addMembership, createInvitation, createTeam, createUser, hashOfTestPassword, TEST_PASSWORD } from '../factories';
import { disablePerson, enablePerson, endPersonSessions, unlockSignIn } from '@/lib/people/actions';
import { signInAs, continueSession } from '../support/session';

const NEW_PASSWORD = 'blue kettle on the windowsill';
const MINUTE = 60_000;

/** A request from this browser: succeeds while its session is current. */
async function requestSucceeds(claims: ReturnType<typeof signInAs>): Promise<boolean> {
  continueSession(claims);
  return (await getCurrentUser()) !== null;
}

/** Two browsers signed in as one person, both used once (so their sessions exist). */
async function signedInTwice(options: Parameters<typeof createUser>[0] = {}) {
  const person = await createUser({ passwordHash: await hashOfTestPassword(), ...options });
  const here = signInAs(person);
  expect(await requestSucceeds(here)).toBe(true);
  const elsewhere = signInAs(person);
  expect(await requestSucceeds(elsewhere)).toBe(true);
  return { person, here, elsewhere };
}

const reasonsOf = async (userId: string) =>
  (await db.userSession.findMany({ where: { userId }, select: { endedReason: true } })).map((session) => session.endedReason).sort();

describe('the server-side session', () => {
  it('is current from sign-in, and refuses a session id that does not exist or belongs to someone else', async () => {
    const person = await createUser();
    const other = await createUser();
    const sessionId = await startSession(person.id);
    expect(await checkSession(sessionId, person.id)).toMatchObject({ status: 'current' });
    expect(await checkSession(sessionId, other.id)).toEqual({ status: 'ended' });
    expect(await checkSession('00000000-0000-4000-8000-000000000000', person.id)).toEqual({ status: 'ended' });
    expect(await checkSession("'; DROP TABLE \"UserSession\"; --", person.id)).toEqual({ status: 'ended' });
  });

  it('times out after the idle limit without a request, and says so', async () => {
    const person = await createUser();
    const sessionId = await startSession(person.id);
    const start = new Date();
    const justBefore = new Date(start.getTime() + SESSION_IDLE_MS - 5_000);
    expect(await checkSession(sessionId, person.id, { now: justBefore, touch: false })).toMatchObject({ status: 'current' });
    const after = new Date(start.getTime() + SESSION_IDLE_MS + 5_000);
    expect(await checkSession(sessionId, person.id, { now: after })).toEqual({ status: 'timed-out' });
  });

  it('counts a request as activity, at most once a minute, and a status check not at all', async () => {
    const person = await createUser();
    const sessionId = await startSession(person.id);
    const lastSeen = async () => (await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime();
    const created = await lastSeen();
    // Within the minute: no write.
    await checkSession(sessionId, person.id, { now: new Date(created + SESSION_TOUCH_INTERVAL_MS / 2) });
    expect(await lastSeen()).toBe(created);
    // A status check near the limit does not extend it.
    await checkSession(sessionId, person.id, { now: new Date(created + SESSION_IDLE_MS - MINUTE), touch: false });
    expect(await lastSeen()).toBe(created);
    // A request near the limit does, and the session then outlives the original limit.
    const later = new Date(created + SESSION_IDLE_MS - MINUTE);
    expect(await checkSession(sessionId, person.id, { now: later })).toEqual({ status: 'current', idleExpiresAt: new Date(later.getTime() + SESSION_IDLE_MS) });
    expect(await lastSeen()).toBe(later.getTime());
    expect(await checkSession(sessionId, person.id, { now: new Date(created + SESSION_IDLE_MS + MINUTE), touch: false })).toMatchObject({ status: 'current' });
  });

  it('extends the session at once when the person asks to stay signed in, however recently it was seen', async () => {
    const person = await createUser();
    const sessionId = await startSession(person.id);
    const created = (await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime();
    // Half a minute later (within the touch interval): "Stay signed in" still counts.
    const stay = new Date(created + SESSION_TOUCH_INTERVAL_MS / 2);
    expect(await checkSession(sessionId, person.id, { now: stay, touch: 'always' })).toEqual({ status: 'current', idleExpiresAt: new Date(stay.getTime() + SESSION_IDLE_MS) });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime()).toBe(stay.getTime());
  });

  it('ends 8 hours after sign-in however active the person is', async () => {
    const person = await createUser();
    const sessionId = await startSession(person.id);
    const created = (await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).createdAt.getTime();
    // Active all day: seen a minute ago, every time.
    const late = new Date(created + SESSION_MAX_AGE_SECONDS * 1000 + MINUTE);
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(late.getTime() - MINUTE) } });
    expect(await checkSession(sessionId, person.id, { now: late })).toEqual({ status: 'ended' });
  });
});

describe('signing in and out through next-auth', () => {
  it('starts a session at sign-in, and signing out ends that one session only', async () => {
    const person = await createUser({ passwordHash: await hashOfTestPassword() });
    const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (credentials: unknown, request: unknown) => Promise<{ id: string; sessionId?: string } | null> } }).options.authorize;
    const user = await authorize({ email: person.email, password: TEST_PASSWORD }, { headers: { 'x-peerroles-peer': '10.6.0.1' }, body: {}, query: {}, method: 'POST' });
    expect(user).toEqual({ id: person.id, sessionId: expect.any(String) });
    const jwt = authOptions.callbacks!.jwt!;
    const token = await jwt({ token: {}, user, account: null } as never);
    expect(token).toMatchObject({ sub: person.id, sid: user!.sessionId, authTime: expect.any(Number) });
    const here = { userId: person.id, sessionId: token.sid as string, authTime: token.authTime as number };
    const elsewhere = signInAs(person);
    expect(await requestSucceeds(here)).toBe(true);
    expect(await requestSucceeds(elsewhere)).toBe(true);

    await authOptions.events!.signOut!({ token, session: null } as never);
    // A copy of the signed-out cookie no longer works; the other browser still does.
    expect(await requestSucceeds(here)).toBe(false);
    continueSession(here);
    expect(await authenticate()).toEqual({ user: null, ended: 'ended' });
    expect(await requestSucceeds(elsewhere)).toBe(true);
    expect(await reasonsOf(person.id)).toEqual(['SIGNED_OUT', null]);
  });
});

describe('a password change', () => {
  it('made by the person ends their other sessions and keeps this one', async () => {
    const { person, here, elsewhere } = await signedInTwice();
    continueSession(here);
    expect(await changeMyPassword(null, { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({
      ok: true,
      data: { userId: person.id, sessionsEnded: 1 },
    });
    expect(await requestSucceeds(elsewhere)).toBe(false);
    expect(await requestSucceeds(here)).toBe(true);
    expect((await db.auditEvent.findFirstOrThrow({ where: { recordId: person.id, action: 'account.password.change' } })).summary).toBe('Changed their password (1 other session signed out)');
  });

  it('made from a set-password link ends every session, and lifts a lockout', async () => {
    const { person, here, elsewhere } = await signedInTwice();
    for (let attempt = 0; attempt < MAX_FAILED_ATTEMPTS; attempt += 1) await attemptSignIn({ email: person.email, password: 'not the password', ipAddress: `10.9.${attempt}.1` });
    expect(await accountLockedUntil(person.email)).toBeInstanceOf(Date);
    const { token } = await createInvitation(person);
    signInAs(null);
    expect(await setPasswordFromInvitation(null, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await requestSucceeds(here)).toBe(false);
    expect(await requestSucceeds(elsewhere)).toBe(false);
    expect(await reasonsOf(person.id)).toEqual(['PASSWORD_SET', 'PASSWORD_SET']);
    expect(await accountLockedUntil(person.email)).toBeNull();
    expect(await attemptSignIn({ email: person.email, password: NEW_PASSWORD, ipAddress: '10.9.99.1' })).toEqual({ ok: true, userId: person.id, sessionId: expect.any(String) });
    expect((await db.auditEvent.findFirstOrThrow({ where: { recordId: person.id, action: 'account.password.set' } })).summary).toContain('sign-in unlocked');
  });
});

describe('an administrator', () => {
  it('disabling a person ends every session, and re-enabling does not bring them back', async () => {
    const admin = await createUser({ orgRole: 'ADMIN' });
    const { person, here, elsewhere } = await signedInTwice();
    signInAs(admin);
    expect(await disablePerson(null, { userId: person.id, version: person.version })).toMatchObject({ ok: true });
    expect(await enablePerson(null, { userId: person.id, version: person.version + 1 })).toMatchObject({ ok: true });
    expect(await requestSucceeds(here)).toBe(false);
    expect(await requestSucceeds(elsewhere)).toBe(false);
    expect(await reasonsOf(person.id)).toEqual(['DISABLED', 'DISABLED']);
  });

  it('can sign a person out everywhere, recorded in the audit log', async () => {
    const admin = await createUser({ orgRole: 'ADMIN' });
    const { person, here, elsewhere } = await signedInTwice();
    signInAs(admin);
    expect(await endPersonSessions(null, { userId: person.id })).toEqual({ ok: true, data: { userId: person.id, sessionsEnded: 2 } });
    expect(await requestSucceeds(here)).toBe(false);
    expect(await requestSucceeds(elsewhere)).toBe(false);
    expect(await db.auditEvent.findFirstOrThrow({ where: { recordId: person.id, action: 'person.sessions.end' } })).toMatchObject({ actorId: admin.id, summary: expect.stringContaining('2 sessions') });
    // They can sign in again at once.
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: '10.8.0.1' })).toEqual({ ok: true, userId: person.id, sessionId: expect.any(String) });
  });

  it('can unlock sign-in after repeated failures, recorded in the audit log', async () => {
    const admin = await createUser({ orgRole: 'ADMIN' });
    const person = await createUser({ passwordHash: await hashOfTestPassword() });
    for (let attempt = 0; attempt < MAX_FAILED_ATTEMPTS; attempt += 1) await attemptSignIn({ email: person.email, password: 'a wrong guess', ipAddress: `10.7.${attempt}.1` });
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: '10.7.50.1' })).toEqual({ ok: false, reason: 'locked' });
    signInAs(admin);
    expect(await unlockSignIn(null, { userId: person.id })).toEqual({ ok: true, data: { userId: person.id } });
    expect(await db.auditEvent.findFirstOrThrow({ where: { recordId: person.id, action: 'person.signIn.unlock' } })).toMatchObject({ actorId: admin.id });
    expect(await accountLockedUntil(person.email)).toBeNull();
    expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: '10.7.51.1' })).toEqual({ ok: true, userId: person.id, sessionId: expect.any(String) });
  });

  it('cannot be signed out everywhere by someone who is not an administrator', async () => {
    const { person, here } = await signedInTwice();
    const colleague = await createUser();
    signInAs(colleague);
    expect(await endPersonSessions(null, { userId: person.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await unlockSignIn(null, { userId: person.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await requestSucceeds(here)).toBe(true);
  });
});

describe('My account', () => {
  it('"sign out of all other sessions" ends the others and keeps this one', async () => {
    const { person, here, elsewhere } = await signedInTwice();
    const third = signInAs(person);
    expect(await requestSucceeds(third)).toBe(true);
    continueSession(here);
    expect(await endMyOtherSessions(null, {})).toEqual({ ok: true, data: { userId: person.id, sessionsEnded: 2 } });
    expect(await requestSucceeds(elsewhere)).toBe(false);
    expect(await requestSucceeds(third)).toBe(false);
    expect(await requestSucceeds(here)).toBe(true);
    expect(await reasonsOf(person.id)).toEqual(['SIGNED_OUT_ELSEWHERE', 'SIGNED_OUT_ELSEWHERE', null]);
  });

  it('an action from an ended session is refused and changes nothing', async () => {
    const { person, here, elsewhere } = await signedInTwice({ name: 'Before' });
    continueSession(here);
    await endMyOtherSessions(null, {});
    continueSession(elsewhere);
    expect(await updateMyName(null, { name: 'After', version: person.version })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe('Before');
  });
});

describe('role and membership changes', () => {
  it('take effect at the next request without signing anyone out', async () => {
    const team = await createTeam();
    const { person, here } = await signedInTwice();
    await addMembership(team, person, 'MANAGER');
    await db.user.update({ where: { id: person.id }, data: { orgRole: 'HR' } });
    continueSession(here);
    expect(await getCurrentUser()).toMatchObject({ orgRole: 'HR', memberships: [expect.objectContaining({ teamId: team.id, role: 'MANAGER' })] });
    expect(await reasonsOf(person.id)).toEqual([null, null]);
  });
});
