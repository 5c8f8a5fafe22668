'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError, MESSAGES } from '@/lib/action-error';
import { agreementScope, arrangementScope, placementForAgreementScope } from '@/lib/supervision/access';
import { agreementPath, SUPERVISION_PATH } from '@/lib/supervision/paths';
import { lockAgreement, personByEmail, requireCurrentPlacement, TYPE_PHRASES } from '@/lib/supervision/records';
import { addArrangementSchema, createAgreementSchema, endArrangementSchema, signAgreementSchema } from '@/lib/supervision/schemas';

/*
 * A peer worker's supervision agreement, on their placement: set up by the
 * team's manager or the line manager, one arrangement per type of supervision
 * (from whom, every how many weeks), signed by the peer worker and by each
 * supervisor for their own arrangements. Adding an arrangement changes what the
 * peer worker agreed to, so they sign again.
 */

export const createAgreement = defineAction({
  name: 'supervision.agreement.create',
  permission: 'supervision.agreement.manage',
  input: createAgreementSchema,
  scope: (input, tx, user) => placementForAgreementScope(tx, input.placementId, user),
  async run({ input, user, tx, audit }) {
    // One agreement per placement: two managers at once wait for each other, then the second finds the first.
    await tx.$queryRaw`SELECT 1 FROM "Placement" WHERE "id" = ${input.placementId}::uuid FOR UPDATE`;
    const placement = await tx.placement.findUniqueOrThrow({
      where: { id: input.placementId },
      select: { id: true, userId: true, teamId: true, endedAt: true, user: { select: { name: true } }, team: { select: { name: true, archivedAt: true } }, supervision: { select: { id: true } } },
    });
    if (placement.endedAt) throw new ActionError('CONFLICT', 'This placement has ended: supervision is agreed for current placements.');
    if (placement.team.archivedAt) throw new ActionError('CONFLICT', 'This team is archived: restore it before setting up supervision.');
    if (placement.supervision) throw new ActionError('CONFLICT', `${placement.user.name} already has a supervision agreement for this placement: change that one instead.`);
    const agreement = await tx.supervisionAgreement.create({
      data: { placementId: placement.id, peerWorkerId: placement.userId, teamId: placement.teamId, createdById: user.id },
      select: { id: true },
    });
    await audit({ action: 'supervision.agreement.create', recordType: 'SupervisionAgreement', recordId: agreement.id, summary: `Set up a supervision agreement for ${placement.user.name} in ${placement.team.name}` });
    return { agreementId: agreement.id };
  },
  revalidate: (data) => [SUPERVISION_PATH, agreementPath(data.agreementId)],
});

export const addArrangement = defineAction({
  name: 'supervision.arrangement.add',
  permission: 'supervision.agreement.manage',
  input: addArrangementSchema,
  scope: (input, tx, user) => agreementScope(tx, input.agreementId, user),
  async run({ input, tx, audit }) {
    const agreement = await lockAgreement(tx, input.agreementId);
    requireCurrentPlacement(agreement);
    if (agreement.version !== input.version) throw conflict();
    const supervisor = await personByEmail(tx, input.supervisorEmail, 'supervisorEmail', 'their supervisor');
    if (supervisor.id === agreement.peerWorkerId) throw fieldError('supervisorEmail', 'A peer worker cannot supervise themselves: enter the email address of their supervisor');
    // Each type is due on its own schedule, so an agreement has one current arrangement per type.
    const sameType = await tx.supervisionArrangement.findFirst({ where: { agreementId: agreement.id, type: input.type, endedAt: null }, select: { supervisor: { select: { name: true } } } });
    if (sameType) throw fieldError('type', `${agreement.peerWorker.name} already receives ${TYPE_PHRASES[input.type]} from ${sameType.supervisor.name}: end that arrangement first`);
    const arrangement = await tx.supervisionArrangement.create({
      data: { agreementId: agreement.id, type: input.type, supervisorId: supervisor.id, everyWeeks: input.everyWeeks, startsOn: input.startsOn },
      select: { id: true },
    });
    // The agreement changed, so the peer worker's signature no longer covers it.
    await tx.supervisionAgreement.update({ where: { id: agreement.id }, data: { signedByPeerWorkerAt: null, version: { increment: 1 } } });
    await audit({
      action: 'supervision.arrangement.add',
      recordType: 'SupervisionAgreement',
      recordId: agreement.id,
      summary: `Added ${TYPE_PHRASES[input.type]} from ${supervisor.name} every ${input.everyWeeks} week${input.everyWeeks === 1 ? '' : 's'} to ${agreement.peerWorker.name}'s supervision agreement${agreement.signedByPeerWorkerAt ? '; their signature was cleared, to sign again' : ''}`,
    });
    return { agreementId: agreement.id, arrangementId: arrangement.id };
  },
  revalidate: (data) => [SUPERVISION_PATH, agreementPath(data.agreementId)],
});

export const endArrangement = defineAction({
  name: 'supervision.arrangement.end',
  permission: 'supervision.agreement.manage',
  input: endArrangementSchema,
  scope: (input, tx, user) => arrangementScope(tx, input.arrangementId, user),
  async run({ input, tx, audit }) {
    const { agreementId } = await tx.supervisionArrangement.findUniqueOrThrow({ where: { id: input.arrangementId }, select: { agreementId: true } });
    const agreement = await lockAgreement(tx, agreementId);
    if (agreement.version !== input.version) throw conflict();
    const arrangement = await tx.supervisionArrangement.findUniqueOrThrow({ where: { id: input.arrangementId }, select: { id: true, type: true, endedAt: true, supervisor: { select: { name: true } } } });
    if (arrangement.endedAt) throw new ActionError('CONFLICT', 'This arrangement has already ended.');
    await tx.supervisionArrangement.update({ where: { id: arrangement.id }, data: { endedAt: new Date() } });
    await tx.supervisionAgreement.update({ where: { id: agreement.id }, data: { version: { increment: 1 } } });
    await audit({
      action: 'supervision.arrangement.end',
      recordType: 'SupervisionAgreement',
      recordId: agreement.id,
      summary: `Ended ${TYPE_PHRASES[arrangement.type]} from ${arrangement.supervisor.name} in ${agreement.peerWorker.name}'s supervision agreement; its sessions are kept`,
    });
    return { agreementId: agreement.id };
  },
  revalidate: (data) => [SUPERVISION_PATH, agreementPath(data.agreementId)],
});

export const signAgreement = defineAction({
  name: 'supervision.agreement.sign',
  permission: 'supervision.agreement.sign',
  input: signAgreementSchema,
  scope: (input, tx, user) => agreementScope(tx, input.agreementId, user),
  async run({ input, user, tx, audit }) {
    const agreement = await lockAgreement(tx, input.agreementId);
    requireCurrentPlacement(agreement);
    if (agreement.version !== input.version) throw conflict();
    const now = new Date();
    let summary: string;
    if (agreement.peerWorkerId === user.id) {
      if (agreement.signedByPeerWorkerAt) throw new ActionError('CONFLICT', 'You have already signed this agreement.');
      const arrangements = await tx.supervisionArrangement.count({ where: { agreementId: agreement.id, endedAt: null } });
      if (arrangements === 0) throw new ActionError('CONFLICT', 'This agreement has no supervision in it yet: it is signed once your manager has added who supervises you.');
      await tx.supervisionAgreement.update({ where: { id: agreement.id }, data: { signedByPeerWorkerAt: now, version: { increment: 1 } } });
      summary = `${agreement.peerWorker.name} signed their supervision agreement in ${agreement.team.name}`;
    } else {
      // A supervisor signs for their own arrangements only.
      const { count } = await tx.supervisionArrangement.updateMany({ where: { agreementId: agreement.id, supervisorId: user.id, endedAt: null, signedBySupervisorAt: null }, data: { signedBySupervisorAt: now } });
      if (count === 0) {
        const theirs = await tx.supervisionArrangement.count({ where: { agreementId: agreement.id, supervisorId: user.id, endedAt: null } });
        if (theirs === 0) throw new ActionError('FORBIDDEN', MESSAGES.FORBIDDEN);
        throw new ActionError('CONFLICT', 'You have already signed this agreement.');
      }
      await tx.supervisionAgreement.update({ where: { id: agreement.id }, data: { version: { increment: 1 } } });
      summary = `Signed ${agreement.peerWorker.name}'s supervision agreement in ${agreement.team.name} as their supervisor`;
    }
    await audit({ action: 'supervision.agreement.sign', recordType: 'SupervisionAgreement', recordId: agreement.id, summary });
    return { agreementId: agreement.id };
  },
  revalidate: (data) => [SUPERVISION_PATH, agreementPath(data.agreementId)],
});
