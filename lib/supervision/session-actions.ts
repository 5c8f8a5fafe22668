'use server';

import { randomUUID } from 'node:crypto';
import { defineAction } from '@/lib/action';
import { ActionError, conflict, MESSAGES } from '@/lib/action-error';
import { actionScope, arrangementScope, sessionScope } from '@/lib/supervision/access';
import { encryptField } from '@/lib/supervision/crypto';
import { tellSessionToCosign } from '@/lib/supervision/notifications';
import { agreementPath, sessionPath, SUPERVISION_PATH } from '@/lib/supervision/paths';
import { dayOf, describeSession, lockAgreement, lockSession, requireCurrentPlacement, requireHeld, requireParty, requireTopics, TYPE_PHRASES } from '@/lib/supervision/records';
import { actionStatusSchema, addActionSchema, amendSessionSchema, commentSchema, cosignSessionSchema, recordSessionSchema, updateSessionSchema } from '@/lib/supervision/schemas';

/*
 * Session records: recorded by the supervisor or the peer worker, co-signed by
 * the other ("this is a fair record"), never edited once co-signed (an
 * amendment is a new record naming it, and both are kept; the database refuses
 * the change too). Notes, who else attended, comments and actions are encrypted with the record's
 * own id bound in, so the id is chosen before encrypting. Audit summaries,
 * notifications and errors name the type and date of a session, never its text.
 */

const ACTION_STATUS_WORDS = { OPEN: 'open', DONE: 'done', DROPPED: 'dropped' } as const;

/** What a session record says, as stored: its date, length, topics, and who attended and the notes encrypted to the record's id. */
function sessionContent(input: { heldOn: Date; durationMinutes: number; attendees?: string | null; notes: string }, topics: string[], sessionId: string) {
  return {
    heldOn: input.heldOn,
    durationMinutes: input.durationMinutes,
    attendees: encryptField(input.attendees ?? '', { table: 'SupervisionSession', recordId: sessionId, field: 'attendees' }),
    topics,
    notes: encryptField(input.notes, { table: 'SupervisionSession', recordId: sessionId, field: 'notes' }),
  };
}

export const recordSession = defineAction({
  name: 'supervision.session.record',
  permission: 'supervision.session.record',
  input: recordSessionSchema,
  scope: (input, tx, user) => arrangementScope(tx, input.arrangementId, user),
  async run({ input, user, tx, audit }) {
    const { agreementId } = await tx.supervisionArrangement.findUniqueOrThrow({ where: { id: input.arrangementId }, select: { agreementId: true } });
    const agreement = await lockAgreement(tx, agreementId);
    requireCurrentPlacement(agreement);
    const arrangement = await tx.supervisionArrangement.findUniqueOrThrow({ where: { id: input.arrangementId }, select: { id: true, type: true, supervisorId: true, endedAt: true, supervisor: { select: { name: true } } } });
    // The type and supervisor come from the arrangement; only its two people record it.
    if (user.id !== arrangement.supervisorId && user.id !== agreement.peerWorkerId) throw new ActionError('FORBIDDEN', MESSAGES.FORBIDDEN);
    if (arrangement.endedAt) throw new ActionError('CONFLICT', 'This supervision arrangement has ended: record sessions under a current one.');
    requireHeld(input.heldOn);
    const topics = await requireTopics(tx, input.topics);
    const sessionId = randomUUID();
    await tx.supervisionSession.create({
      data: {
        id: sessionId,
        agreementId: agreement.id,
        arrangementId: arrangement.id,
        type: arrangement.type,
        supervisorId: arrangement.supervisorId,
        peerWorkerId: agreement.peerWorkerId,
        ...sessionContent(input, topics, sessionId),
        recordedById: user.id,
      },
    });
    await tellSessionToCosign(tx, { id: sessionId, type: arrangement.type, peerWorkerId: agreement.peerWorkerId, supervisorId: arrangement.supervisorId, agreementId: agreement.id }, user.id);
    await audit({
      action: 'supervision.session.record',
      recordType: 'SupervisionSession',
      recordId: sessionId,
      summary: `Recorded a ${TYPE_PHRASES[arrangement.type]} session on ${dayOf(input.heldOn)} between ${agreement.peerWorker.name} and ${arrangement.supervisor.name}`,
    });
    return { sessionId, agreementId: agreement.id };
  },
  revalidate: (data) => [SUPERVISION_PATH, agreementPath(data.agreementId), sessionPath(data.sessionId)],
});

export const updateSession = defineAction({
  name: 'supervision.session.update',
  permission: 'supervision.session.read',
  input: updateSessionSchema,
  scope: (input, tx, user) => sessionScope(tx, input.sessionId, user),
  async run({ input, user, tx, audit }) {
    const session = await lockSession(tx, input.sessionId);
    requireParty(session, user.id);
    requireCurrentPlacement(session.agreement);
    if (session.recordedById !== user.id) throw new ActionError('FORBIDDEN', 'Only the person who recorded this session can change it: add a comment instead.');
    if (session.cosignedAt) throw new ActionError('CONFLICT', 'This record has been co-signed, so it is never edited: amend it instead, and both records are kept.');
    if (session.version !== input.version) throw conflict();
    requireHeld(input.heldOn);
    const topics = await requireTopics(tx, input.topics);
    await tx.supervisionSession.update({
      where: { id: session.id },
      data: {
        ...sessionContent(input, topics, session.id),
        version: { increment: 1 },
      },
    });
    await audit({ action: 'supervision.session.update', recordType: 'SupervisionSession', recordId: session.id, summary: `Changed the record of ${describeSession({ type: session.type, heldOn: input.heldOn })} before it was co-signed` });
    return { sessionId: session.id, agreementId: session.agreementId };
  },
  revalidate: (data) => [SUPERVISION_PATH, agreementPath(data.agreementId), sessionPath(data.sessionId)],
});

export const amendSession = defineAction({
  name: 'supervision.session.amend',
  permission: 'supervision.session.read',
  input: amendSessionSchema,
  scope: (input, tx, user) => sessionScope(tx, input.sessionId, user),
  async run({ input, user, tx, audit }) {
    const original = await lockSession(tx, input.sessionId);
    requireParty(original, user.id);
    requireCurrentPlacement(original.agreement);
    if (!original.cosignedAt) throw new ActionError('CONFLICT', 'This record has not been co-signed yet: change it, or ask whoever recorded it to.');
    // One amendment per record (a unique index): a record already amended is amended through its latest amendment.
    if (original.amendedBy) throw new ActionError('CONFLICT', 'This record has already been amended: amend the latest amendment instead.');
    requireHeld(input.heldOn);
    const topics = await requireTopics(tx, input.topics);
    const sessionId = randomUUID();
    await tx.supervisionSession.create({
      data: {
        id: sessionId,
        agreementId: original.agreementId,
        arrangementId: original.arrangementId,
        type: original.type,
        supervisorId: original.supervisorId,
        peerWorkerId: original.peerWorkerId,
        ...sessionContent(input, topics, sessionId),
        recordedById: user.id,
        amendsId: original.id,
      },
    });
    // An amendment is a record like any other: the other party co-signs it.
    await tellSessionToCosign(tx, { id: sessionId, type: original.type, peerWorkerId: original.peerWorkerId, supervisorId: original.supervisorId, agreementId: original.agreementId }, user.id);
    await audit({ action: 'supervision.session.amend', recordType: 'SupervisionSession', recordId: sessionId, summary: `Amended the co-signed record of ${describeSession(original)}; the original is kept` });
    return { sessionId, agreementId: original.agreementId };
  },
  revalidate: (data) => [SUPERVISION_PATH, agreementPath(data.agreementId), sessionPath(data.sessionId)],
});

export const cosignSession = defineAction({
  name: 'supervision.session.cosign',
  permission: 'supervision.session.read',
  input: cosignSessionSchema,
  scope: (input, tx, user) => sessionScope(tx, input.sessionId, user),
  async run({ input, user, tx, audit }) {
    const session = await lockSession(tx, input.sessionId);
    requireParty(session, user.id);
    requireCurrentPlacement(session.agreement);
    if (session.recordedById === user.id) throw new ActionError('FORBIDDEN', 'You recorded this session: the other person in it co-signs it.');
    if (session.cosignedAt) throw new ActionError('CONFLICT', 'This record has already been co-signed.');
    if (session.version !== input.version) throw conflict();
    await tx.supervisionSession.update({ where: { id: session.id }, data: { cosignedAt: new Date(), cosignedById: user.id, version: { increment: 1 } } });
    await audit({ action: 'supervision.session.cosign', recordType: 'SupervisionSession', recordId: session.id, summary: `Co-signed the record of ${describeSession(session)} as a fair record` });
    return { sessionId: session.id, agreementId: session.agreementId };
  },
  revalidate: (data) => [SUPERVISION_PATH, agreementPath(data.agreementId), sessionPath(data.sessionId)],
});

export const commentOnSession = defineAction({
  name: 'supervision.session.comment',
  permission: 'supervision.session.read',
  input: commentSchema,
  scope: (input, tx, user) => sessionScope(tx, input.sessionId, user),
  async run({ input, user, tx, audit }) {
    const session = await lockSession(tx, input.sessionId);
    requireParty(session, user.id);
    requireCurrentPlacement(session.agreement);
    const commentId = randomUUID();
    await tx.supervisionComment.create({ data: { id: commentId, sessionId: session.id, authorId: user.id, text: encryptField(input.text, { table: 'SupervisionComment', recordId: commentId, field: 'text' }) } });
    await audit({ action: 'supervision.session.comment', recordType: 'SupervisionSession', recordId: session.id, summary: `Commented on the record of ${describeSession(session)}` });
    return { sessionId: session.id, agreementId: session.agreementId };
  },
  revalidate: (data) => [agreementPath(data.agreementId), sessionPath(data.sessionId)],
});

export const addSessionAction = defineAction({
  name: 'supervision.action.add',
  permission: 'supervision.session.read',
  input: addActionSchema,
  scope: (input, tx, user) => sessionScope(tx, input.sessionId, user),
  async run({ input, user, tx, audit }) {
    const session = await lockSession(tx, input.sessionId);
    requireParty(session, user.id);
    requireCurrentPlacement(session.agreement);
    const ownerId = input.owner === 'PEER_WORKER' ? session.peerWorkerId : session.supervisorId;
    const actionId = randomUUID();
    await tx.supervisionAction.create({
      data: { id: actionId, agreementId: session.agreementId, sessionId: session.id, ownerId, text: encryptField(input.text, { table: 'SupervisionAction', recordId: actionId, field: 'text' }), dueOn: input.dueOn },
    });
    await audit({ action: 'supervision.action.add', recordType: 'SupervisionAction', recordId: actionId, summary: `Agreed an action in ${describeSession(session)}, for the ${input.owner === 'PEER_WORKER' ? 'peer worker' : 'supervisor'}, due ${dayOf(input.dueOn)}` });
    return { actionId, sessionId: session.id, agreementId: session.agreementId };
  },
  revalidate: (data) => [SUPERVISION_PATH, agreementPath(data.agreementId), sessionPath(data.sessionId)],
});

export const updateActionStatus = defineAction({
  name: 'supervision.action.status',
  permission: 'supervision.session.read',
  input: actionStatusSchema,
  scope: (input, tx, user) => actionScope(tx, input.actionId, user),
  async run({ input, user, tx, audit }) {
    await tx.$queryRaw`SELECT 1 FROM "SupervisionAction" WHERE "id" = ${input.actionId}::uuid FOR UPDATE`;
    const action = await tx.supervisionAction.findUniqueOrThrow({
      where: { id: input.actionId },
      select: { id: true, agreementId: true, sessionId: true, status: true, version: true, session: { select: { type: true, heldOn: true, peerWorkerId: true, supervisorId: true } }, agreement: { select: { placement: { select: { endedAt: true } } } } },
    });
    requireParty(action.session, user.id);
    requireCurrentPlacement(action.agreement);
    if (action.version !== input.version) throw conflict();
    if (action.status === input.status) throw new ActionError('CONFLICT', `This action is already ${ACTION_STATUS_WORDS[input.status]}.`);
    await tx.supervisionAction.update({ where: { id: action.id }, data: { status: input.status, doneAt: input.status === 'DONE' ? new Date() : null, version: { increment: 1 } } });
    await audit({ action: 'supervision.action.status', recordType: 'SupervisionAction', recordId: action.id, summary: `Marked an action from ${describeSession(action.session)} as ${ACTION_STATUS_WORDS[input.status]}` });
    return { actionId: action.id, sessionId: action.sessionId, agreementId: action.agreementId };
  },
  revalidate: (data) => [SUPERVISION_PATH, agreementPath(data.agreementId), sessionPath(data.sessionId)],
});
