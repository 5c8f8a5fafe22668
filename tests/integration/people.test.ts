import { db } from '@/lib/db';
import { findUsableInvitation, hashToken } from '@/lib/auth/invitations';
import { createPerson, disablePerson, enablePerson, issueInvitation, updatePerson } from '@/lib/people/actions';
import { buildWorld, createInvitation, createUser, type World } from '../factories';
import { revalidatedPaths } from '../support/next-cache';
import { signInAs } from '../support/session';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

beforeEach(() => signInAs(world.admin));

const auditCount = () => db.auditEvent.count();
const tokenOf = (path: string) => path.replace(/^\/set-password\//u, '');

describe('createPerson', () => {
  it('gives no set-password link to a person added while the identity provider is required, unless they are a service-user representative', async () => {
    await db.signInSettings.create({ data: { id: 1, identityProviderRequired: true } });
    Object.assign(process.env, { OIDC_ISSUER: 'https://login.example.test', OIDC_CLIENT_ID: 'peerroles', OIDC_CLIENT_SECRET: 'secret' });
    try {
      const staff = await createPerson(null, { name: 'Provider Only', email: 'provider.only@peerroles.test', jobTitle: '', orgRole: 'MEMBER' });
      expect(staff).toEqual({ ok: true, data: { userId: expect.any(String), invitationPath: null } });
      expect(await db.invitation.count({ where: { user: { email: 'provider.only@peerroles.test' } } })).toBe(0);
      const rep = await createPerson(null, { name: 'Rep Keeps Password', email: 'rep.keeps@peerroles.test', jobTitle: '', orgRole: 'SERVICE_USER_REP' });
      expect(rep).toEqual({ ok: true, data: { userId: expect.any(String), invitationPath: expect.stringMatching(/^\/set-password\//u) } });
    } finally {
      // The rest of this file's world signs in with passwords.
      await db.signInSettings.delete({ where: { id: 1 } });
      for (const key of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']) delete process.env[key];
    }
  });

  it('adds a person without a password and returns a one-time set-password link', async () => {
    const result = await createPerson(null, { name: ' Grace Okafor ', email: ' Grace.Okafor@PeerRoles.test ', jobTitle: 'Clinical psychologist', orgRole: 'MEMBER' });
    expect(result).toEqual({ ok: true, data: { userId: expect.any(String), invitationPath: expect.stringMatching(/^\/set-password\/[\w-]{40,}$/u) } });
    if (!result.ok) return;

    const person = await db.user.findUniqueOrThrow({ where: { id: result.data.userId } });
    expect(person).toMatchObject({ name: 'Grace Okafor', email: 'grace.okafor@peerroles.test', jobTitle: 'Clinical psychologist', orgRole: 'MEMBER', passwordHash: null, disabledAt: null });

    // Only a hash of the token is stored, and the link leads to this person.
    const token = tokenOf(result.data.invitationPath!);
    const invitation = await db.invitation.findFirstOrThrow({ where: { userId: person.id } });
    expect(invitation.tokenHash).toBe(hashToken(token));
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation.createdById).toBe(world.admin.id);
    expect(await findUsableInvitation(token)).toMatchObject({ userId: person.id });

    const events = await db.auditEvent.findMany({ where: { recordId: person.id } });
    expect(events).toEqual([expect.objectContaining({ action: 'person.create', recordType: 'User', actorId: world.admin.id })]);
    expect(events[0].summary).not.toContain(token);
    expect(revalidatedPaths()).toContain('/people');
  });

  it('stores an empty job title as none', async () => {
    const result = await createPerson(null, { name: 'No Title', email: 'no.title@peerroles.test', orgRole: 'HR' });
    expect(result.ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { email: 'no.title@peerroles.test' } })).toMatchObject({ jobTitle: null, orgRole: 'HR' });
  });

  it('refuses an email address someone already has, whatever its case', async () => {
    await createUser({ email: 'taken.address@peerroles.test' });
    const before = await auditCount();
    const result = await createPerson(null, { name: 'Second Person', email: 'Taken.Address@PEERROLES.test', orgRole: 'MEMBER' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { email: ['Someone already has an account with this email address'] } });
    expect(await db.user.count({ where: { email: 'taken.address@peerroles.test' } })).toBe(1);
    expect(await db.user.count({ where: { name: 'Second Person' } })).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('creates only one of two people with the same email submitted at the same moment', async () => {
    const results = await Promise.all([
      createPerson(null, { name: 'Twin One', email: 'twin@peerroles.test', orgRole: 'MEMBER' }),
      createPerson(null, { name: 'Twin Two', email: 'TWIN@peerroles.test', orgRole: 'MEMBER' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: 'VALIDATION', fieldErrors: { email: [expect.any(String)] } });
    expect(await db.user.count({ where: { email: 'twin@peerroles.test' } })).toBe(1);
  });

  it('refuses an email address in the wrong format', async () => {
    const result = await createPerson(null, { name: 'Bad Email', email: 'not an email', orgRole: 'MEMBER' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { email: [expect.stringContaining('correct format')] } });
  });
});

describe('updatePerson', () => {
  it('updates name, email, job title and organisation role, recording the role change', async () => {
    const person = await createUser({ name: 'Tom Baker', email: 'tom.baker@peerroles.test', orgRole: 'MEMBER' });
    const result = await updatePerson(null, { userId: person.id, version: 1, name: 'Thomas Baker', email: 'Thomas.Baker@peerroles.test', jobTitle: 'HR business partner', orgRole: 'HR' });
    expect(result).toEqual({ ok: true, data: { userId: person.id } });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      name: 'Thomas Baker',
      email: 'thomas.baker@peerroles.test',
      jobTitle: 'HR business partner',
      orgRole: 'HR',
      version: 2,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { recordId: person.id, action: 'person.update' } });
    expect(event.summary).toBe('Updated Thomas Baker; organisation role Team member (no organisation role) → HR and recruitment');
  });

  it('reports a conflict when the person changed since the form was loaded', async () => {
    const person = await createUser({ name: 'Original Name' });
    await db.user.update({ where: { id: person.id }, data: { name: 'Changed Elsewhere', version: { increment: 1 } } });
    const before = await auditCount();
    const result = await updatePerson(null, { userId: person.id, version: 1, name: 'Overwriting Name', email: person.email, orgRole: 'MEMBER' });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe('Changed Elsewhere');
    expect(await auditCount()).toBe(before);
  });

  it("refuses another person's email address, whatever its case", async () => {
    const other = await createUser({ email: 'already.used@peerroles.test' });
    const person = await createUser();
    const result = await updatePerson(null, { userId: person.id, version: 1, name: person.name, email: 'ALREADY.USED@peerroles.test', orgRole: 'MEMBER' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { email: ['Someone already has an account with this email address'] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(person.email);
    expect(other.email).toBe('already.used@peerroles.test');
  });

  it('does not let administrators remove their own administrator role', async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { id: world.admin.id } });
    const result = await updatePerson(null, { userId: admin.id, version: admin.version, name: admin.name, email: admin.email, orgRole: 'MEMBER' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { orgRole: ['You cannot remove your own administrator role'] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).orgRole).toBe('ADMIN');
  });

  it('lets administrators change their own name', async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { id: world.admin.id } });
    const result = await updatePerson(null, { userId: admin.id, version: admin.version, name: `${admin.name} Jr`, email: admin.email, orgRole: 'ADMIN' });
    expect(result.ok).toBe(true);
  });

  it('says not found for someone who does not exist', async () => {
    const result = await updatePerson(null, { userId: '00000000-0000-4000-8000-000000000000', version: 1, name: 'Nobody', email: 'nobody@peerroles.test', orgRole: 'MEMBER' });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('disablePerson and enablePerson', () => {
  it('disables a person, ending their outstanding set-password links, and re-enables them', async () => {
    const person = await createUser({ name: 'Leaving Person' });
    const { token } = await createInvitation(person, { createdBy: world.admin });

    const disabled = await disablePerson(null, { userId: person.id, version: 1 });
    expect(disabled.ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).disabledAt).toBeInstanceOf(Date);
    expect(await findUsableInvitation(token)).toBeNull();
    expect(await db.invitation.count({ where: { userId: person.id, usedAt: null } })).toBe(0);
    // History stays: the person and their audit trail are kept.
    expect(await db.auditEvent.count({ where: { recordId: person.id, action: 'person.disable' } })).toBe(1);

    expect(await disablePerson(null, { userId: person.id, version: 2 })).toMatchObject({ ok: false, code: 'CONFLICT', error: 'Leaving Person is already disabled.' });

    const enabled = await enablePerson(null, { userId: person.id, version: 2 });
    expect(enabled.ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ disabledAt: null, version: 3 });
    // The old link stays dead after re-enabling: a new one must be issued.
    expect(await findUsableInvitation(token)).toBeNull();
  });

  it('does not let administrators disable themselves', async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { id: world.admin.id } });
    const result = await disablePerson(null, { userId: admin.id, version: admin.version });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', error: 'You cannot disable your own account.' });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
  });

  it('disables another administrator while one remains', async () => {
    const otherAdmin = await createUser({ orgRole: 'ADMIN' });
    expect((await disablePerson(null, { userId: otherAdmin.id, version: 1 })).ok).toBe(true);
  });

  it('refuses with a stale version', async () => {
    const person = await createUser();
    await db.user.update({ where: { id: person.id }, data: { jobTitle: 'Changed', version: { increment: 1 } } });
    expect(await disablePerson(null, { userId: person.id, version: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).disabledAt).toBeNull();
  });

  it('refuses to enable someone who is not disabled', async () => {
    const person = await createUser();
    expect(await enablePerson(null, { userId: person.id, version: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('issueInvitation', () => {
  it('issues a new link, and the earlier one stops working', async () => {
    const person = await createUser();
    const first = await issueInvitation(null, { userId: person.id });
    const second = await issueInvitation(null, { userId: person.id });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(await findUsableInvitation(tokenOf(first.data.invitationPath))).toBeNull();
    expect(await findUsableInvitation(tokenOf(second.data.invitationPath))).toMatchObject({ userId: person.id });
    expect(await db.auditEvent.count({ where: { recordId: person.id, action: 'person.invite' } })).toBe(2);
  });

  it('refuses to send a link to a disabled person', async () => {
    const person = await createUser({ disabled: true });
    const result = await issueInvitation(null, { userId: person.id });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.invitation.count({ where: { userId: person.id } })).toBe(0);
  });
});

describe('who may manage people', () => {
  it.each(['hr', 'managerOfThisTeam', 'staff', 'serviceUserRep'] as const)('refuses %s', async (caller) => {
    signInAs(world[caller]);
    const before = await auditCount();
    expect(await createPerson(null, { name: 'Sneaky', email: `sneaky-${caller}@peerroles.test`, orgRole: 'ADMIN' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await updatePerson(null, { userId: world[caller].id, version: 1, name: 'Self Promoted', email: world[caller].email, orgRole: 'ADMIN' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: world[caller].id } })).toMatchObject({ orgRole: world[caller].orgRole, name: world[caller].name });
    expect(await auditCount()).toBe(before);
  });
});
