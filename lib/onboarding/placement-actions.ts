'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError } from '@/lib/action-error';
import { lockKey, type Tx } from '@/lib/db';
import { placementScope } from '@/lib/onboarding/access';
import { tellPlanStarted } from '@/lib/onboarding/notifications';
import { placementPath } from '@/lib/onboarding/paths';
import { lockPlacement, personByEmail, placementParity, requireCurrent, startPlan, type LockedPlacement } from '@/lib/onboarding/records';
import { acceptParitySchema, changePlacementSchema, endPlacementSchema, startPlacementSchema } from '@/lib/onboarding/schemas';
import type { PermissionScope } from '@/lib/permissions';
import { markPlaced } from '@/lib/recruitment/gate';
import { getAgreedVersion, RoleNotAgreedError } from '@/lib/roles/gate';
import { activeTeam } from '@/lib/teams/gate';

/*
 * A peer worker's placement: started by a team's manager (from a recruitment
 * appointment or directly), changed with its history kept (and, for a change of
 * role version or arrangements, a short plan of its own), ended, and its parity
 * issues accepted with a reason.
 */

/** The team a new placement is in: the appointment's, or the role's. Null when neither exists. */
async function startScope(input: { appointmentId: string | null; roleId: string | null }, tx: Tx): Promise<PermissionScope | null> {
  if (input.appointmentId) {
    const appointment = await tx.appointment.findUnique({ where: { id: input.appointmentId }, select: { teamId: true } });
    return appointment ? { teamId: appointment.teamId } : null;
  }
  if (input.roleId) {
    const role = await tx.role.findUnique({ where: { id: input.roleId }, select: { teamId: true } });
    return role ? { teamId: role.teamId } : null;
  }
  return null;
}

async function agreedVersionOf(tx: Tx, roleId: string) {
  try {
    return await getAgreedVersion(roleId, tx);
  } catch (error) {
    if (error instanceof RoleNotAgreedError) throw fieldError('roleId', 'This role has no agreed version yet: a peer worker is placed on an agreed role');
    throw error;
  }
}

/** The line manager and peer supervisor a form names: active accounts, and never the peer worker themselves. */
async function namedPeople(tx: Tx, input: { lineManagerEmail: string | null; peerSupervisorEmail: string | null }, peerWorkerId: string) {
  const lineManager = input.lineManagerEmail ? await personByEmail(tx, input.lineManagerEmail, 'lineManagerEmail', 'their line manager') : null;
  const peerSupervisor = input.peerSupervisorEmail ? await personByEmail(tx, input.peerSupervisorEmail, 'peerSupervisorEmail', 'their peer supervisor') : null;
  if (lineManager?.id === peerWorkerId) throw fieldError('lineManagerEmail', 'A peer worker cannot be their own line manager');
  if (peerSupervisor?.id === peerWorkerId) throw fieldError('peerSupervisorEmail', 'A peer worker cannot be their own peer supervisor');
  return { lineManagerId: lineManager?.id ?? null, peerSupervisorId: peerSupervisor?.id ?? null };
}

export const startPlacement = defineAction({
  name: 'onboarding.placement.start',
  permission: 'onboarding.manage',
  input: startPlacementSchema,
  scope: (input, tx) => startScope(input, tx),
  async run({ input, user, tx, audit }) {
    let person: { id: string; name: string };
    let teamId: string;
    let roleVersionId: string;
    let hrId: string | null = null;
    if (input.appointmentId) {
      const appointment = await tx.appointment.findUniqueOrThrow({ where: { id: input.appointmentId }, select: { id: true, teamId: true, roleVersionId: true, createdById: true, user: { select: { id: true, name: true, disabledAt: true } } } });
      if (appointment.user.disabledAt) throw new ActionError('CONFLICT', 'The appointed person’s account is disabled: an administrator must enable it first.');
      if (!(await markPlaced(tx, appointment.id))) throw new ActionError('CONFLICT', 'This appointment has already been placed.');
      person = appointment.user;
      teamId = appointment.teamId;
      roleVersionId = appointment.roleVersionId;
      // The HR person who handed the candidate on does the HR tasks.
      hrId = appointment.createdById;
    } else {
      if (!input.personEmail) throw fieldError('personEmail', 'Enter the peer worker’s email address');
      if (!input.roleId) throw fieldError('roleId', 'Select the role they are placed on');
      person = await personByEmail(tx, input.personEmail, 'personEmail', 'the peer worker');
      const version = await agreedVersionOf(tx, input.roleId);
      teamId = version.role.teamId;
      roleVersionId = version.id;
    }
    const team = await activeTeam(tx, teamId);
    // One current placement per person in a team: a second would split their plan and arrangements.
    await lockKey(tx, `placement:${person.id}:${teamId}`);
    if (await tx.placement.findFirst({ where: { userId: person.id, teamId, endedAt: null }, select: { id: true } })) {
      throw new ActionError('CONFLICT', `${person.name} already has a current placement in ${team.name}: change that one instead.`);
    }
    const people = await namedPeople(tx, input, person.id);
    const placement = await tx.placement.create({
      data: {
        userId: person.id,
        teamId,
        roleVersionId,
        appointmentId: input.appointmentId,
        startDate: input.startDate,
        contractType: input.contractType,
        band: input.band,
        hoursPerWeek: input.hoursPerWeek,
        workingDays: input.workingDays,
        ...people,
        createdById: user.id,
      },
      select: { id: true, userId: true, startDate: true, workingDays: true, lineManagerId: true, peerSupervisorId: true },
    });
    // They join the team as a peer worker, if they were not in it already: an equal member from day one.
    const member = await tx.teamMembership.findUnique({ where: { teamId_userId: { teamId, userId: person.id } }, select: { role: true } });
    if (!member) await tx.teamMembership.create({ data: { teamId, userId: person.id, role: 'PEER_WORKER' } });
    const plan = await startPlan(tx, placement, { templateId: input.templateId, reason: 'JOINING', createdById: user.id, hrId });
    await tellPlanStarted(tx, placement.id, plan.planId, team.name, user.id);
    await audit({
      action: 'onboarding.placement.start',
      recordType: 'Placement',
      recordId: placement.id,
      summary: `Placed ${person.name} in ${team.name}${input.appointmentId ? ' from a recruitment appointment' : ''}, with a plan of ${plan.tasks} tasks from "${plan.templateName}"${member ? '' : '; added them to the team as a peer worker'}`,
    });
    return { placementId: placement.id };
  },
  revalidate: (data) => ['/onboarding', placementPath(data.placementId), '/'],
});

/** What a placement's history keeps of it: the arrangements as the people who read it say them. */
function snapshot(placement: Pick<LockedPlacement, 'roleVersionId' | 'startDate' | 'contractType' | 'band' | 'hoursPerWeek' | 'workingDays' | 'lineManagerId' | 'peerSupervisorId'>) {
  return {
    roleVersionId: placement.roleVersionId,
    startDate: placement.startDate.toISOString().slice(0, 10),
    contractType: placement.contractType,
    band: placement.band,
    hoursPerWeek: Number(placement.hoursPerWeek),
    workingDays: [...placement.workingDays],
    lineManagerId: placement.lineManagerId,
    peerSupervisorId: placement.peerSupervisorId,
  };
}

export const changePlacement = defineAction({
  name: 'onboarding.placement.change',
  permission: 'onboarding.manage',
  input: changePlacementSchema,
  scope: (input, tx, user) => placementScope(tx, input.placementId, user),
  async run({ input, user, tx, audit }) {
    const placement = await lockPlacement(tx, input.placementId);
    requireCurrent(placement);
    if (placement.version !== input.version) throw conflict();
    const people = await namedPeople(tx, input, placement.userId);
    let roleVersionId = placement.roleVersionId;
    if (input.moveToAgreedVersion) {
      const current = await tx.roleVersion.findUniqueOrThrow({ where: { id: placement.roleVersionId }, select: { roleId: true } });
      roleVersionId = (await agreedVersionOf(tx, current.roleId)).id;
    }
    const before = snapshot(placement);
    const after = snapshot({ ...placement, roleVersionId, startDate: input.startDate, contractType: input.contractType, band: input.band, hoursPerWeek: input.hoursPerWeek as never, workingDays: input.workingDays, ...people });
    const changed = (Object.keys(after) as Array<keyof typeof after>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    if (changed.length === 0 && !input.templateId) throw fieldError('contractType', 'Nothing has changed: change an arrangement, or go back');
    if (changed.length > 0) {
      await tx.placement.update({
        where: { id: placement.id },
        data: { roleVersionId, startDate: input.startDate, contractType: input.contractType, band: input.band, hoursPerWeek: input.hoursPerWeek, workingDays: input.workingDays, ...people, version: { increment: 1 } },
      });
      await tx.placementChange.create({ data: { placementId: placement.id, changedById: user.id, before: pick(before, changed), after: pick(after, changed) } });
    } else {
      await tx.placement.update({ where: { id: placement.id }, data: { version: { increment: 1 } } });
    }
    let planTasks = 0;
    if (input.templateId) {
      const today = new Date();
      const plan = await startPlan(
        tx,
        { id: placement.id, userId: placement.userId, startDate: placement.startDate, workingDays: input.workingDays, ...people },
        { templateId: input.templateId, reason: roleVersionId !== placement.roleVersionId ? 'ROLE_CHANGE' : 'ARRANGEMENTS_CHANGE', createdById: user.id, hrId: null, from: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) },
      );
      planTasks = plan.tasks;
      await tellPlanStarted(tx, placement.id, plan.planId, placement.team.name, user.id);
    }
    await audit({
      action: 'onboarding.placement.change',
      recordType: 'Placement',
      recordId: placement.id,
      summary: `Changed ${placement.user.name}'s placement in ${placement.team.name}${changed.length > 0 ? `: ${changed.map(describeField).join(', ')}` : ''}${planTasks ? `; started a plan of ${planTasks} tasks for the change` : ''}`,
    });
    return { placementId: placement.id };
  },
  revalidate: (data) => ['/onboarding', placementPath(data.placementId), '/'],
});

function pick<T extends object>(value: T, keys: ReadonlyArray<keyof T>) {
  return Object.fromEntries(keys.map((key) => [key, value[key]]));
}

const FIELD_NAMES: Record<string, string> = {
  roleVersionId: 'role version',
  startDate: 'start date',
  contractType: 'contract',
  band: 'band',
  hoursPerWeek: 'hours',
  workingDays: 'working days',
  lineManagerId: 'line manager',
  peerSupervisorId: 'peer supervisor',
};
const describeField = (key: string) => FIELD_NAMES[key] ?? key;

export const endPlacement = defineAction({
  name: 'onboarding.placement.end',
  permission: 'onboarding.manage',
  input: endPlacementSchema,
  scope: (input, tx, user) => placementScope(tx, input.placementId, user),
  async run({ input, tx, audit }) {
    const placement = await lockPlacement(tx, input.placementId);
    requireCurrent(placement);
    if (placement.version !== input.version) throw conflict();
    await tx.placement.update({ where: { id: placement.id }, data: { endedAt: new Date(), version: { increment: 1 } } });
    await audit({ action: 'onboarding.placement.end', recordType: 'Placement', recordId: placement.id, summary: `Ended ${placement.user.name}'s placement in ${placement.team.name}; the plan and its history are kept` });
    return { placementId: placement.id };
  },
  revalidate: (data) => ['/onboarding', placementPath(data.placementId), '/'],
});

export const acceptParityIssue = defineAction({
  name: 'onboarding.parity.accept',
  permission: 'onboarding.parity.accept',
  input: acceptParitySchema,
  scope: (input, tx, user) => placementScope(tx, input.placementId, user),
  async run({ input, user, tx, audit }) {
    const placement = await lockPlacement(tx, input.placementId);
    requireCurrent(placement);
    // The facts are judged now, on the server: an acceptance holds for these facts only.
    const { open } = await placementParity(tx, placement.id);
    const issue = open.find((candidate) => candidate.key === input.key);
    if (!issue) throw new ActionError('CONFLICT', 'This parity issue is no longer open: it was resolved or accepted in the meantime.');
    await tx.parityAcceptance.upsert({
      where: { placementId_key: { placementId: placement.id, key: issue.key } },
      create: { placementId: placement.id, key: issue.key, facts: issue.facts, reason: input.reason, acceptedById: user.id },
      update: { facts: issue.facts, reason: input.reason, acceptedById: user.id, createdAt: new Date() },
    });
    await audit({ action: 'onboarding.parity.accept', recordType: 'Placement', recordId: placement.id, summary: `Accepted a parity issue for ${placement.user.name} in ${placement.team.name}: ${issue.message}` });
    return { placementId: placement.id };
  },
  revalidate: (data) => [placementPath(data.placementId), '/'],
});

