import { ActionError, fieldError, MESSAGES } from '@/lib/action-error';
import type { Tx } from '@/lib/db';
import type { SupervisionType } from '@/lib/generated/prisma/enums';

/*
 * What supervision's actions share: the people a form names, the records they
 * lock, and how a session is described where its content may not go (audit
 * summaries, notifications): its type and date, never its notes.
 */

/** The type of supervision as a sentence says it: "a peer supervision session". */
export const TYPE_PHRASES: Record<SupervisionType, string> = {
  PEER: 'peer supervision',
  LINE_MANAGEMENT: 'line management',
  CLINICAL: 'clinical or practice supervision',
  GROUP_REFLECTIVE: 'group reflective practice',
};

/** "3 December 2026": a session's date in audit summaries and emails. */
export function dayOf(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "the peer supervision session on 3 December 2026": how a session is named where its content may not go. */
export function describeSession(session: { type: SupervisionType; heldOn: Date }): string {
  return `the ${TYPE_PHRASES[session.type]} session on ${dayOf(session.heldOn)}`;
}

/** An active account named by email in a form. */
export async function personByEmail(tx: Tx, email: string, field: string, what: string) {
  const person = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, disabledAt: true } });
  if (!person || person.disabledAt) throw fieldError(field, `There is no active PeerRoles account for ${email}: enter the email address of ${what}`);
  return person;
}

/**
 * The agreement, locked for this transaction: changes to one agreement (its
 * arrangements, signatures, sessions) happen one at a time.
 */
export async function lockAgreement(tx: Tx, agreementId: string) {
  await tx.$queryRaw`SELECT 1 FROM "SupervisionAgreement" WHERE "id" = ${agreementId}::uuid FOR UPDATE`;
  return tx.supervisionAgreement.findUniqueOrThrow({
    where: { id: agreementId },
    select: {
      id: true,
      teamId: true,
      peerWorkerId: true,
      signedByPeerWorkerAt: true,
      version: true,
      peerWorker: { select: { name: true } },
      team: { select: { name: true } },
      placement: { select: { endedAt: true } },
    },
  });
}

export type LockedAgreement = Awaited<ReturnType<typeof lockAgreement>>;

/** Supervision continues only while the placement does: its history stays readable after. */
export function requireCurrentPlacement(agreement: { placement: { endedAt: Date | null } }): void {
  if (agreement.placement.endedAt) throw new ActionError('CONFLICT', 'This placement has ended: its supervision record is kept but takes no more changes.');
}

/** The session, locked for this transaction (a FOR UPDATE lock fires no trigger, so a co-signed row may be locked). */
export async function lockSession(tx: Tx, sessionId: string) {
  await tx.$queryRaw`SELECT 1 FROM "SupervisionSession" WHERE "id" = ${sessionId}::uuid FOR UPDATE`;
  return tx.supervisionSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      agreementId: true,
      arrangementId: true,
      type: true,
      heldOn: true,
      supervisorId: true,
      peerWorkerId: true,
      recordedById: true,
      cosignedAt: true,
      version: true,
      amendedBy: { select: { id: true } },
      agreement: { select: { placement: { select: { endedAt: true } } } },
    },
  });
}

export type LockedSession = Awaited<ReturnType<typeof lockSession>>;

/** Only the two people in a session act on its record, whatever else they may see. */
export function requireParty(session: { peerWorkerId: string; supervisorId: string }, userId: string): void {
  if (session.peerWorkerId !== userId && session.supervisorId !== userId) throw new ActionError('FORBIDDEN', MESSAGES.FORBIDDEN);
}

/** The other party to a session: the one who did not record it. */
export function otherParty(session: { peerWorkerId: string; supervisorId: string }, userId: string): string {
  return session.peerWorkerId === userId ? session.supervisorId : session.peerWorkerId;
}

/** Topics must come from the catalogue (SupervisionTopic). */
export async function requireTopics(tx: Tx, topics: readonly string[]): Promise<string[]> {
  const unique = [...new Set(topics)];
  if (unique.length === 0) return [];
  const known = await tx.supervisionTopic.count({ where: { key: { in: unique } } });
  if (known !== unique.length) throw fieldError('topics', 'Select topics from the list');
  return unique;
}

/** A session is recorded once held: today at the latest (a day's grace for time zones). */
export function requireHeld(heldOn: Date, now = new Date()): void {
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  if (heldOn.getTime() > tomorrow) throw fieldError('heldOn.day', 'The date of the session must be today or in the past');
}
