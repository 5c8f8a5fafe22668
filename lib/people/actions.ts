'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError } from '@/lib/action-error';
import { endSessionsOf } from '@/lib/auth/gate';
import { assertAnAdminRemains } from '@/lib/people/admins';
import { newcomersInvited } from '@/lib/people/import';
import { issuePasswordLink } from '@/lib/people/invitations';
import type { Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { createPersonSchema, disablePersonSchema, issueInvitationSchema, personOnlySchema, updatePersonSchema } from '@/lib/people/schemas';
import { ORG_ROLE_LABELS } from '@/lib/people/labels';

const personScope = async (input: { userId: string }, tx: Tx) =>
  (await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } })) ? {} : null;

function isEmailTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

const EMAIL_TAKEN = 'Someone already has an account with this email address';


export const createPerson = defineAction({
  name: 'person.create',
  permission: 'person.create',
  input: createPersonSchema,
  async run({ input, user, tx, audit }) {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw fieldError('email', EMAIL_TAKEN);
    const person = await tx.user
      .create({ data: { ...input, jobTitle: input.jobTitle || null }, select: { id: true, name: true } })
      .catch((error: unknown) => {
        throw isEmailTaken(error) ? fieldError('email', EMAIL_TAKEN) : error;
      });
    // With the organisation's identity provider required, only those who keep a password get a link.
    const invitationPath = (await newcomersInvited(tx))({ orgRole: input.orgRole }) ? await issuePasswordLink(tx, person.id, user.id) : null;
    await audit({
      action: 'person.create',
      recordType: 'User',
      recordId: person.id,
      summary: `Added ${person.name} (${ORG_ROLE_LABELS[input.orgRole]})${invitationPath ? ' and issued a set-password link' : ''}`,
    });
    return { userId: person.id, invitationPath };
  },
  revalidate: () => ['/people'],
});

export const updatePerson = defineAction({
  name: 'person.update',
  permission: 'person.update',
  input: updatePersonSchema,
  scope: personScope,
  async run({ input: { userId, version, ...fields }, user, tx, audit }) {
    const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { orgRole: true, disabledAt: true } });
    if (current.orgRole === 'ADMIN' && fields.orgRole !== 'ADMIN' && !current.disabledAt) {
      if (userId === user.id) throw fieldError('orgRole', 'You cannot remove your own administrator role');
      await assertAnAdminRemains(tx, [userId]);
    }
    const clash = await tx.user.findFirst({ where: { email: fields.email, id: { not: userId } }, select: { id: true } });
    if (clash) throw fieldError('email', EMAIL_TAKEN);
    const { count } = await tx.user
      .updateMany({ where: { id: userId, version }, data: { ...fields, jobTitle: fields.jobTitle || null, version: { increment: 1 } } })
      .catch((error: unknown) => {
        throw isEmailTaken(error) ? fieldError('email', EMAIL_TAKEN) : error;
      });
    if (count === 0) throw conflict();
    const roleChange = current.orgRole !== fields.orgRole ? `; organisation role ${ORG_ROLE_LABELS[current.orgRole]} → ${ORG_ROLE_LABELS[fields.orgRole]}` : '';
    await audit({ action: 'person.update', recordType: 'User', recordId: userId, summary: `Updated ${fields.name}${roleChange}` });
    return { userId };
  },
  revalidate: (data) => ['/people', `/people/${data.userId}`],
});

export const disablePerson = defineAction({
  name: 'person.disable',
  permission: 'person.disable',
  input: disablePersonSchema,
  scope: personScope,
  async run({ input, user, tx, audit }) {
    if (input.userId === user.id) throw new ActionError('CONFLICT', 'You cannot disable your own account.');
    const person = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true, orgRole: true, disabledAt: true } });
    if (person.disabledAt) throw new ActionError('CONFLICT', `${person.name} is already disabled.`);
    if (person.orgRole === 'ADMIN') await assertAnAdminRemains(tx, [input.userId]);
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, version: input.version, disabledAt: null },
      data: { disabledAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    // Outstanding set-password links and every session die with the account: re-enabling it does not revive them.
    await tx.invitation.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: new Date() } });
    await endSessionsOf(tx, input.userId, 'DISABLED');
    await audit({ action: 'person.disable', recordType: 'User', recordId: input.userId, summary: `Disabled ${person.name}` });
    return { userId: input.userId };
  },
  revalidate: (data) => ['/people', `/people/${data.userId}`],
});

export const enablePerson = defineAction({
  name: 'person.enable',
  permission: 'person.disable',
  input: disablePersonSchema,
  scope: personScope,
  async run({ input, tx, audit }) {
    const person = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true, disabledAt: true } });
    if (!person.disabledAt) throw new ActionError('CONFLICT', `${person.name} is already active.`);
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, version: input.version, disabledAt: { not: null } },
      data: { disabledAt: null, version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await audit({ action: 'person.enable', recordType: 'User', recordId: input.userId, summary: `Re-enabled ${person.name}` });
    return { userId: input.userId };
  },
  revalidate: (data) => ['/people', `/people/${data.userId}`],
});

/** An administrator lifts the pause on signing in after repeated failed attempts. */
export const unlockSignIn = defineAction({
  name: 'person.signIn.unlock',
  permission: 'person.sessions.manage',
  input: personOnlySchema,
  scope: personScope,
  async run({ input, tx, audit }) {
    const person = await tx.user.update({ where: { id: input.userId }, data: { signInUnlockedAt: new Date() }, select: { name: true } });
    await audit({ action: 'person.signIn.unlock', recordType: 'User', recordId: input.userId, summary: `Unlocked sign-in for ${person.name}` });
    return { userId: input.userId };
  },
  revalidate: (data) => [`/people/${data.userId}`],
});

/** "Sign this person out everywhere": every session they have ends at its next request. */
export const endPersonSessions = defineAction({
  name: 'person.sessions.end',
  permission: 'person.sessions.manage',
  input: personOnlySchema,
  scope: personScope,
  async run({ input, user, tx, audit }) {
    if (input.userId === user.id) throw new ActionError('CONFLICT', 'To sign yourself out of your other sessions, use My account.');
    const person = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true } });
    const ended = await endSessionsOf(tx, input.userId, 'ENDED_BY_ADMIN');
    await audit({ action: 'person.sessions.end', recordType: 'User', recordId: input.userId, summary: `Signed ${person.name} out everywhere (${ended} session${ended === 1 ? '' : 's'})` });
    return { userId: input.userId, sessionsEnded: ended };
  },
  revalidate: (data) => [`/people/${data.userId}`],
});

export const issueInvitation = defineAction({
  name: 'person.invite',
  permission: 'person.invite',
  input: issueInvitationSchema,
  scope: personScope,
  async run({ input, user, tx, audit }) {
    const person = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true, disabledAt: true } });
    if (person.disabledAt) throw new ActionError('CONFLICT', `${person.name} is disabled: re-enable them before sending a link.`);
    const invitationPath = await issuePasswordLink(tx, input.userId, user.id);
    await audit({ action: 'person.invite', recordType: 'User', recordId: input.userId, summary: `Issued a set-password link for ${person.name}` });
    return { userId: input.userId, invitationPath };
  },
  revalidate: (data) => [`/people/${data.userId}`],
});
