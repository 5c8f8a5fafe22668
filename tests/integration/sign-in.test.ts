import { accountLockedUntil, attemptSignIn, LOCKOUT_WINDOW_MS, MAX_FAILED_ATTEMPTS } from '@/lib/auth/sign-in';
import { FORWARDED_FOR_HEADER, PEER_HEADER } from '@/lib/auth/client-address';
import { authOptions } from '@/lib/auth/options';
import { db } from '@/lib/db';
import { createUser, hashOfTestPassword, TEST_PASSWORD, uniqueSuffix } from '../factories';

const WRONG = 'definitely not the password';
const MINUTE = 60 * 1000;

let addressCounter = 0;
/** A fresh client address per test, so the per-address counter of one test does not lock another. */
const freshAddress = () => `192.0.2.${(addressCounter += 1)}`;

async function personWithPassword(options: { disabled?: boolean } = {}) {
  return createUser({ email: `sign-in-${uniqueSuffix()}@peerroles.test`, passwordHash: await hashOfTestPassword(), ...options });
}

const signInAttemptsFrom = (ipAddress: string) => db.signInAttempt.count({ where: { ipAddress } });
const failures = (email: string) => db.signInAttempt.count({ where: { email, succeeded: false } });

beforeAll(() => {
  expect(MAX_FAILED_ATTEMPTS).toBe(5);
  expect(LOCKOUT_WINDOW_MS).toBe(15 * MINUTE);
});

it('signs in with the right password, ignoring the case and spaces of the email', async () => {
  const person = await personWithPassword();
  const outcome = await attemptSignIn({ email: `  ${person.email.toUpperCase()} `, password: TEST_PASSWORD, ipAddress: freshAddress() });
  expect(outcome).toEqual({ ok: true, userId: person.id, sessionId: expect.any(String) });
  expect(await db.signInAttempt.findFirst({ where: { email: person.email } })).toMatchObject({ succeeded: true });
});

it('refuses a wrong password with the generic reason, and counts it', async () => {
  const person = await personWithPassword();
  expect(await attemptSignIn({ email: person.email, password: WRONG, ipAddress: freshAddress() })).toEqual({ ok: false, reason: 'invalid' });
  expect(await failures(person.email)).toBe(1);
});

it('gives an unknown email exactly the same answer as a wrong password', async () => {
  const email = `nobody-${uniqueSuffix()}@peerroles.test`;
  expect(await attemptSignIn({ email, password: WRONG, ipAddress: freshAddress() })).toEqual({ ok: false, reason: 'invalid' });
  expect(await failures(email)).toBe(1);
});

it('refuses someone who has not set a password yet', async () => {
  const person = await createUser();
  expect(await attemptSignIn({ email: person.email, password: '', ipAddress: freshAddress() })).toEqual({ ok: false, reason: 'invalid' });
});

it('refuses a disabled person even with the right password', async () => {
  const person = await personWithPassword({ disabled: true });
  expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: freshAddress() })).toEqual({ ok: false, reason: 'invalid' });
});

it('locks an account after 5 failures within 15 minutes, refusing even the right password', async () => {
  const person = await personWithPassword();
  const start = new Date();
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    // Each from a different address: the account's own counter is what locks it.
    const outcome = await attemptSignIn({ email: person.email, password: WRONG, ipAddress: freshAddress() }, new Date(start.getTime() + attempt * MINUTE));
    expect(outcome).toEqual({ ok: false, reason: 'invalid' });
  }
  const locked = await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: freshAddress() }, new Date(start.getTime() + 6 * MINUTE));
  expect(locked).toEqual({ ok: false, reason: 'locked' });
  // Refused attempts while locked are not counted, so the lock cannot be extended by guessing.
  expect(await failures(person.email)).toBe(5);
});

it('does not lock after 4 failures', async () => {
  const person = await personWithPassword();
  const address = freshAddress();
  for (let attempt = 1; attempt <= 4; attempt += 1) await attemptSignIn({ email: person.email, password: WRONG, ipAddress: address });
  expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: address })).toEqual({ ok: true, userId: person.id, sessionId: expect.any(String) });
});

it('does not count failures older than 15 minutes', async () => {
  const person = await personWithPassword();
  const start = new Date();
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await attemptSignIn({ email: person.email, password: WRONG, ipAddress: freshAddress() }, new Date(start.getTime() - 20 * MINUTE));
  }
  await attemptSignIn({ email: person.email, password: WRONG, ipAddress: freshAddress() }, start);
  expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: freshAddress() }, start)).toEqual({ ok: true, userId: person.id, sessionId: expect.any(String) });
});

it('lifts the lock 15 minutes after the failures', async () => {
  const person = await personWithPassword();
  const start = new Date();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await attemptSignIn({ email: person.email, password: WRONG, ipAddress: freshAddress() }, start);
  }
  const almost = new Date(start.getTime() + 15 * MINUTE - 1000);
  expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: freshAddress() }, almost)).toEqual({ ok: false, reason: 'locked' });
  const after = new Date(start.getTime() + 15 * MINUTE + 1000);
  expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: freshAddress() }, after)).toEqual({ ok: true, userId: person.id, sessionId: expect.any(String) });
});

it('locks an address that fails 5 times across different accounts', async () => {
  const address = freshAddress();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    expect(await attemptSignIn({ email: `spray-${attempt}-${uniqueSuffix()}@peerroles.test`, password: WRONG, ipAddress: address })).toEqual({ ok: false, reason: 'invalid' });
  }
  // A real account with the right password, from the same address: refused.
  const person = await personWithPassword();
  expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: address })).toEqual({ ok: false, reason: 'locked' });
  // The same account from another address is fine: the account itself is not locked.
  expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: freshAddress() })).toEqual({ ok: true, userId: person.id, sessionId: expect.any(String) });
});

it('counts exactly 5 failures from a burst of 10 simultaneous guesses, then stays locked', async () => {
  const person = await personWithPassword();
  const outcomes = await Promise.all(
    Array.from({ length: 10 }, () => attemptSignIn({ email: person.email, password: WRONG, ipAddress: freshAddress() })),
  );
  expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === 'invalid')).toHaveLength(5);
  expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === 'locked')).toHaveLength(5);
  expect(await failures(person.email)).toBe(5);
  expect(await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: freshAddress() })).toEqual({ ok: false, reason: 'locked' });
});

it('starts counting afresh after a successful sign-in', async () => {
  const person = await personWithPassword();
  const start = new Date();
  const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
  for (let attempt = 0; attempt < 4; attempt += 1) await attemptSignIn({ email: person.email, password: WRONG, ipAddress: freshAddress() }, at(attempt));
  expect((await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: freshAddress() }, at(5))).ok).toBe(true);
  for (let attempt = 0; attempt < 4; attempt += 1) await attemptSignIn({ email: person.email, password: WRONG, ipAddress: freshAddress() }, at(6 + attempt));
  expect((await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: freshAddress() }, at(11))).ok).toBe(true);
});

describe('the per-address limit through the sign-in form', () => {
  // next-auth keeps our authorize() in the provider's options.
  const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (credentials: unknown, request: unknown) => Promise<unknown> } }).options.authorize;
  const post = (email: string, password: string, headers: Record<string, string>) => authorize({ email, password }, { headers, body: {}, query: {}, method: 'POST' });

  it('ignores a spoofed X-Forwarded-For by default: a locked address stays locked', async () => {
    const peer = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await post(`nobody-${attempt}-${uniqueSuffix()}@peerroles.test`, WRONG, { [PEER_HEADER]: peer, [FORWARDED_FOR_HEADER]: `198.51.100.${attempt}`, 'x-forwarded-for': `198.51.100.${attempt}` });
    }
    const person = await personWithPassword();
    // Right password, a new address claimed in the header: still refused, because the peer is the same.
    expect(await post(person.email, TEST_PASSWORD, { [PEER_HEADER]: peer, [FORWARDED_FOR_HEADER]: '198.51.100.77', 'x-forwarded-for': '198.51.100.77' })).toBeNull();
    expect(await signInAttemptsFrom('198.51.100.77')).toBe(0);
    // Another peer gets in.
    expect(await post(person.email, TEST_PASSWORD, { [PEER_HEADER]: freshAddress() })).toEqual({ id: person.id, sessionId: expect.any(String) });
  });

  it('refuses a locked account with the same answer as a wrong password', async () => {
    const person = await personWithPassword();
    for (let attempt = 0; attempt < 5; attempt += 1) await post(person.email, WRONG, { [PEER_HEADER]: freshAddress() });
    const wrong = await post(`${uniqueSuffix()}@peerroles.test`, WRONG, { [PEER_HEADER]: freshAddress() });
    const locked = await post(person.email, TEST_PASSWORD, { [PEER_HEADER]: freshAddress() });
    expect(locked).toBeNull();
    expect(locked).toEqual(wrong);
  });
});

describe('accountLockedUntil, for the person page', () => {
  it('says until when, counting only failures since the window began, the last success and an unlock', async () => {
    const person = await personWithPassword();
    const start = new Date();
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    const fail = (minutes: number) => attemptSignIn({ email: person.email, password: WRONG, ipAddress: freshAddress() }, at(minutes));

    // Four failures, a success, then four more: the success wipes the slate.
    for (const minute of [0, 1, 2, 3]) await fail(minute);
    await attemptSignIn({ email: person.email, password: TEST_PASSWORD, ipAddress: freshAddress() }, at(4));
    for (const minute of [5, 6, 7, 8]) await fail(minute);
    expect(await accountLockedUntil(person.email, db, at(9))).toBeNull();

    // The fifth since the success locks it until the oldest of those five leaves the window.
    await fail(9);
    expect(await accountLockedUntil(person.email.toUpperCase(), db, at(10))).toEqual(at(5 + 15));

    // An unlock after them counts as a fresh start.
    await db.user.update({ where: { id: person.id }, data: { signInUnlockedAt: at(11) } });
    expect(await accountLockedUntil(person.email, db, at(12))).toBeNull();

    // And failures older than the window do not count at all.
    expect(await accountLockedUntil(person.email, db, at(40))).toBeNull();
  });
});
