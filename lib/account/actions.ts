'use server';

import { defineAction, definePublicAction } from '@/lib/action';
import { ActionError, conflict, fieldError } from '@/lib/action-error';
import { changePasswordSchema, endOtherSessionsSchema, setPasswordSchema, updateNameSchema } from '@/lib/account/schemas';
import { findUsableInvitation, hashPassword, verifyPassword, endSessionsOf } from '@/lib/auth/gate';

export const updateMyName = defineAction({
  name: 'account.name.update',
  permission: 'account.update',
  input: updateNameSchema,
  async run({ input, user, tx, audit }) {
    const { count } = await tx.user.updateMany({ where: { id: user.id, version: input.version }, data: { name: input.name, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    await audit({ action: 'account.name.update', recordType: 'User', recordId: user.id, summary: `Changed their name to ${input.name}` });
    return { userId: user.id };
  },
  revalidate: () => ['/account'],
});

export const changeMyPassword = defineAction({
  name: 'account.password.change',
  permission: 'account.update',
  input: changePasswordSchema,
  async run({ input, user, tx, audit, sessionId }) {
    const { passwordHash } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!passwordHash || !(await verifyPassword(passwordHash, input.currentPassword))) {
      throw fieldError('currentPassword', 'Your current password is not correct');
    }
    if (input.password === input.currentPassword) throw fieldError('password', 'Choose a password you have not used here before');
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password), version: { increment: 1 } } });
    // Anyone who had the old password, or a copied session cookie, is signed out; this browser stays signed in.
    const ended = await endSessionsOf(tx, user.id, 'PASSWORD_CHANGED', sessionId);
    await audit({ action: 'account.password.change', recordType: 'User', recordId: user.id, summary: `Changed their password${endedSummary(ended)}` });
    return { userId: user.id, sessionsEnded: ended };
  },
});

/** "Sign out of all other sessions" on My account: every other browser signed in as this person. */
export const endMyOtherSessions = defineAction({
  name: 'account.sessions.end',
  permission: 'account.update',
  input: endOtherSessionsSchema,
  async run({ user, tx, audit, sessionId }) {
    const ended = await endSessionsOf(tx, user.id, 'SIGNED_OUT_ELSEWHERE', sessionId);
    await audit({ action: 'account.sessions.end', recordType: 'User', recordId: user.id, summary: `Signed out of their other sessions${endedSummary(ended)}` });
    return { userId: user.id, sessionsEnded: ended };
  },
  revalidate: () => ['/account'],
});

function endedSummary(ended: number): string {
  return ended === 0 ? '' : ` (${ended} other session${ended === 1 ? '' : 's'} signed out)`;
}

/** Sets a password from a one-time link: the token is the credential, and it works once. */
export const setPasswordFromInvitation = definePublicAction({
  name: 'account.password.set',
  input: setPasswordSchema,
  async run({ input, tx, audit }) {
    const invitation = await findUsableInvitation(input.token, tx);
    if (!invitation) throw new ActionError('NOT_FOUND', 'This link has expired or has already been used. Ask an administrator for a new one.');
    // Claim the link atomically: of two concurrent uses, only one finds it unused.
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: new Date() } });
    if (count === 0) throw new ActionError('NOT_FOUND', 'This link has expired or has already been used. Ask an administrator for a new one.');
    // A new password from a link the person received also lifts a lockout, and ends every session made with the old one.
    await tx.user.update({
      where: { id: invitation.userId },
      data: { passwordHash: await hashPassword(input.password), signInUnlockedAt: new Date(), version: { increment: 1 } },
    });
    const ended = await endSessionsOf(tx, invitation.userId, 'PASSWORD_SET');
    await audit({
      action: 'account.password.set',
      recordType: 'User',
      recordId: invitation.userId,
      summary: `${invitation.user.name} set their password from a one-time link; sign-in unlocked${endedSummary(ended).replace(' other', '')}`,
    });
    return { email: invitation.user.email };
  },
});
