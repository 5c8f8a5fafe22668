'use server';

import { defineAction } from '@/lib/action';
import { ActionError, fieldError } from '@/lib/action-error';
import { CHECK_INS_PATH, sessionPath, SUPERVISION_PATH } from '@/lib/supervision/paths';
import { checkInSchema } from '@/lib/supervision/schemas';

/*
 * A peer worker's check-in: how supported they feel, 1 to 5 on five questions,
 * with a session or on its own. Only their own, while they are placed: the team
 * is their current placement's, so team figures count them where they work.
 * The audit log says that they checked in, never what they answered.
 */

export const recordCheckIn = defineAction({
  name: 'supervision.checkin.record',
  permission: 'account.update',
  input: checkInSchema,
  async run({ input, user, tx, audit }) {
    const placement = await tx.placement.findFirst({ where: { userId: user.id, endedAt: null }, orderBy: { startDate: 'desc' }, select: { teamId: true } });
    if (!placement) throw new ActionError('FORBIDDEN', 'Check-ins are for peer workers with a current placement.');
    if (input.sessionId) {
      // Only a session of their own, and one check-in per session (a unique index backs this).
      await tx.$queryRaw`SELECT 1 FROM "SupervisionSession" WHERE "id" = ${input.sessionId}::uuid AND "peerWorkerId" = ${user.id}::uuid FOR UPDATE`;
      const session = await tx.supervisionSession.findFirst({ where: { id: input.sessionId, peerWorkerId: user.id }, select: { id: true, checkIn: { select: { id: true } } } });
      if (!session) throw fieldError('sessionId', 'Select one of your own sessions, or check in on its own');
      if (session.checkIn) throw new ActionError('CONFLICT', 'You have already checked in for this session.');
    }
    const checkIn = await tx.checkIn.create({
      data: {
        peerWorkerId: user.id,
        teamId: placement.teamId,
        sessionId: input.sessionId,
        supported: input.supported,
        clearRole: input.clearRole,
        equalMember: input.equalMember,
        experienceValued: input.experienceValued,
        practiseAsPeer: input.practiseAsPeer,
      },
      select: { id: true },
    });
    await audit({ action: 'supervision.checkin.record', recordType: 'CheckIn', recordId: checkIn.id, summary: input.sessionId ? 'Checked in after a supervision session' : 'Checked in' });
    return { checkInId: checkIn.id, sessionId: input.sessionId };
  },
  revalidate: (data) => [CHECK_INS_PATH, SUPERVISION_PATH, ...(data.sessionId ? [sessionPath(data.sessionId)] : [])],
});
