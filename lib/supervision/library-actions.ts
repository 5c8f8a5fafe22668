'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError } from '@/lib/action-error';
import type { Tx } from '@/lib/db';
import type { PermissionScope } from '@/lib/permissions';
import { libraryReviewScope } from '@/lib/supervision/access';
import { tellEntryProposed } from '@/lib/supervision/notifications';
import { LIBRARY_PATH } from '@/lib/supervision/paths';
import { proposeEntrySchema, reviewEntrySchema, withdrawEntrySchema } from '@/lib/supervision/schemas';

/*
 * The peer practice library: a peer worker proposes a reflection (from a
 * session of theirs, or not), confirming it identifies nobody; a peer
 * supervisor other than the author approves or declines it; only then is it
 * published, to the team or the organisation. The author may withdraw it at
 * any time. The audit log names an entry by its record, never its title: a
 * proposal may be declined, or withdrawn, because it says too much, and the
 * audit log is kept and read by administrators long after.
 */

/** The author's current placement (the latest, if more than one). */
function currentPlacement(tx: Tx, userId: string) {
  return tx.placement.findFirst({ where: { userId, endedAt: null }, orderBy: { startDate: 'desc' }, select: { teamId: true, team: { select: { name: true } } } });
}

/** Proposing is for a placed peer worker, in the team of their current placement. Null (refused) for anyone else. */
async function proposeScope(tx: Tx, userId: string): Promise<PermissionScope | null> {
  const placement = await currentPlacement(tx, userId);
  return placement ? { teamId: placement.teamId, relations: ['PLACED_PEER_WORKER'] } : null;
}

export const proposeEntry = defineAction({
  name: 'library.entry.propose',
  permission: 'library.propose',
  input: proposeEntrySchema,
  scope: (_input, tx, user) => proposeScope(tx, user.id),
  async run({ input, user, tx, audit }) {
    const placement = await currentPlacement(tx, user.id);
    if (!placement) throw new ActionError('FORBIDDEN', 'Library entries are proposed by peer workers with a current placement.');
    if (input.sessionId) {
      const session = await tx.supervisionSession.findFirst({ where: { id: input.sessionId, peerWorkerId: user.id }, select: { id: true } });
      if (!session) throw fieldError('sessionId', 'Select one of your own sessions, or propose it on its own');
    }
    const entry = await tx.libraryEntry.create({
      data: {
        authorId: user.id,
        teamId: placement.teamId,
        sessionId: input.sessionId,
        scope: input.scope,
        title: input.title,
        situation: input.situation,
        whatIDid: input.whatIDid,
        whatILearned: input.whatILearned,
        tags: input.tags,
        showName: input.showName,
        confirmedNoIdentifiers: input.confirmedNoIdentifiers,
      },
      select: { id: true },
    });
    await tellEntryProposed(tx, entry.id, user.id, placement.team.name);
    await audit({ action: 'library.entry.propose', recordType: 'LibraryEntry', recordId: entry.id, summary: `Proposed an entry for the peer practice library, for ${input.scope === 'TEAM' ? 'their team' : 'the organisation'}` });
    return { entryId: entry.id };
  },
  revalidate: () => [LIBRARY_PATH],
});

export const reviewEntry = defineAction({
  name: 'library.entry.review',
  permission: 'library.review',
  input: reviewEntrySchema,
  scope: (input, tx, user) => libraryReviewScope(tx, input.entryId, user),
  async run({ input, user, tx, audit }) {
    await tx.$queryRaw`SELECT 1 FROM "LibraryEntry" WHERE "id" = ${input.entryId}::uuid FOR UPDATE`;
    const entry = await tx.libraryEntry.findUniqueOrThrow({ where: { id: input.entryId }, select: { id: true, authorId: true, status: true, version: true } });
    if (entry.authorId === user.id) throw new ActionError('FORBIDDEN', 'You wrote this entry: another peer supervisor reviews it.');
    if (entry.version !== input.version) throw conflict();
    if (entry.status !== 'PROPOSED') throw new ActionError('CONFLICT', 'This entry is no longer waiting for review.');
    const approved = input.decision === 'APPROVE';
    await tx.libraryEntry.update({ where: { id: entry.id }, data: { status: approved ? 'PUBLISHED' : 'DECLINED', reviewedById: user.id, reviewedAt: new Date(), version: { increment: 1 } } });
    await audit({ action: 'library.entry.review', recordType: 'LibraryEntry', recordId: entry.id, summary: `${approved ? 'Approved and published' : 'Declined'} an entry in the peer practice library` });
    return { entryId: entry.id };
  },
  revalidate: () => [LIBRARY_PATH],
});

export const withdrawEntry = defineAction({
  name: 'library.entry.withdraw',
  // The author's own entry, whatever their roles or placement now; nobody else's, not even a reviewer's.
  permission: 'account.update',
  input: withdrawEntrySchema,
  async run({ input, user, tx, audit }) {
    await tx.$queryRaw`SELECT 1 FROM "LibraryEntry" WHERE "id" = ${input.entryId}::uuid FOR UPDATE`;
    const entry = await tx.libraryEntry.findUnique({ where: { id: input.entryId }, select: { id: true, authorId: true, status: true, version: true } });
    if (!entry) throw new ActionError('NOT_FOUND', 'That entry no longer exists.');
    if (entry.authorId !== user.id) throw new ActionError('FORBIDDEN', 'Only the author of an entry can withdraw it.');
    if (entry.version !== input.version) throw conflict();
    if (entry.status === 'WITHDRAWN' || entry.status === 'DECLINED') throw new ActionError('CONFLICT', entry.status === 'WITHDRAWN' ? 'You have already withdrawn this entry.' : 'This entry was declined, so it is not in the library.');
    await tx.libraryEntry.update({ where: { id: entry.id }, data: { status: 'WITHDRAWN', withdrawnAt: new Date(), version: { increment: 1 } } });
    await audit({ action: 'library.entry.withdraw', recordType: 'LibraryEntry', recordId: entry.id, summary: 'Withdrew an entry from the peer practice library' });
    return { entryId: entry.id };
  },
  revalidate: () => [LIBRARY_PATH],
});
