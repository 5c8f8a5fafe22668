'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError, MESSAGES } from '@/lib/action-error';
import { lockKey, type Tx } from '@/lib/db';
import { teamScope } from '@/lib/teams/access';
import { addMemberSchema, archiveTeamSchema, createTeamSchema, removeMemberSchema, updateTeamSchema } from '@/lib/teams/schemas';
import { TEAM_ROLE_LABELS } from '@/lib/teams/labels';

async function assertNameFree(tx: Tx, name: string, exceptTeamId?: string) {
  // Serialises name checks so two admins cannot create the same team at once.
  await lockKey(tx, 'team-name');
  const clash = await tx.team.findFirst({
    where: { name: { equals: name, mode: 'insensitive' }, archivedAt: null, ...(exceptTeamId ? { id: { not: exceptTeamId } } : {}) },
    select: { id: true },
  });
  if (clash) throw fieldError('name', 'A team with this name already exists');
}

export const createTeam = defineAction({
  name: 'team.create',
  permission: 'team.create',
  input: createTeamSchema,
  async run({ input, tx, audit }) {
    await assertNameFree(tx, input.name);
    const team = await tx.team.create({ data: input, select: { id: true, name: true } });
    await audit({ action: 'team.create', recordType: 'Team', recordId: team.id, summary: `Created team ${team.name}` });
    return { teamId: team.id };
  },
  revalidate: () => ['/teams'],
});

export const updateTeam = defineAction({
  name: 'team.update',
  permission: 'team.update',
  input: updateTeamSchema,
  scope: teamScope,
  async run({ input: { teamId, version, ...fields }, tx, audit }) {
    const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { archivedAt: true } });
    if (team.archivedAt) throw new ActionError('CONFLICT', 'This team is archived: restore it before editing it.');
    await assertNameFree(tx, fields.name, teamId);
    const { count } = await tx.team.updateMany({
      where: { id: teamId, version, archivedAt: null },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await audit({ action: 'team.update', recordType: 'Team', recordId: teamId, summary: `Updated team ${fields.name}` });
    return { teamId };
  },
  revalidate: (data) => ['/teams', `/teams/${data.teamId}`],
});

export const archiveTeam = defineAction({
  name: 'team.archive',
  permission: 'team.archive',
  input: archiveTeamSchema,
  scope: teamScope,
  async run({ input, tx, audit }) {
    const team = await tx.team.findUniqueOrThrow({ where: { id: input.teamId }, select: { name: true, archivedAt: true } });
    if (team.archivedAt) throw new ActionError('CONFLICT', 'This team is already archived.');
    const { count } = await tx.team.updateMany({
      where: { id: input.teamId, version: input.version, archivedAt: null },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await audit({ action: 'team.archive', recordType: 'Team', recordId: input.teamId, summary: `Archived team ${team.name}` });
    return { teamId: input.teamId };
  },
  revalidate: (data) => ['/teams', `/teams/${data.teamId}`],
});

export const restoreTeam = defineAction({
  name: 'team.restore',
  permission: 'team.archive',
  input: archiveTeamSchema,
  scope: teamScope,
  async run({ input, tx, audit }) {
    const team = await tx.team.findUniqueOrThrow({ where: { id: input.teamId }, select: { name: true } });
    await assertNameFree(tx, team.name, input.teamId);
    const { count } = await tx.team.updateMany({
      where: { id: input.teamId, version: input.version, archivedAt: { not: null } },
      data: { archivedAt: null, version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await audit({ action: 'team.restore', recordType: 'Team', recordId: input.teamId, summary: `Restored team ${team.name}` });
    return { teamId: input.teamId };
  },
  revalidate: (data) => ['/teams', `/teams/${data.teamId}`],
});

export const addTeamMember = defineAction({
  name: 'team.member.add',
  permission: 'team.members.manage',
  input: addMemberSchema,
  scope: teamScope,
  async run({ input, tx, audit }) {
    const [team, person] = await Promise.all([
      tx.team.findUniqueOrThrow({ where: { id: input.teamId }, select: { name: true, archivedAt: true } }),
      tx.user.findFirst({ where: { id: input.userId, disabledAt: null }, select: { name: true } }),
    ]);
    if (team.archivedAt) throw new ActionError('CONFLICT', 'This team is archived: restore it before changing its members.');
    if (!person) throw fieldError('userId', 'Select a person who has an active account');
    const existing = await tx.teamMembership.findUnique({ where: { teamId_userId: { teamId: input.teamId, userId: input.userId } }, select: { id: true } });
    if (existing) throw fieldError('userId', `${person.name} is already a member of this team`);
    const membership = await tx.teamMembership.create({ data: input, select: { id: true } });
    await audit({
      action: 'team.member.add',
      recordType: 'Team',
      recordId: input.teamId,
      summary: `Added ${person.name} to ${team.name} as ${TEAM_ROLE_LABELS[input.role].toLowerCase()}`,
    });
    return { membershipId: membership.id, teamId: input.teamId };
  },
  revalidate: (data) => [`/teams/${data.teamId}`],
});

export const removeTeamMember = defineAction({
  name: 'team.member.remove',
  permission: 'team.members.manage',
  input: removeMemberSchema,
  // The membership must belong to the team in the input: an id from another team is "not found".
  scope: async (input, tx) =>
    (await tx.teamMembership.findFirst({ where: { id: input.membershipId, teamId: input.teamId }, select: { id: true } })) ? { teamId: input.teamId } : null,
  async run({ input, tx, audit }) {
    const membership = await tx.teamMembership.findUniqueOrThrow({
      where: { id: input.membershipId },
      select: { team: { select: { name: true, archivedAt: true } }, user: { select: { name: true } } },
    });
    if (membership.team.archivedAt) throw new ActionError('CONFLICT', 'This team is archived: restore it before changing its members.');
    const { count } = await tx.teamMembership.deleteMany({ where: { id: input.membershipId, teamId: input.teamId } });
    if (count === 0) throw new ActionError('NOT_FOUND', MESSAGES.NOT_FOUND);
    await audit({
      action: 'team.member.remove',
      recordType: 'Team',
      recordId: input.teamId,
      summary: `Removed ${membership.user.name} from ${membership.team.name}`,
    });
    return { teamId: input.teamId };
  },
  revalidate: (data) => [`/teams/${data.teamId}`],
});
