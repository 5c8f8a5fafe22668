import { changeMyPassword, setPasswordFromInvitation, updateMyName } from '@/lib/account/actions';
import { INVITATION_LIFETIME_MS } from '@/lib/auth/invitations';
import { verifyPassword } from '@/lib/auth/password-hash';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { db } from '@/lib/db';
import { createInvitation, createUser, hashOfTestPassword, TEST_PASSWORD } from '../factories';
import { signInAs } from '../support/session';

const NEW_PASSWORD = 'blue kettle on the windowsill';
const DAY_MS = 24 * 60 * 60 * 1000;

const auditCount = () => db.auditEvent.count();
const passwordHashOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;

describe('updateMyName', () => {
  it('changes the name of the person signed in, and only theirs', async () => {
    const person = await createUser({ name: 'Sam Jones' });
    const bystander = await createUser({ name: 'Bystander' });
    signInAs(person);
    const result = await updateMyName(null, { name: 'Samantha Jones', version: 1, userId: bystander.id });
    expect(result).toEqual({ ok: true, data: { userId: person.id } });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ name: 'Samantha Jones', version: 2 });
    expect((await db.user.findUniqueOrThrow({ where: { id: bystander.id } })).name).toBe('Bystander');
    expect(await db.auditEvent.findFirst({ where: { recordId: person.id } })).toMatchObject({ action: 'account.name.update', actorId: person.id });
  });

  it('reports a conflict with a stale version', async () => {
    const person = await createUser({ name: 'First Name' });
    await db.user.update({ where: { id: person.id }, data: { name: 'Changed By Admin', version: { increment: 1 } } });
    signInAs(person);
    expect(await updateMyName(null, { name: 'My Choice', version: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe('Changed By Admin');
  });

  it('refuses an empty name', async () => {
    const person = await createUser();
    signInAs(person);
    expect(await updateMyName(null, { name: '   ', version: 1 })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: ['Enter your name'] } });
  });
});

describe('changeMyPassword', () => {
  it('changes the password after checking the current one', async () => {
    const person = await createUser({ passwordHash: await hashOfTestPassword() });
    signInAs(person);
    const result = await changeMyPassword(null, { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toEqual({ ok: true, data: { userId: person.id, sessionsEnded: 0 } });
    const hash = await passwordHashOf(person.id);
    expect(hash).toMatch(/^\$argon2id\$/u);
    expect(await verifyPassword(hash!, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash!, TEST_PASSWORD)).toBe(false);
    const event = await db.auditEvent.findFirstOrThrow({ where: { recordId: person.id, action: 'account.password.change' } });
    expect(event.summary).not.toContain(NEW_PASSWORD);
    expect(await attemptSignIn({ email: person.email, password: NEW_PASSWORD, ipAddress: '10.1.0.1' })).toEqual({ ok: true, userId: person.id, sessionId: expect.any(String) });
  });

  it('refuses a wrong current password and keeps the old one', async () => {
    const person = await createUser({ passwordHash: await hashOfTestPassword() });
    signInAs(person);
    const before = await auditCount();
    const result = await changeMyPassword(null, { currentPassword: 'not my password at all', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { currentPassword: ['Your current password is not correct'] } });
    expect(await passwordHashOf(person.id)).toBe(await hashOfTestPassword());
    expect(await auditCount()).toBe(before);
  });

  it('refuses when the person has no password yet', async () => {
    const person = await createUser();
    signInAs(person);
    const result = await changeMyPassword(null, { currentPassword: 'anything at all', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(await passwordHashOf(person.id)).toBeNull();
  });

  it('refuses the same password again, a common one, and a confirmation that does not match', async () => {
    const person = await createUser({ passwordHash: await hashOfTestPassword() });
    signInAs(person);
    expect(await changeMyPassword(null, { currentPassword: TEST_PASSWORD, password: TEST_PASSWORD, confirmPassword: TEST_PASSWORD })).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { password: [expect.any(String)] },
    });
    expect(await changeMyPassword(null, { currentPassword: TEST_PASSWORD, password: 'password1234', confirmPassword: 'password1234' })).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { password: [expect.stringContaining('too common')] },
    });
    expect(await changeMyPassword(null, { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` })).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { confirmPassword: ['The passwords do not match'] },
    });
    expect(await passwordHashOf(person.id)).toBe(await hashOfTestPassword());
  });
});

describe('setPasswordFromInvitation', () => {
  const setPassword = (token: string, password = NEW_PASSWORD) => setPasswordFromInvitation(null, { token, password, confirmPassword: password });

  it('works without being signed in, sets the password, and lets the person sign in', async () => {
    const person = await createUser({ name: 'New Starter' });
    const { token } = await createInvitation(person);
    signInAs(null);
    const result = await setPassword(token);
    expect(result).toEqual({ ok: true, data: { email: person.email } });
    expect(await verifyPassword((await passwordHashOf(person.id))!, NEW_PASSWORD)).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { recordId: person.id, action: 'account.password.set' } });
    expect(event).toMatchObject({ actorId: null, summary: 'New Starter set their password from a one-time link; sign-in unlocked' });
    expect(event.summary).not.toContain(token);
    expect(await attemptSignIn({ email: person.email, password: NEW_PASSWORD, ipAddress: '10.1.0.2' })).toEqual({ ok: true, userId: person.id, sessionId: expect.any(String) });
  });

  it('works only once', async () => {
    const person = await createUser();
    const { token } = await createInvitation(person);
    expect((await setPassword(token)).ok).toBe(true);
    const hashAfterFirstUse = await passwordHashOf(person.id);
    const before = await auditCount();
    const second = await setPassword(token, 'someone else chose this one');
    expect(second).toMatchObject({ ok: false, code: 'NOT_FOUND', error: expect.stringContaining('expired or has already been used') });
    expect(await passwordHashOf(person.id)).toBe(hashAfterFirstUse);
    expect(await auditCount()).toBe(before);
  });

  it('works only once even when used twice at the same moment', async () => {
    const person = await createUser();
    const { token } = await createInvitation(person);
    const results = await Promise.all([setPassword(token, 'first concurrent password'), setPassword(token, 'second concurrent password')]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.auditEvent.count({ where: { recordId: person.id, action: 'account.password.set' } })).toBe(1);
  });

  it('expires 7 days after it was issued', async () => {
    const person = await createUser();
    const issuedAt = new Date(Date.now() - 7 * DAY_MS + 60_000);
    const { token } = await createInvitation(person, { now: issuedAt });
    const invitation = await db.invitation.findFirstOrThrow({ where: { userId: person.id } });
    expect(invitation.expiresAt.getTime() - issuedAt.getTime()).toBe(7 * DAY_MS);
    expect(INVITATION_LIFETIME_MS).toBe(7 * DAY_MS);

    // A minute before expiry it would work; move the expiry into the past and it does not.
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await setPassword(token)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await passwordHashOf(person.id)).toBeNull();
  });

  it('still works just before it expires', async () => {
    const person = await createUser();
    const { token } = await createInvitation(person, { now: new Date(Date.now() - 7 * DAY_MS + 60_000) });
    expect((await setPassword(token)).ok).toBe(true);
  });

  it('does not work for a disabled person', async () => {
    const person = await createUser();
    const { token } = await createInvitation(person);
    await db.user.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
    expect(await setPassword(token)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await passwordHashOf(person.id)).toBeNull();
  });

  it('stops working when a newer link is issued', async () => {
    const person = await createUser();
    const older = await createInvitation(person);
    const newer = await createInvitation(person);
    expect(await setPassword(older.token)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await setPassword(newer.token)).ok).toBe(true);
  });

  it('refuses an unknown token and a weak password without using up the link', async () => {
    const person = await createUser();
    const { token } = await createInvitation(person);
    expect(await setPassword(`${token.slice(0, -2)}xx`)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await setPassword(token, 'qwerty123456')).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { password: [expect.stringContaining('too common')] } });
    expect(await setPassword(token, 'too short')).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { password: [expect.stringContaining('12 characters')] } });
    expect(await setPasswordFromInvitation(null, { token, password: NEW_PASSWORD, confirmPassword: 'different words here' })).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { confirmPassword: ['The passwords do not match'] },
    });
    expect(await passwordHashOf(person.id)).toBeNull();
    expect((await setPassword(token)).ok).toBe(true);
  });
});
