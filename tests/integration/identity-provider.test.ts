// Sign-in through the organisation's identity provider, against a real OpenID
// provider (tests/support/oidc-provider.mjs) and next-auth's own handler: who is
// let in, who is refused and why, the session it starts, and the organisation's
// setting that requires the provider for everyone but service-user representatives.
import { decode } from 'next-auth/jwt';
import { accountLockedUntil, attemptSignIn } from '@/lib/auth/sign-in';
import { checkSession } from '@/lib/auth/sessions';
import { signInThroughIdentityProvider } from '@/lib/auth/identity-provider-sign-in';
import { db } from '@/lib/db';
import { createTeam, createUser, hashOfTestPassword, TEST_PASSWORD } from '../factories';
import { APP_URL, signInThroughProvider, startIdentityProvider, type TestIdentityProvider } from '../support/identity-provider';

let provider: TestIdentityProvider;

beforeAll(async () => {
  provider = await startIdentityProvider();
});

afterAll(async () => {
  await provider?.stop();
});

const refusedWith = (code: string) => `${APP_URL}/sign-in?error=${code}`;

async function tokenOf(sessionToken: string | undefined) {
  expect(sessionToken).toBeDefined();
  return decode({ token: sessionToken as string, secret: process.env.NEXTAUTH_SECRET as string });
}

const sessionsOf = (userId: string) => db.userSession.count({ where: { userId } });

describe('a person an administrator has added', () => {
  it('signs in with the verified email the provider vouches for, and their account there is recorded', async () => {
    const jade = await createUser({ email: 'peer.cmht@peerroles.test', name: 'Jade Thompson', passwordHash: await hashOfTestPassword() });
    const result = await signInThroughProvider(provider, 'known-person');
    expect(result.redirect).toBe(`${APP_URL}/`);
    // The same token a password sign-in makes: the person's id, a server-side session, the sign-in time.
    const token = await tokenOf(result.sessionToken);
    expect(token).toMatchObject({ sub: jade.id, sid: expect.any(String), authTime: expect.any(Number) });
    expect(token?.email).toBeUndefined();
    expect(await checkSession(token?.sid as string, jade.id, { touch: false })).toMatchObject({ status: 'current' });

    expect(await db.identityProviderLink.findMany({ where: { userId: jade.id }, select: { issuer: true, subject: true } })).toEqual([{ issuer: provider.issuer, subject: 'known-person' }]);
    expect(await db.auditEvent.findMany({ where: { recordId: jade.id }, select: { action: true, actorId: true } })).toEqual([{ action: 'person.identityProvider.link', actorId: jade.id }]);
    expect(await db.signInAttempt.findFirst({ where: { email: jade.email }, select: { succeeded: true } })).toEqual({ succeeded: true });
  });

  it('is found by the recorded account afterwards, even once their email has changed here', async () => {
    const jade = await db.user.update({ where: { email: 'peer.cmht@peerroles.test' }, data: { email: 'jade.thompson@peerroles.test' }, select: { id: true } });
    const before = await sessionsOf(jade.id);
    const result = await signInThroughProvider(provider, 'known-person');
    expect((await tokenOf(result.sessionToken))?.sub).toBe(jade.id);
    expect(await sessionsOf(jade.id)).toBe(before + 1);
    expect(await db.identityProviderLink.count({ where: { userId: jade.id } })).toBe(1);
    await db.user.update({ where: { id: jade.id }, data: { email: 'peer.cmht@peerroles.test' } });
  });

  it('refuses another account at the provider that now has the linked person’s email', async () => {
    const result = await signInThroughProvider(provider, 'other-account');
    expect(result).toEqual({ redirect: refusedWith('IdentityProviderOtherAccount'), sessionToken: undefined });
    expect(await db.identityProviderLink.count({ where: { subject: 'other-account' } })).toBe(0);
  });

  it('matches an email whatever its case, and takes Entra ID’s verified-domain claim as verified', async () => {
    const erin = await createUser({ email: 'entra.person@peerroles.test' });
    const result = await signInThroughProvider(provider, 'entra-person');
    expect((await tokenOf(result.sessionToken))?.sub).toBe(erin.id);
  });

  it('gives the sign-in its own session that ends like any other: signing out ends it', async () => {
    const result = await signInThroughProvider(provider, 'entra-person');
    const token = await tokenOf(result.sessionToken);
    await provider.options.events?.signOut?.({ token: token!, session: undefined as never });
    expect(await checkSession(token?.sid as string, token?.sub as string, { touch: false })).toEqual({ status: 'ended' });
  });
});

describe('refusals, each with its own reason and nothing written', () => {
  it('refuses someone nobody has added', async () => {
    const users = await db.user.count();
    expect(await signInThroughProvider(provider, 'unknown-person')).toEqual({ redirect: refusedWith('IdentityProviderUnknownPerson'), sessionToken: undefined });
    expect(await db.user.count()).toBe(users);
  });

  it('never matches an unverified email, even one of a person who exists', async () => {
    const hr = await createUser({ email: 'hr@peerroles.test', orgRole: 'HR' });
    expect(await signInThroughProvider(provider, 'unverified-email')).toEqual({ redirect: refusedWith('IdentityProviderUnverifiedEmail'), sessionToken: undefined });
    expect(await sessionsOf(hr.id)).toBe(0);
    expect(await db.identityProviderLink.count({ where: { userId: hr.id } })).toBe(0);
  });

  it('refuses a token with no email as someone unknown', async () => {
    expect((await signInThroughProvider(provider, 'no-email')).redirect).toBe(refusedWith('IdentityProviderUnknownPerson'));
  });

  it('refuses a disabled person', async () => {
    const dee = await createUser({ email: 'disabled.person@peerroles.test', disabled: true });
    expect(await signInThroughProvider(provider, 'disabled-person')).toEqual({ redirect: refusedWith('IdentityProviderDisabled'), sessionToken: undefined });
    expect(await sessionsOf(dee.id)).toBe(0);
  });

  it('refuses an account whose sign-in is paused after failed passwords, until an administrator unlocks it', async () => {
    const rep = await createUser({ email: 'rep@peerroles.test', orgRole: 'SERVICE_USER_REP', passwordHash: await hashOfTestPassword() });
    for (let attempt = 0; attempt < 5; attempt += 1) await attemptSignIn({ email: rep.email, password: 'not the password at all', ipAddress: `198.51.100.${attempt}` });
    expect(await accountLockedUntil(rep.email)).not.toBeNull();
    expect((await signInThroughProvider(provider, 'representative')).redirect).toBe(refusedWith('IdentityProviderLocked'));
    await db.user.update({ where: { id: rep.id }, data: { signInUnlockedAt: new Date() } });
    expect((await tokenOf((await signInThroughProvider(provider, 'representative')).sessionToken))?.sub).toBe(rep.id);
  });

  it('treats a callback whose state does not match as the provider failing', async () => {
    const result = await signInThroughProvider(provider, 'entra-person', { tamper: (query) => ({ ...query, state: 'forged' }) });
    expect(result.sessionToken).toBeUndefined();
    // next-auth's error route, which sends the browser on to pages.error: /sign-in?error=OAuthCallback.
    expect(result.redirect).toBe(`${APP_URL}/api/auth/error?error=OAuthCallback`);
  });
});

describe('people added by signing in', () => {
  it('are not added while their email’s domain is not allowed', async () => {
    expect((await signInThroughProvider(provider, 'newcomer')).redirect).toBe(refusedWith('IdentityProviderUnknownPerson'));
    expect(await db.user.findUnique({ where: { email: 'new.starter@allowed.nhs.test' } })).toBeNull();
  });

  it('are added with no roles and no teams when the organisation allows the domain, and it is audited', async () => {
    await createTeam();
    await db.signInSettings.create({ data: { allowedEmailDomains: ['allowed.nhs.test'] } });
    const result = await signInThroughProvider(provider, 'newcomer');
    const person = await db.user.findUniqueOrThrow({
      where: { email: 'new.starter@allowed.nhs.test' },
      select: { id: true, name: true, orgRole: true, passwordHash: true, memberships: true },
    });
    expect(person).toEqual({ id: expect.any(String), name: 'Nia Newcomer', orgRole: 'MEMBER', passwordHash: null, memberships: [] });
    expect((await tokenOf(result.sessionToken))?.sub).toBe(person.id);
    expect((await db.auditEvent.findMany({ where: { recordId: person.id }, orderBy: { createdAt: 'asc' }, select: { action: true } })).map((event) => event.action)).toEqual([
      'person.create.identityProvider',
      'person.identityProvider.link',
    ]);
    await db.signInSettings.update({ where: { id: 1 }, data: { allowedEmailDomains: [] } });
  });

  it('checks the claims itself too: no issuer or subject, nobody', async () => {
    expect(await signInThroughIdentityProvider({ iss: '', sub: 'x', email: 'peer.cmht@peerroles.test', email_verified: true })).toEqual({ ok: false, reason: 'IdentityProviderUnknownPerson' });
  });
});

describe('when the organisation requires the identity provider', () => {
  let member: { id: string; email: string };
  let rep: { id: string; email: string };
  beforeAll(async () => {
    member = await createUser({ email: 'required.member@peerroles.test', passwordHash: await hashOfTestPassword() });
    rep = await createUser({ email: 'required.rep@peerroles.test', orgRole: 'SERVICE_USER_REP', passwordHash: await hashOfTestPassword() });
    await db.signInSettings.upsert({ where: { id: 1 }, create: { identityProviderRequired: true }, update: { identityProviderRequired: true } });
  });

  it('refuses a password for everyone but service-user representatives, without counting it as a failure', async () => {
    expect(await attemptSignIn({ email: member.email, password: TEST_PASSWORD, ipAddress: '203.0.113.1', identityProviderAvailable: true })).toEqual({ ok: false, reason: 'identity-provider-required' });
    expect(await db.signInAttempt.count({ where: { email: member.email } })).toBe(0);
    expect(await attemptSignIn({ email: rep.email, password: TEST_PASSWORD, ipAddress: '203.0.113.1', identityProviderAvailable: true })).toEqual({ ok: true, userId: rep.id, sessionId: expect.any(String) });
  });

  it('answers the same whatever password is typed, and counts none, so wrong passwords can neither be tested nor lock them out of the provider', async () => {
    for (let attempt = 0; attempt < 7; attempt += 1) {
      expect(await attemptSignIn({ email: member.email, password: `a wrong password ${attempt}`, ipAddress: `203.0.113.${10 + attempt}`, identityProviderAvailable: true })).toEqual({ ok: false, reason: 'identity-provider-required' });
    }
    expect(await db.signInAttempt.count({ where: { email: member.email } })).toBe(0);
    expect(await accountLockedUntil(member.email)).toBeNull();
  });

  it('does not lock everyone out when the provider is not configured', async () => {
    expect(await attemptSignIn({ email: member.email, password: TEST_PASSWORD, ipAddress: '203.0.113.3', identityProviderAvailable: false })).toMatchObject({ ok: true });
  });

  it('sends a refused password to the sign-in page with its own reason (next-auth credentials)', async () => {
    const credentials = provider.options.providers.find((entry) => entry.id === 'credentials') as unknown as { options: { authorize: (credentials: Record<string, string>, request: unknown) => Promise<unknown> } };
    await expect(credentials.options.authorize({ email: member.email, password: TEST_PASSWORD }, { headers: {} })).rejects.toThrow('IdentityProviderRequired');
  });
});
