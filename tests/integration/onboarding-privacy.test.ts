// Onboarding's private parts and who sees what (issue 11, §4 and §6), on real
// PostgreSQL: the peer worker sees their own placement and plan; the team's
// manager, their line manager and peer supervisor (and whoever owes a task)
// see the plan; HR follows placements; other team members and outsiders find
// nothing, and a manager of another team can neither read nor act on it.
// Private task notes are the peer worker's alone; the wellbeing plan is read
// only by the people they share it with, until they revoke it. Neither reaches
// the audit log, notifications or emails.
import type { ActionResult } from '@/lib/action';
import { db } from '@/lib/db';
import { deliverNotification } from '@/lib/notifications/delivery';
import { getPlacementAccess, visiblePlacementsWhere, wellbeingRelations } from '@/lib/onboarding/access';
import * as placements from '@/lib/onboarding/placement-actions';
import { getPlacement, getTask, listOwedTasks, listPlacements, teamPeerWorkers } from '@/lib/onboarding/queries';
import { placementParity } from '@/lib/onboarding/records';
import * as tasks from '@/lib/onboarding/task-actions';
import * as wellbeing from '@/lib/onboarding/wellbeing-actions';
import { getOwnWellbeing, getSharedWellbeingPlan } from '@/lib/onboarding/wellbeing-queries';
import { can } from '@/lib/permissions';
import { addMembership, buildWorld, changeFormFor, createUser, dateFields, placedPeerWorker, type FactoryUser, type World } from '../factories';
import { actingAs, currentUserOf } from '../support/roles';
import { snapshotDatabase } from '../support/snapshot';

type Ref = { id: string };

let world: World;

beforeEach(async () => {
  world = await buildWorld();
});

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

/** Calls `call` as `who`, expects it refused with `code`, and that nothing changed. */
async function refused(who: Ref, call: () => Promise<ActionResult<unknown>>, code: string) {
  const before = await snapshotDatabase();
  const result = await actingAs(who, call);
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshotDatabase()).toEqual(before);
}

/** Everything a read returned, as text, so nothing hides from a search. */
const serialise = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? Object.fromEntries(item) : item instanceof Set ? [...item] : item)) ?? '';

async function accessOf(user: Ref, placementId: string) {
  const access = await getPlacementAccess(await currentUserOf(user), placementId);
  return access && { canView: access.canView, canSeePlan: access.canSeePlan, canManage: access.canManage, canAcceptParity: access.canAcceptParity, isPeerWorker: access.isPeerWorker };
}

async function member(team: Ref, role: 'STAFF' | 'PEER_WORKER', name: string) {
  const person = await createUser({ name: `${name} ${world.suffix}` });
  await addMembership(team, person, role);
  return person;
}

/**
 * The world's peer worker placed in this team, line-managed by another staff
 * member, peer-supervised by a peer worker of the other team, with the IT task
 * given to a third staff member of the team. The world's staff member is just
 * another member of the team.
 */
async function placementWithPeople() {
  const lineManager = await member(world.thisTeam, 'STAFF', 'Lena Linemanager');
  const peerSupervisor = await member(world.otherTeam, 'PEER_WORKER', 'Priya Peersupervisor');
  const itLead = await member(world.thisTeam, 'STAFF', 'Ian IT-lead');
  const placed = await placedPeerWorker(world, { lineManager, peerSupervisor, hr: world.hr });
  ok(await actingAs(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: placed.tasks.IT_ADMIN.id, version: 1, ownerEmail: itLead.email })));
  return { ...placed, lineManager, peerSupervisor, itLead };
}

const NOTE = 'I am anxious about the first team meeting and may need to step out';
const WELLBEING = {
  keepsMeWell: 'A walk at lunchtime and finishing on time',
  earlySigns: 'I stop eating lunch and go quiet in meetings',
  whatHelps: 'A quiet check-in, not in front of the team',
  whoToContact: 'My sister Ruth on 07700 900456',
};

describe('who sees a placement and its plan', () => {
  it('the peer worker, their manager, line manager, peer supervisor, task owners and HR; not other team members or outsiders', async () => {
    const { placement, tasks: owed, lineManager, peerSupervisor, itLead } = await placementWithPeople();
    const plan = { canView: true, canSeePlan: true, canManage: false, canAcceptParity: false, isPeerWorker: false };
    const people: Array<[string, FactoryUser | Ref, object | null]> = [
      ['the peer worker', world.peerWorker, { ...plan, isPeerWorker: true }],
      ["the team's manager", world.managerOfThisTeam, { ...plan, canManage: true, canAcceptParity: true }],
      ['their line manager', lineManager, { ...plan, canAcceptParity: true }],
      ['their peer supervisor, from another team', peerSupervisor, plan],
      ['HR', world.hr, plan],
      ['someone who owes one of its tasks', itLead, { ...plan, canView: false }],
      ['another member of the team', world.staff, null],
      ['the manager of another team', world.managerOfOtherTeam, null],
      ['an administrator', world.admin, null],
      ['a service-user representative', world.serviceUserRep, null],
      ['a person in no team', world.newcomer, null],
    ];
    for (const [who, person, expected] of people) {
      expect([who, await accessOf(person, placement.id)]).toEqual([who, expected]);
      const listed = await db.placement.findMany({ where: { AND: [visiblePlacementsWhere(await currentUserOf(person)), { id: placement.id }] }, select: { id: true } });
      expect([who, listed.length]).toEqual([who, expected ? 1 : 0]);
    }
    // The placement's page agrees: something for those who may open it, nothing for the rest.
    for (const [who, person, expected] of people) expect([who, (await getPlacement(await currentUserOf(person), placement.id)) !== null]).toEqual([who, expected !== null]);
    // Other members of the team see the peer worker's name and role, and nothing more.
    const colleagues = await teamPeerWorkers(await currentUserOf(world.staff));
    expect(colleagues.filter((row) => row.id === placement.id)).toEqual([{ id: placement.id, name: world.peerWorker.name, teamName: world.thisTeam.name, roleTitle: expect.any(String) }]);
    expect((await teamPeerWorkers(await currentUserOf(world.managerOfOtherTeam))).some((row) => row.id === placement.id)).toBe(false);
    // The peer supervisor from another team moves on the task they owe.
    ok(await actingAs(peerSupervisor, () => tasks.updateTaskStatus(null, { taskId: owed.SUPERVISOR.id, version: 1, status: 'IN_PROGRESS' })));
    // Nothing for ids that are not placements.
    expect(await getPlacementAccess(await currentUserOf(world.managerOfThisTeam), 'not-a-uuid')).toBeNull();
    expect(await getPlacementAccess(await currentUserOf(world.hr), world.thisTeam.id)).toBeNull();
  });

  it('a manager of another team can neither read the plan nor act on it', async () => {
    const { placement, tasks: owed } = await placementWithPeople();
    const outsider = world.managerOfOtherTeam;
    expect(await accessOf(outsider, placement.id)).toBeNull();
    await refused(outsider, async () => placements.changePlacement(null, { ...(await changeFormFor(placement.id)), band: '5' }), 'FORBIDDEN');
    await refused(outsider, () => placements.endPlacement(null, { placementId: placement.id, version: 1 }), 'FORBIDDEN');
    await refused(outsider, () => placements.acceptParityIssue(null, { placementId: placement.id, key: 'peer-supervisor', reason: 'Fine' }), 'FORBIDDEN');
    await refused(outsider, () => tasks.addTask(null, { placementId: placement.id, section: 'INDUCTION', title: 'Visit us', ownerEmail: outsider.email, dueOn: dateFields(new Date()), required: 'no' }), 'FORBIDDEN');
    await refused(outsider, () => tasks.updateTaskStatus(null, { taskId: owed.PEER_WORKER.id, version: 1, status: 'COMPLETED' }), 'FORBIDDEN');
    await refused(outsider, () => tasks.removeTask(null, { taskId: owed.MANAGER.id, version: 1 }), 'FORBIDDEN');
    await refused(outsider, () => tasks.reassignTask(null, { taskId: owed.MANAGER.id, version: 1, ownerEmail: world.hr.email }), 'FORBIDDEN');
    await refused(outsider, () => tasks.addTaskNote(null, { taskId: owed.PEER_WORKER.id, text: 'Mine now' }), 'FORBIDDEN');
  });

  it('someone who owed a task stops seeing the plan once it is removed', async () => {
    const { placement, tasks: owed, itLead } = await placementWithPeople();
    expect(await accessOf(itLead, placement.id)).toMatchObject({ canSeePlan: true });
    ok(await actingAs(world.managerOfThisTeam, () => tasks.removeTask(null, { taskId: owed.IT_ADMIN.id, version: 2 })));
    expect(await accessOf(itLead, placement.id)).toBeNull();
  });
});

describe("the peer worker's private notes", () => {
  const note = (as: Ref, taskId: string, text = NOTE) => actingAs(as, () => tasks.addTaskNote(null, { taskId, text }));

  it('are written only by the peer worker, and only on tasks they owe in their own plan', async () => {
    const { tasks: owed, lineManager, peerSupervisor, roleVersion } = await placementWithPeople();
    ok(await note(world.peerWorker, owed.PEER_WORKER.id));
    expect(await db.onboardingTaskNote.findMany({ where: { taskId: owed.PEER_WORKER.id }, select: { authorId: true, text: true } })).toEqual([{ authorId: world.peerWorker.id, text: NOTE }]);

    // Not on the manager's task in their own plan.
    await refused(world.peerWorker, () => note(world.peerWorker, owed.MANAGER.id), 'FORBIDDEN');
    // Nobody else, whatever they may do with the plan.
    for (const person of [world.managerOfThisTeam, lineManager, peerSupervisor, world.hr, world.admin, world.staff, world.serviceUserRep]) {
      await refused(person, () => note(person, owed.PEER_WORKER.id, 'Someone else’s note'), 'FORBIDDEN');
    }
    // Nor on a task a peer worker owes in someone else's placement: the peer supervisor's task there.
    const other = await placedPeerWorker({ ...world, peerWorker: world.newcomer }, { roleVersion, peerSupervisor: world.peerWorker });
    expect(other.tasks.SUPERVISOR.ownerId).toBe(world.peerWorker.id);
    await refused(world.peerWorker, () => note(world.peerWorker, other.tasks.SUPERVISOR.id), 'FORBIDDEN');
  });

  it('are read back by the peer worker on the task’s page', async () => {
    const { tasks: owed } = await placementWithPeople();
    ok(await note(world.peerWorker, owed.PEER_WORKER.id));
    const own = await getTask(await currentUserOf(world.peerWorker), owed.PEER_WORKER.id);
    expect(own?.notes?.map((row) => row.text)).toEqual([NOTE]);
    // The team's manager sees the task, and no notes.
    expect(await getTask(await currentUserOf(world.managerOfThisTeam), owed.PEER_WORKER.id)).toMatchObject({ notes: null });
  });

  it('reach nobody else: not the placement’s reads, the audit log or notifications', async () => {
    const { placement, tasks: owed, lineManager, peerSupervisor, itLead } = await placementWithPeople();
    ok(await note(world.peerWorker, owed.PEER_WORKER.id));
    // Things that tell people about the task afterwards.
    ok(await actingAs(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: owed.PEER_WORKER.id, version: 1, ownerEmail: world.staff.email })));
    ok(await actingAs(world.staff, () => tasks.updateTaskStatus(null, { taskId: owed.PEER_WORKER.id, version: 2, status: 'COMPLETED' })));

    const reads = [];
    for (const person of [world.managerOfThisTeam, lineManager, peerSupervisor, itLead, world.hr, world.admin, world.staff]) {
      reads.push(await getPlacementAccess(await currentUserOf(person), placement.id));
    }
    // Every read the onboarding pages make, as each of them.
    for (const person of [world.managerOfThisTeam, lineManager, peerSupervisor, itLead, world.hr, world.admin, world.staff]) {
      const viewer = await currentUserOf(person);
      reads.push(await getPlacement(viewer, placement.id), await getTask(viewer, owed.PEER_WORKER.id), await listPlacements(viewer, 1), await listOwedTasks(viewer, 1));
    }
    reads.push(await placementParity(db, placement.id));
    reads.push(await db.auditEvent.findMany({ select: { summary: true } }));
    reads.push(await db.notification.findMany());
    expect(serialise(reads)).not.toContain('anxious');
    // The staff member now owes the task and sees it, but not the note on it.
    expect(await getTask(await currentUserOf(world.staff), owed.PEER_WORKER.id)).toMatchObject({ task: { title: 'Complete the local induction' }, notes: null });
    expect(serialise(await db.auditEvent.findMany({ where: { action: 'onboarding.task.note' }, select: { summary: true } }))).toContain('Added a private note to');
  });
});

describe('the wellbeing plan', () => {
  const save = (as: Ref, input: Record<string, unknown>) => actingAs(as, () => wellbeing.saveWellbeingPlan(null, input));
  const share = (as: Ref, email: string) => actingAs(as, () => wellbeing.shareWellbeingPlan(null, { email }));
  /**
   * Whether this reader may read the peer worker's plan, asked afresh each
   * time: through lib/onboarding/access.ts, and through the page's read, which
   * must agree (and return the text only when it may).
   */
  async function mayRead(reader: Ref) {
    const viewer = await currentUserOf(reader);
    const relations = await wellbeingRelations(db, world.peerWorker.id, reader.id);
    const allowed = can(viewer, 'onboarding.wellbeing.read', { relations });
    const read = await getSharedWellbeingPlan(viewer, world.peerWorker.id);
    const listed = (await getOwnWellbeing(viewer)).sharedWithMe.some((share) => share.userId === world.peerWorker.id);
    expect({ allowed, read: read !== null, listed }).toEqual({ allowed, read: allowed, listed: allowed });
    if (read) expect(read.whoToContact).toBe(WELLBEING.whoToContact);
    return allowed;
  }

  it('is read only by the people its owner shares it with, and revoking takes effect on the next request', async () => {
    const { lineManager, peerSupervisor } = await placementWithPeople();
    const { planId } = ok(await save(world.peerWorker, WELLBEING));
    ok(await save(world.peerWorker, { ...WELLBEING, whatHelps: 'A quiet check-in', version: 1 }));
    await refused(world.peerWorker, () => save(world.peerWorker, { ...WELLBEING, version: 1 }), 'CONFLICT');
    expect(await db.wellbeingPlan.findUniqueOrThrow({ where: { id: planId }, select: { userId: true, whatHelps: true, version: true } })).toEqual({ userId: world.peerWorker.id, whatHelps: 'A quiet check-in', version: 2 });

    const everyoneElse = [world.managerOfThisTeam, lineManager, peerSupervisor, world.hr, world.admin, world.staff, world.managerOfOtherTeam, world.serviceUserRep];
    for (const reader of everyoneElse) expect([reader.id, await mayRead(reader)]).toEqual([reader.id, false]);

    ok(await share(world.peerWorker, peerSupervisor.email));
    expect(await mayRead(peerSupervisor)).toBe(true);
    for (const reader of everyoneElse.filter((person) => person !== peerSupervisor)) expect([reader.id, await mayRead(reader)]).toEqual([reader.id, false]);

    const shareRow = await db.wellbeingShare.findFirstOrThrow({ where: { planId, sharedWithId: peerSupervisor.id }, select: { id: true } });
    ok(await actingAs(world.peerWorker, () => wellbeing.revokeWellbeingShare(null, { shareId: shareRow.id })));
    expect(await mayRead(peerSupervisor)).toBe(false);
    expect(await db.wellbeingShare.findUniqueOrThrow({ where: { id: shareRow.id }, select: { revokedAt: true } })).toEqual({ revokedAt: expect.any(Date) });

    // Shared again: the same share, current again.
    ok(await share(world.peerWorker, peerSupervisor.email));
    expect(await mayRead(peerSupervisor)).toBe(true);
    expect(await db.wellbeingShare.count({ where: { planId } })).toBe(1);
  });

  it('saved first from two tabs at once: one is kept, the other told of the conflict', async () => {
    const results = await Promise.all([save(world.peerWorker, WELLBEING), save(world.peerWorker, { keepsMeWell: 'The other tab' })]);
    expect(results.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect(await db.wellbeingPlan.count({ where: { userId: world.peerWorker.id } })).toBe(1);

    // Shared with the same person from both tabs at once: one current share, and neither tab sees an error.
    const shared = await Promise.all([share(world.peerWorker, world.staff.email), share(world.peerWorker, world.staff.email)]);
    expect(shared.map((result) => result.ok)).toEqual([true, true]);
    expect(await db.wellbeingShare.count({ where: { plan: { userId: world.peerWorker.id }, revokedAt: null } })).toBe(1);
  });

  it('is shared only once written, never with its owner, and only its owner revokes a share', async () => {
    await refused(world.peerWorker, () => share(world.peerWorker, world.staff.email), 'CONFLICT');
    ok(await save(world.peerWorker, WELLBEING));
    const self = await actingAs(world.peerWorker, () => wellbeing.shareWellbeingPlan(null, { email: world.peerWorker.email }));
    expect(self).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { email: [expect.any(String)] } });

    // HR's own plan, shared with the administrator: not the peer worker's to revoke, nor the administrator's.
    ok(await save(world.hr, { keepsMeWell: 'Cycling in' }));
    ok(await share(world.hr, world.admin.email));
    const hrShare = await db.wellbeingShare.findFirstOrThrow({ where: { sharedWithId: world.admin.id, plan: { userId: world.hr.id } }, select: { id: true } });
    await refused(world.peerWorker, () => wellbeing.revokeWellbeingShare(null, { shareId: hrShare.id }), 'NOT_FOUND');
    await refused(world.admin, () => wellbeing.revokeWellbeingShare(null, { shareId: hrShare.id }), 'NOT_FOUND');
    // Saving without the version of the plan one has is a conflict, not an overwrite.
    await refused(world.peerWorker, () => save(world.peerWorker, { keepsMeWell: 'Overwritten' }), 'CONFLICT');
  });

  it('never reaches the audit log or notifications', async () => {
    const { peerSupervisor } = await placementWithPeople();
    const { planId } = ok(await save(world.peerWorker, WELLBEING));
    ok(await share(world.peerWorker, peerSupervisor.email));
    const shareRow = await db.wellbeingShare.findFirstOrThrow({ where: { planId }, select: { id: true } });
    ok(await actingAs(world.peerWorker, () => wellbeing.revokeWellbeingShare(null, { shareId: shareRow.id })));

    const events = await db.auditEvent.findMany({ where: { recordId: planId }, orderBy: { createdAt: 'asc' }, select: { action: true, summary: true } });
    expect(events).toEqual([
      { action: 'onboarding.wellbeing.save', summary: 'Changed their wellbeing plan' },
      { action: 'onboarding.wellbeing.share', summary: `Shared their wellbeing plan with ${peerSupervisor.name}` },
      { action: 'onboarding.wellbeing.revoke', summary: `Stopped sharing their wellbeing plan with ${peerSupervisor.name}` },
    ]);
    const everything = serialise([await db.auditEvent.findMany({ select: { summary: true } }), await db.notification.findMany()]);
    for (const text of Object.values(WELLBEING)) expect(everything).not.toContain(text);
  });
});

describe('emails about onboarding', () => {
  it('name the team and link to the plan: never a note, a task, a reason or a wellbeing plan', async () => {
    const { placement, tasks: owed } = await placementWithPeople();
    ok(await actingAs(world.peerWorker, () => tasks.addTaskNote(null, { taskId: owed.PEER_WORKER.id, text: NOTE })));
    ok(await actingAs(world.peerWorker, () => tasks.updateTaskStatus(null, { taskId: owed.PEER_WORKER.id, version: 1, status: 'CANNOT_START', cannotStartReason: 'Waiting for my occupational health appointment' })));
    ok(await actingAs(world.peerWorker, () => wellbeing.saveWellbeingPlan(null, WELLBEING)));
    // A new plan for a change, and a task given: both tell their owners.
    ok(await actingAs(world.managerOfThisTeam, async () => placements.changePlacement(null, { ...(await changeFormFor(placement.id)), templateId: (await db.onboardingPlan.findFirstOrThrow({ where: { placementId: placement.id }, select: { templateId: true } })).templateId })));
    ok(await actingAs(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: owed.PEER_WORKER.id, version: 2, ownerEmail: world.staff.email })));

    const notifications = await db.notification.findMany({ where: { kind: 'ONBOARDING_TASKS' }, select: { id: true, recipientId: true } });
    expect(notifications.map((row) => row.recipientId)).toEqual(expect.arrayContaining([world.peerWorker.id, world.staff.id]));
    expect(notifications.map((row) => row.recipientId)).not.toContain(world.managerOfThisTeam.id);

    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      await db.notification.updateMany({ where: { id: { in: notifications.map((row) => row.id) } }, data: { emailState: 'SENDING' } });
      for (const row of notifications) expect(await deliverNotification(row.id)).toBe('sent');
    } finally {
      if (saved !== undefined) process.env.SMTP_URL = saved;
    }
    const emails = await db.outboxEmail.findMany({ where: { to: { in: [world.peerWorker.email, world.staff.email] } } });
    expect(emails.length).toBeGreaterThanOrEqual(2);
    const taskTitles = (await db.onboardingTask.findMany({ where: { plan: { placementId: placement.id } }, select: { title: true } })).map((row) => row.title);
    for (const email of emails) {
      expect(email.subject).toBe(`Onboarding tasks for you: Onboarding plan (${world.thisTeam.name})`);
      expect(email.text).toContain(`/onboarding/placements/${placement.id}`);
      const body = `${email.subject}\n${email.text}\n${email.html}`;
      for (const secret of [NOTE, 'occupational health', ...Object.values(WELLBEING), ...taskTitles]) expect(body).not.toContain(secret);
    }
  });
});
