'use server';

import { defineAction } from '@/lib/action';
import { ActionError, fieldError } from '@/lib/action-error';
import { lockKey } from '@/lib/db';
import { meetingScope } from '@/lib/onboarding/access';
import { WEEKDAY_LABELS } from '@/lib/onboarding/labels';
import { teamArrangementsPath } from '@/lib/onboarding/paths';
import { addMeetingSchema, addSystemAccessSchema, removeMeetingSchema, removeSystemAccessSchema } from '@/lib/onboarding/schemas';
import { activeTeam, teamScope } from '@/lib/teams/gate';

/*
 * The team's arrangements parity compares a placement with: its regular
 * meetings, and the systems its members have. Kept by the team's managers.
 */

export const addMeeting = defineAction({
  name: 'onboarding.meeting.add',
  permission: 'onboarding.team.manage',
  input: addMeetingSchema,
  scope: (input, tx) => teamScope(input, tx),
  async run({ input, tx, audit }) {
    const team = await activeTeam(tx, input.teamId);
    // One main meeting per team: two managers adding one at once wait for each other here.
    await tx.$queryRaw`SELECT id FROM "Team" WHERE id = ${input.teamId}::uuid FOR UPDATE`;
    if (input.main && (await tx.teamMeeting.count({ where: { teamId: input.teamId, main: true } })) > 0) {
      throw fieldError('main', 'The team already has a main decision-making meeting: remove it first, or answer no');
    }
    const meeting = await tx.teamMeeting.create({ data: { teamId: input.teamId, name: input.name, day: input.day, time: input.time, main: input.main }, select: { id: true } });
    await audit({ action: 'onboarding.meeting.add', recordType: 'TeamMeeting', recordId: meeting.id, summary: `Recorded ${team.name}'s ${input.main ? 'main decision-making ' : ''}meeting "${input.name}" on ${WEEKDAY_LABELS[input.day]}s at ${input.time}` });
    return { teamId: input.teamId };
  },
  revalidate: (data) => [teamArrangementsPath(data.teamId)],
});

export const removeMeeting = defineAction({
  name: 'onboarding.meeting.remove',
  permission: 'onboarding.team.manage',
  input: removeMeetingSchema,
  scope: (input, tx) => meetingScope(tx, input.meetingId),
  async run({ input, tx, audit }) {
    const meeting = await tx.teamMeeting.findUnique({ where: { id: input.meetingId }, select: { id: true, teamId: true, name: true, team: { select: { name: true } } } });
    if (!meeting) throw new ActionError('NOT_FOUND', 'That meeting no longer exists.');
    await tx.teamMeeting.delete({ where: { id: meeting.id } });
    await audit({ action: 'onboarding.meeting.remove', recordType: 'TeamMeeting', recordId: meeting.id, summary: `Removed ${meeting.team.name}'s meeting "${meeting.name}"` });
    return { teamId: meeting.teamId };
  },
  revalidate: (data) => [teamArrangementsPath(data.teamId)],
});

export const addSystemAccess = defineAction({
  name: 'onboarding.system.add',
  permission: 'onboarding.team.manage',
  input: addSystemAccessSchema,
  scope: (input, tx) => teamScope(input, tx),
  async run({ input, tx, audit }) {
    const team = await activeTeam(tx, input.teamId);
    // Only for someone in this team: a manager records their own team's access, nobody else's.
    const member = await tx.teamMembership.findUnique({ where: { teamId_userId: { teamId: input.teamId, userId: input.userId } }, select: { user: { select: { name: true } } } });
    if (!member) throw fieldError('userId', 'Select a member of the team');
    // The same system, however it was typed, is one system: two people recording one at once wait for each other.
    await lockKey(tx, 'onboarding-system-access');
    const existing = await tx.systemAccess.findFirst({ where: { userId: input.userId, system: { equals: input.system, mode: 'insensitive' } }, select: { id: true } });
    if (existing) throw fieldError('system', `${member.user.name} already has ${input.system}`);
    const known = await tx.systemAccess.findFirst({ where: { system: { equals: input.system, mode: 'insensitive' } }, select: { system: true } });
    const access = await tx.systemAccess.create({ data: { userId: input.userId, system: known?.system ?? input.system }, select: { id: true } });
    await audit({ action: 'onboarding.system.add', recordType: 'SystemAccess', recordId: access.id, summary: `Recorded that ${member.user.name} in ${team.name} has ${known?.system ?? input.system}` });
    return { teamId: input.teamId };
  },
  revalidate: (data) => [teamArrangementsPath(data.teamId)],
});

export const removeSystemAccess = defineAction({
  name: 'onboarding.system.remove',
  permission: 'onboarding.team.manage',
  input: removeSystemAccessSchema,
  scope: (input, tx) => teamScope(input, tx),
  async run({ input, tx, audit }) {
    const access = await tx.systemAccess.findFirst({
      where: { id: input.systemAccessId, user: { memberships: { some: { teamId: input.teamId } } } },
      select: { id: true, system: true, user: { select: { name: true } } },
    });
    if (!access) throw new ActionError('NOT_FOUND', 'That access is no longer recorded for anyone in this team.');
    await tx.systemAccess.delete({ where: { id: access.id } });
    await audit({ action: 'onboarding.system.remove', recordType: 'SystemAccess', recordId: access.id, summary: `Recorded that ${access.user.name} no longer has ${access.system}` });
    return { teamId: input.teamId };
  },
  revalidate: (data) => [teamArrangementsPath(data.teamId)],
});
