// Onboarding a peer worker (issue 11) through its actions on real PostgreSQL:
// starting a placement (directly on an agreed role, or once from a recruitment
// appointment) and its plan from a template, owners and due dates, changes kept
// with their history (and plans of their own), ending, moving tasks on and the
// refusals around them, adding, removing and reassigning tasks, parity issues
// and their acceptance, the team's meetings and systems, and templates.
// Privacy (notes, the wellbeing plan, who sees what) is in onboarding-privacy.test.ts.
import type { ActionResult } from '@/lib/action';
import { db } from '@/lib/db';
import type { TaskStatus } from '@/lib/generated/prisma/enums';
import * as placements from '@/lib/onboarding/placement-actions';
import { placementParity } from '@/lib/onboarding/records';
import { dueDate, weekdayOf } from '@/lib/onboarding/rules';
import * as tasks from '@/lib/onboarding/task-actions';
import * as arrangements from '@/lib/onboarding/team-actions';
import * as templates from '@/lib/onboarding/template-actions';
import { pendingPlacements } from '@/lib/recruitment/gate';
import {
  addMembership,
  agreedRole,
  agreedRoleWithTerms,
  buildWorld,
  changeFormFor,
  createCandidate,
  createMeeting,
  createRole,
  createSpecification,
  createTemplate,
  createUser,
  createVacancy,
  dateFields,
  grantSystem,
  inviteReviewers,
  placedPeerWorker,
  recordAgreement,
  roleInReview,
  submitVersion,
  type World,
} from '../factories';
import { eventually } from '../support/jobs';
import { actingAs, auditOf } from '../support/roles';
import { snapshotDatabase } from '../support/snapshot';

type Ref = { id: string };

let world: World;

beforeEach(async () => {
  world = await buildWorld();
});

/** The action's data, or a failure that says what went wrong. */
function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

/** Calls `call` as `who`, expects it refused with `code` (and the field, for VALIDATION), and that nothing changed. */
async function refused(who: Ref, call: () => Promise<ActionResult<unknown>>, code: string, field?: string) {
  const before = await snapshotDatabase();
  const result = await actingAs(who, call);
  expect(result).toMatchObject({ ok: false, code });
  if (field) expect(!result.ok && result.fieldErrors?.[field]).toBeTruthy();
  expect(await snapshotDatabase()).toEqual(before);
  return result;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const MONDAY = new Date(Date.UTC(2027, 0, 4));

function startForm(overrides: Record<string, unknown> = {}) {
  return {
    appointmentId: '',
    personEmail: world.newcomer.email,
    roleId: '',
    templateId: '',
    startDate: dateFields(MONDAY),
    contractType: 'PERMANENT',
    band: '4',
    hoursPerWeek: '22.5',
    workingDays: ['TUE', 'WED', 'THU'],
    lineManagerEmail: '',
    peerSupervisorEmail: '',
    ...overrides,
  };
}

const start = (form: Record<string, unknown>, as: Ref = world.managerOfThisTeam) => actingAs(as, () => placements.startPlacement(null, form));
const change = (form: Record<string, unknown>, as: Ref = world.managerOfThisTeam) => actingAs(as, () => placements.changePlacement(null, form));
const taskVersion = async (taskId: string) => (await db.onboardingTask.findUniqueOrThrow({ where: { id: taskId }, select: { version: true } })).version;

async function setStatus(as: Ref, taskId: string, status: TaskStatus, cannotStartReason = '') {
  const version = await taskVersion(taskId);
  return actingAs(as, () => tasks.updateTaskStatus(null, { taskId, version, status, cannotStartReason }));
}

const plansOf = (placementId: string) => db.onboardingPlan.findMany({ where: { placementId }, orderBy: { createdAt: 'asc' }, select: { id: true, reason: true, templateId: true, createdById: true } });
const taskRows = (planId: string) => db.onboardingTask.findMany({ where: { planId }, orderBy: { title: 'asc' }, select: { id: true, title: true, ownerRole: true, ownerId: true, dueOn: true } });
const told = (recipientId: string) => db.notification.findMany({ where: { recipientId, kind: 'ONBOARDING_TASKS' }, orderBy: { createdAt: 'asc' }, select: { count: true, requestKey: true, path: true, teamName: true } });

/** An appointment of `person` to this team from a decided vacancy, as recruitment's hand-off leaves it. */
async function appointmentOf(person: Ref & { email: string }) {
  const { version } = await agreedRole(world);
  const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
  const vacancy = await createVacancy({ specification, createdBy: world.hr, status: 'DECIDED', decidedAt: new Date() });
  const candidate = await createCandidate(vacancy, world.hr, { email: person.email });
  await db.candidate.update({ where: { id: candidate.id }, data: { shortlistOutcome: 'INVITED', outcome: 'APPOINTED', rationale: 'Met every essential criterion' } });
  return db.appointment.create({
    data: { candidateId: candidate.id, vacancyId: vacancy.id, userId: person.id, teamId: world.thisTeam.id, roleVersionId: version.id, createdById: world.hr.id },
    select: { id: true, roleVersionId: true },
  });
}

describe('starting a placement', () => {
  it('places a person directly on an agreed role: they join the team as a peer worker, and the plan has owners and due dates', async () => {
    const { role, version } = await agreedRole(world);
    // Monday 4 January 2027; the peer worker works Tuesday to Thursday.
    const template = await createTemplate({
      tasks: [
        { title: 'Prepare the team', ownerRole: 'MANAGER', offsetDays: -2 },
        { title: 'Read the welcome pack', ownerRole: 'PEER_WORKER', offsetDays: -1 },
        { title: 'Come in on day one', ownerRole: 'PEER_WORKER', offsetDays: 0 },
        { title: 'Shadow a colleague', ownerRole: 'PEER_WORKER', offsetDays: 4 },
        { title: 'Send the contract', ownerRole: 'HR', offsetDays: 1 },
        { title: 'Agree supervision', ownerRole: 'SUPERVISOR', offsetDays: 12 },
        { title: 'Records access', ownerRole: 'IT_ADMIN', offsetDays: 5 },
      ],
    });
    const { placementId } = ok(await start(startForm({ roleId: role.id, templateId: template.id, peerSupervisorEmail: world.peerWorker.email.toUpperCase() })));

    const placement = await db.placement.findUniqueOrThrow({ where: { id: placementId } });
    expect(placement).toMatchObject({
      userId: world.newcomer.id,
      teamId: world.thisTeam.id,
      roleVersionId: version.id,
      appointmentId: null,
      contractType: 'PERMANENT',
      band: 4,
      workingDays: ['TUE', 'WED', 'THU'],
      lineManagerId: null,
      peerSupervisorId: world.peerWorker.id,
      createdById: world.managerOfThisTeam.id,
      endedAt: null,
    });
    expect(iso(placement.startDate)).toBe('2027-01-04');
    expect(placement.hoursPerWeek.toString()).toBe('22.5');
    expect(await db.teamMembership.findUnique({ where: { teamId_userId: { teamId: world.thisTeam.id, userId: world.newcomer.id } }, select: { role: true } })).toEqual({ role: 'PEER_WORKER' });

    const [plan] = await plansOf(placementId);
    expect(plan).toMatchObject({ reason: 'JOINING', templateId: template.id, createdById: world.managerOfThisTeam.id });
    const rows = await taskRows(plan.id);
    const byTitle = Object.fromEntries(rows.map((row) => [row.title, { owner: row.ownerId, due: iso(row.dueOn) }]));
    expect(byTitle).toEqual({
      // Before the start, moved earlier off the weekend; the peer worker's onto a day they work.
      'Prepare the team': { owner: world.managerOfThisTeam.id, due: '2027-01-01' },
      'Read the welcome pack': { owner: world.newcomer.id, due: '2026-12-31' },
      // From the start on, moved later: Monday and Friday are not theirs.
      'Come in on day one': { owner: world.newcomer.id, due: '2027-01-05' },
      'Shadow a colleague': { owner: world.newcomer.id, due: '2027-01-12' },
      // Placed directly: nobody from HR handed them on, so the manager gives it to someone.
      'Send the contract': { owner: null, due: '2027-01-05' },
      'Agree supervision': { owner: world.peerWorker.id, due: '2027-01-18' },
      // No line manager named: the manager who placed them.
      'Records access': { owner: world.managerOfThisTeam.id, due: '2027-01-11' },
    });
    for (const row of rows) {
      if (row.ownerRole === 'PEER_WORKER') expect(['TUE', 'WED', 'THU']).toContain(weekdayOf(row.dueOn));
      else expect(['SAT', 'SUN']).not.toContain(weekdayOf(row.dueOn));
    }

    // Each owner is told once, with how many; not the manager who started it.
    expect(await told(world.newcomer.id)).toEqual([{ count: 3, requestKey: `plan:${plan.id}`, path: `/onboarding/placements/${placementId}`, teamName: world.thisTeam.name }]);
    expect(await told(world.peerWorker.id)).toEqual([expect.objectContaining({ count: 1 })]);
    expect(await told(world.managerOfThisTeam.id)).toEqual([]);
    const [event] = await auditOf(placementId);
    expect(event).toMatchObject({ action: 'onboarding.placement.start', actorId: world.managerOfThisTeam.id });
    expect(event.summary).toContain('a plan of 7 tasks');
    expect(event.summary).toContain('added them to the team as a peer worker');
  });

  it('keeps the team role of someone already in the team', async () => {
    const { role } = await agreedRole(world);
    const template = await createTemplate({ tasks: [{ ownerRole: 'PEER_WORKER' }] });
    ok(await start(startForm({ personEmail: world.staff.email, roleId: role.id, templateId: template.id })));
    expect(await db.teamMembership.findUniqueOrThrow({ where: { teamId_userId: { teamId: world.thisTeam.id, userId: world.staff.id } }, select: { role: true } })).toEqual({ role: 'STAFF' });
  });

  it('from a recruitment appointment: the HR lead who handed them on does the HR tasks, and the appointment is placed only once', async () => {
    const appointment = await appointmentOf(world.newcomer);
    const template = await createTemplate({ tasks: [{ title: 'Send the contract', ownerRole: 'HR', offsetDays: -5 }, { title: 'Induction', ownerRole: 'PEER_WORKER' }] });
    expect((await pendingPlacements(db, [world.thisTeam.id])).map((row) => row.id)).toContain(appointment.id);

    // Two managers pressing at once: one placement.
    const form = startForm({ appointmentId: appointment.id, personEmail: '', templateId: template.id });
    const results = await Promise.all([start(form), start(form)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, code: 'CONFLICT' });
    const placed = ok(results.find((result) => result.ok)!);

    const placement = await db.placement.findUniqueOrThrow({ where: { id: placed.placementId }, select: { userId: true, appointmentId: true, roleVersionId: true } });
    expect(placement).toEqual({ userId: world.newcomer.id, appointmentId: appointment.id, roleVersionId: appointment.roleVersionId });
    const [plan] = await plansOf(placed.placementId);
    expect((await taskRows(plan.id)).find((row) => row.title === 'Send the contract')?.ownerId).toBe(world.hr.id);
    expect(await db.appointment.findUniqueOrThrow({ where: { id: appointment.id }, select: { placedAt: true } })).toEqual({ placedAt: expect.any(Date) });
    expect((await pendingPlacements(db, [world.thisTeam.id])).map((row) => row.id)).not.toContain(appointment.id);
    expect((await auditOf(placed.placementId))[0].summary).toContain('from a recruitment appointment');

    // Not again, even once that placement has ended.
    ok(await actingAs(world.managerOfThisTeam, () => placements.endPlacement(null, { placementId: placed.placementId, version: 1 })));
    const again = await refused(world.managerOfThisTeam, () => placements.startPlacement(null, form), 'CONFLICT');
    expect(!again.ok && again.error).toMatch(/already been placed/u);
  });

  it('refuses a role with no agreed version, an empty or archived template, and a second current placement in the team', async () => {
    const template = await createTemplate({ tasks: [{ ownerRole: 'PEER_WORKER' }] });
    const { role: inReview } = await roleInReview(world);
    const draftOnly = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });
    await refused(world.managerOfThisTeam, () => placements.startPlacement(null, startForm({ roleId: inReview.id, templateId: template.id })), 'VALIDATION', 'roleId');
    await refused(world.managerOfThisTeam, () => placements.startPlacement(null, startForm({ roleId: draftOnly.id, templateId: template.id })), 'VALIDATION', 'roleId');

    const { role } = await agreedRole(world);
    const empty = await createTemplate({ tasks: [] });
    const archived = await createTemplate({ tasks: [{ ownerRole: 'MANAGER' }] });
    await db.onboardingTemplate.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await refused(world.managerOfThisTeam, () => placements.startPlacement(null, startForm({ roleId: role.id, templateId: empty.id })), 'VALIDATION', 'templateId');
    await refused(world.managerOfThisTeam, () => placements.startPlacement(null, startForm({ roleId: role.id, templateId: archived.id })), 'VALIDATION', 'templateId');
    // Someone cannot line-manage or supervise themselves.
    await refused(world.managerOfThisTeam, () => placements.startPlacement(null, startForm({ roleId: role.id, templateId: template.id, lineManagerEmail: world.newcomer.email })), 'VALIDATION', 'lineManagerEmail');

    ok(await start(startForm({ roleId: role.id, templateId: template.id })));
    await refused(world.managerOfThisTeam, () => placements.startPlacement(null, startForm({ roleId: role.id, templateId: template.id })), 'CONFLICT');
    // The manager of another team cannot place anyone in this one.
    await refused(world.managerOfOtherTeam, () => placements.startPlacement(null, startForm({ personEmail: world.serviceUserRep.email, roleId: role.id, templateId: template.id })), 'FORBIDDEN');
    // An archived team takes nobody new and keeps no new meetings: its manager manages it no more.
    await db.team.update({ where: { id: world.thisTeam.id }, data: { archivedAt: new Date() } });
    await refused(world.managerOfThisTeam, () => placements.startPlacement(null, startForm({ personEmail: world.serviceUserRep.email, roleId: role.id, templateId: template.id })), 'FORBIDDEN');
    await refused(world.managerOfThisTeam, () => arrangements.addMeeting(null, { teamId: world.thisTeam.id, name: 'Team meeting', day: 'WED', time: '09:30', main: 'no' }), 'FORBIDDEN');
  });
});

describe('changing a placement', () => {
  it('keeps what each arrangement was before and after, and refuses a stale form or no change', async () => {
    const { placement } = await placedPeerWorker(world, { lineManager: world.managerOfThisTeam, hoursPerWeek: 37.5 });
    const form = await changeFormFor(placement.id);
    ok(await change({ ...form, hoursPerWeek: '22.5', workingDays: ['MON', 'TUE', 'THU'], lineManagerEmail: world.staff.email }));

    const history = await db.placementChange.findMany({ where: { placementId: placement.id }, select: { changedById: true, before: true, after: true } });
    expect(history).toEqual([
      {
        changedById: world.managerOfThisTeam.id,
        before: { hoursPerWeek: 37.5, workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], lineManagerId: world.managerOfThisTeam.id },
        after: { hoursPerWeek: 22.5, workingDays: ['MON', 'TUE', 'THU'], lineManagerId: world.staff.id },
      },
    ]);
    expect(await db.placement.findUniqueOrThrow({ where: { id: placement.id }, select: { version: true, lineManagerId: true, workingDays: true } })).toEqual({ version: 2, lineManagerId: world.staff.id, workingDays: ['MON', 'TUE', 'THU'] });
    // No plan was asked for.
    expect(await plansOf(placement.id)).toHaveLength(1);
    expect((await auditOf(placement.id)).map((event) => event.summary)).toEqual([expect.stringContaining('hours, working days, line manager')]);

    // The form read before that change is stale.
    await refused(world.managerOfThisTeam, () => placements.changePlacement(null, { ...form, band: '5' }), 'CONFLICT');
    await refused(world.managerOfThisTeam, () => placements.changePlacement(null, { ...form, version: 7, band: '5' }), 'CONFLICT');
    // The current form, unchanged.
    const current = await changeFormFor(placement.id);
    await refused(world.managerOfThisTeam, () => placements.changePlacement(null, current), 'VALIDATION', 'contractType');
    await refused(world.managerOfThisTeam, () => placements.changePlacement(null, { ...current, peerSupervisorEmail: world.peerWorker.email }), 'VALIDATION', 'peerSupervisorEmail');
  });

  it('starts a plan of its own for a change of role version or of arrangements, counted from the day of the change', async () => {
    const { role, version: first } = await agreedRoleWithTerms(world, {});
    const { placement } = await placedPeerWorker(world, { roleVersion: first, lineManager: world.managerOfThisTeam });
    // The role is agreed again, as version 2.
    const second = await submitVersion(role, world.managerOfThisTeam);
    const reviewers = [world.managerOfThisTeam, world.staff, world.peerWorker, world.hr];
    await inviteReviewers(second, reviewers, world.managerOfThisTeam);
    for (const reviewer of reviewers) await recordAgreement(second, reviewer);
    const forChange = await createTemplate({
      tasks: [
        { title: 'Prepare the team for the change', ownerRole: 'MANAGER', offsetDays: -7 },
        { title: 'Talk through the new role', ownerRole: 'MANAGER', offsetDays: 0 },
        { title: 'Read the new role', ownerRole: 'PEER_WORKER', offsetDays: 3 },
      ],
    });

    ok(await change({ ...(await changeFormFor(placement.id)), moveToAgreedVersion: 'yes', templateId: forChange.id }));
    expect(await db.placement.findUniqueOrThrow({ where: { id: placement.id }, select: { roleVersionId: true } })).toEqual({ roleVersionId: second.id });
    expect(await db.placementChange.findMany({ where: { placementId: placement.id }, select: { before: true, after: true } })).toEqual([{ before: { roleVersionId: first.id }, after: { roleVersionId: second.id } }]);
    const [, rolePlan] = await plansOf(placement.id);
    expect(rolePlan).toMatchObject({ reason: 'ROLE_CHANGE', templateId: forChange.id });
    const now = new Date();
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const workingDays = ['MON', 'TUE', 'WED', 'THU', 'FRI'] as const;
    expect((await taskRows(rolePlan.id)).map((row) => [row.title, row.ownerId, iso(row.dueOn)])).toEqual([
      // Preparation falls due on the day of the change, not overdue the moment the plan exists.
      ['Prepare the team for the change', world.managerOfThisTeam.id, iso(dueDate(today, 0, { isPeerWorker: false, workingDays }))],
      ['Read the new role', world.peerWorker.id, iso(dueDate(today, 3, { isPeerWorker: true, workingDays }))],
      ['Talk through the new role', world.managerOfThisTeam.id, iso(dueDate(today, 0, { isPeerWorker: false, workingDays }))],
    ]);
    expect((await told(world.peerWorker.id)).map((row) => row.requestKey)).toContain(`plan:${rolePlan.id}`);

    // Fewer days, with a plan: an arrangements change. Then a plan alone, with nothing else changed.
    ok(await change({ ...(await changeFormFor(placement.id)), workingDays: ['MON', 'TUE', 'WED'], templateId: forChange.id }));
    ok(await change({ ...(await changeFormFor(placement.id)), templateId: forChange.id }));
    expect((await plansOf(placement.id)).map((plan) => plan.reason)).toEqual(['JOINING', 'ROLE_CHANGE', 'ARRANGEMENTS_CHANGE', 'ARRANGEMENTS_CHANGE']);
    expect(await db.placementChange.count({ where: { placementId: placement.id } })).toBe(2);
    expect(await db.placement.findUniqueOrThrow({ where: { id: placement.id }, select: { version: true } })).toEqual({ version: 4 });
  });

  it('ends a placement, keeping its plan, after which nothing in it changes', async () => {
    const { placement, tasks: owed } = await placedPeerWorker(world, { lineManager: world.managerOfThisTeam });
    ok(await actingAs(world.managerOfThisTeam, () => placements.endPlacement(null, { placementId: placement.id, version: 1 })));
    expect(await db.placement.findUniqueOrThrow({ where: { id: placement.id }, select: { endedAt: true, version: true } })).toEqual({ endedAt: expect.any(Date), version: 2 });
    expect(await db.onboardingTask.count({ where: { planId: placement.planId } })).toBe(5);

    await refused(world.managerOfThisTeam, () => placements.endPlacement(null, { placementId: placement.id, version: 2 }), 'CONFLICT');
    await refused(world.managerOfThisTeam, async () => placements.changePlacement(null, { ...(await changeFormFor(placement.id)), band: '5' }), 'CONFLICT');
    await refused(world.peerWorker, () => tasks.updateTaskStatus(null, { taskId: owed.PEER_WORKER.id, version: 1, status: 'COMPLETED' }), 'CONFLICT');
    await refused(world.managerOfThisTeam, () => tasks.addTask(null, { placementId: placement.id, section: 'INDUCTION', title: 'Late task', ownerEmail: world.staff.email, dueOn: dateFields(MONDAY), required: 'yes' }), 'CONFLICT');
    await refused(world.managerOfThisTeam, () => placements.acceptParityIssue(null, { placementId: placement.id, key: 'peer-supervisor', reason: 'Not needed now' }), 'CONFLICT');
  });
});

describe("a plan's tasks", () => {
  it('the owner moves their own task on and the team’s manager any; a staff member cannot complete someone else’s', async () => {
    // The staff member line-manages the peer worker, so owes the manager's, IT and supervision tasks.
    const { tasks: owed } = await placedPeerWorker(world, { lineManager: world.staff });
    const peerTask = owed.PEER_WORKER.id;
    // With no peer supervisor named, the line manager also sets up supervision.
    expect([owed.MANAGER.ownerId, owed.IT_ADMIN.ownerId, owed.SUPERVISOR.ownerId, owed.PEER_WORKER.ownerId, owed.HR.ownerId]).toEqual([world.staff.id, world.staff.id, world.staff.id, world.peerWorker.id, null]);

    ok(await setStatus(world.peerWorker, peerTask, 'IN_PROGRESS'));
    await refused(world.staff, async () => tasks.updateTaskStatus(null, { taskId: peerTask, version: await taskVersion(peerTask), status: 'COMPLETED' }), 'FORBIDDEN');
    await refused(world.hr, async () => tasks.updateTaskStatus(null, { taskId: peerTask, version: await taskVersion(peerTask), status: 'COMPLETED' }), 'FORBIDDEN');
    await refused(world.managerOfOtherTeam, async () => tasks.updateTaskStatus(null, { taskId: peerTask, version: await taskVersion(peerTask), status: 'COMPLETED' }), 'FORBIDDEN');
    await refused(world.peerWorker, async () => tasks.updateTaskStatus(null, { taskId: owed.MANAGER.id, version: 1, status: 'COMPLETED' }), 'FORBIDDEN');
    expect(await db.onboardingTask.findUniqueOrThrow({ where: { id: peerTask }, select: { status: true, version: true } })).toEqual({ status: 'IN_PROGRESS', version: 2 });

    ok(await setStatus(world.staff, owed.MANAGER.id, 'COMPLETED'));
    expect(await db.onboardingTask.findUniqueOrThrow({ where: { id: owed.MANAGER.id }, select: { status: true, completedById: true, completedAt: true } })).toEqual({ status: 'COMPLETED', completedById: world.staff.id, completedAt: expect.any(Date) });
    ok(await setStatus(world.managerOfThisTeam, peerTask, 'COMPLETED'));
    expect(await db.onboardingTask.findUniqueOrThrow({ where: { id: peerTask }, select: { completedById: true } })).toEqual({ completedById: world.managerOfThisTeam.id });

    // "Cannot start yet" needs a reason, kept until the task moves on.
    const itTask = owed.IT_ADMIN.id;
    await refused(world.staff, () => tasks.updateTaskStatus(null, { taskId: itTask, version: 1, status: 'CANNOT_START' }), 'VALIDATION', 'cannotStartReason');
    ok(await setStatus(world.staff, itTask, 'CANNOT_START', 'Waiting for the smartcard'));
    expect(await db.onboardingTask.findUniqueOrThrow({ where: { id: itTask }, select: { status: true, cannotStartReason: true } })).toEqual({ status: 'CANNOT_START', cannotStartReason: 'Waiting for the smartcard' });
    ok(await setStatus(world.staff, itTask, 'IN_PROGRESS', 'ignored now'));
    expect(await db.onboardingTask.findUniqueOrThrow({ where: { id: itTask }, select: { cannotStartReason: true, completedAt: true } })).toEqual({ cannotStartReason: null, completedAt: null });
    // A form from before that: stale.
    await refused(world.staff, () => tasks.updateTaskStatus(null, { taskId: itTask, version: 2, status: 'COMPLETED' }), 'CONFLICT');
    expect((await auditOf(itTask)).map((event) => event.summary)).toEqual([expect.stringContaining('cannot start yet'), expect.stringContaining('in progress')]);
    expect((await auditOf(itTask)).map((event) => event.summary).join(' ')).not.toContain('smartcard');
  });

  it('the manager adds tasks for the team or HR, and the new owner is told', async () => {
    const { placement } = await placedPeerWorker(world, { lineManager: world.managerOfThisTeam });
    const add = (ownerEmail: string, as: Ref = world.managerOfThisTeam) =>
      actingAs(as, () => tasks.addTask(null, { placementId: placement.id, section: 'INTRODUCTIONS', title: 'Meet the crisis team', description: 'Half a day with them', ownerEmail, dueOn: dateFields(MONDAY), required: 'no' }));

    const { taskId } = ok(await add(world.staff.email));
    expect(await db.onboardingTask.findUniqueOrThrow({ where: { id: taskId }, select: { planId: true, ownerId: true, ownerRole: true, required: true, dueOn: true, section: true } })).toEqual({
      planId: placement.planId,
      ownerId: world.staff.id,
      ownerRole: 'MANAGER',
      required: false,
      dueOn: MONDAY,
      section: 'INTRODUCTIONS',
    });
    expect(await told(world.staff.id)).toEqual([expect.objectContaining({ requestKey: `task:${taskId}`, count: 1 })]);
    const forPeer = ok(await add(world.peerWorker.email));
    expect(await db.onboardingTask.findUniqueOrThrow({ where: { id: forPeer.taskId }, select: { ownerRole: true } })).toEqual({ ownerRole: 'PEER_WORKER' });
    // HR does HR tasks for every team.
    ok(await add(world.hr.email));

    await refused(world.managerOfThisTeam, () => add(world.managerOfOtherTeam.email), 'VALIDATION', 'ownerEmail');
    await refused(world.managerOfThisTeam, () => add(world.newcomer.email), 'VALIDATION', 'ownerEmail');
    await refused(world.managerOfThisTeam, () => add(`nobody-${world.suffix}@peerroles.test`), 'VALIDATION', 'ownerEmail');
    await refused(world.staff, () => add(world.staff.email, world.staff), 'FORBIDDEN');
  });

  it('removed tasks stay in the plan with who removed them; reassigning moves who may act on it', async () => {
    const { tasks: owed } = await placedPeerWorker(world, { lineManager: world.managerOfThisTeam });
    const removeForm = { taskId: owed.HR.id, version: 1 };
    ok(await actingAs(world.managerOfThisTeam, () => tasks.removeTask(null, removeForm)));
    expect(await db.onboardingTask.findUniqueOrThrow({ where: { id: owed.HR.id }, select: { removedAt: true, removedById: true, title: true } })).toEqual({ removedAt: expect.any(Date), removedById: world.managerOfThisTeam.id, title: 'Send the contract' });
    await refused(world.managerOfThisTeam, () => tasks.removeTask(null, { taskId: owed.HR.id, version: 2 }), 'CONFLICT');
    await refused(world.managerOfThisTeam, () => tasks.updateTaskStatus(null, { taskId: owed.HR.id, version: 2, status: 'COMPLETED' }), 'CONFLICT');
    await refused(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: owed.HR.id, version: 2, ownerEmail: world.hr.email }), 'CONFLICT');
    await refused(world.managerOfThisTeam, () => tasks.removeTask(null, { taskId: owed.MANAGER.id, version: 3 }), 'CONFLICT');

    // The IT task goes to the staff member, who may then move it on; then to HR, and the staff member may not.
    const itTask = owed.IT_ADMIN.id;
    ok(await actingAs(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: itTask, version: 1, ownerEmail: world.staff.email })));
    expect(await told(world.staff.id)).toEqual([expect.objectContaining({ requestKey: `task:${itTask}` })]);
    ok(await setStatus(world.staff, itTask, 'IN_PROGRESS'));
    await refused(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: itTask, version: 3, ownerEmail: world.staff.email }), 'VALIDATION', 'ownerEmail');
    await refused(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: itTask, version: 3, ownerEmail: world.managerOfOtherTeam.email }), 'VALIDATION', 'ownerEmail');
    await refused(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: itTask, version: 3, ownerEmail: world.serviceUserRep.email }), 'VALIDATION', 'ownerEmail');
    await refused(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: itTask, version: 2, ownerEmail: world.hr.email }), 'CONFLICT');
    await refused(world.staff, () => tasks.reassignTask(null, { taskId: itTask, version: 3, ownerEmail: world.hr.email }), 'FORBIDDEN');
    ok(await actingAs(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: itTask, version: 3, ownerEmail: world.hr.email })));
    await refused(world.staff, () => tasks.updateTaskStatus(null, { taskId: itTask, version: 4, status: 'COMPLETED' }), 'FORBIDDEN');
    ok(await setStatus(world.hr, itTask, 'COMPLETED'));
  });

  it('a task goes back to a peer supervisor from another team; notes are refused on a removed task', async () => {
    const { tasks: owed } = await placedPeerWorker(world, { lineManager: world.managerOfThisTeam, peerSupervisor: world.managerOfOtherTeam });
    ok(await actingAs(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: owed.SUPERVISOR.id, version: 1, ownerEmail: world.staff.email })));
    ok(await actingAs(world.managerOfThisTeam, () => tasks.reassignTask(null, { taskId: owed.SUPERVISOR.id, version: 2, ownerEmail: world.managerOfOtherTeam.email })));
    ok(await actingAs(world.managerOfThisTeam, () => tasks.removeTask(null, { taskId: owed.PEER_WORKER.id, version: 1 })));
    await refused(world.peerWorker, () => tasks.addTaskNote(null, { taskId: owed.PEER_WORKER.id, text: 'After it was removed' }), 'CONFLICT');
    expect(await db.onboardingTaskNote.count({ where: { taskId: owed.PEER_WORKER.id } })).toBe(0);
  });
});

describe('parity', () => {
  /** A third non-peer colleague, so "most colleagues" means two of three. */
  async function colleague(name: string) {
    const person = await createUser({ name: `${name} ${world.suffix}` });
    await addMembership(world.thisTeam, person, 'STAFF');
    return person;
  }

  it('finds a meeting on a day off, systems most colleagues have, terms below the role, and no peer supervisor', async () => {
    const third = await colleague('Tariq Third');
    const { version } = await agreedRoleWithTerms(world, { contractType: 'PERMANENT', hoursPerWeek: 30, payBand: 'Band 4 (Agenda for Change)' });
    const { placement } = await placedPeerWorker(world, { roleVersion: version, contractType: 'BANK', band: 3, hoursPerWeek: 22.5, workingDays: ['MON', 'TUE', 'THU'], lineManager: world.managerOfThisTeam });
    const main = await createMeeting(world.thisTeam, { name: 'Team meeting', day: 'WED', time: '10:00', main: true });
    await createMeeting(world.thisTeam, { name: 'Reflective practice', day: 'MON', time: '14:00' });
    const journal = await createMeeting(world.thisTeam, { name: 'Journal club', day: 'FRI', time: '12:30' });
    for (const person of [world.managerOfThisTeam, world.staff, third]) await grantSystem(person, 'RiO');
    for (const person of [world.managerOfThisTeam, world.staff, world.peerWorker]) await grantSystem(person, 'NHSmail');
    for (const person of [world.managerOfThisTeam, world.staff]) await grantSystem(person, 'SharePoint');
    await grantSystem(world.managerOfThisTeam, 'Rostering');

    const { issues, open } = await placementParity(db, placement.id);
    expect(issues.map((issue) => [issue.kind, issue.key])).toEqual([
      ['MEETING_ON_DAY_OFF', `meeting:${main.id}`],
      ['MEETING_ON_DAY_OFF', `meeting:${journal.id}`],
      ['SYSTEMS_ACCESS', 'system:RiO'],
      ['SYSTEMS_ACCESS', 'system:SharePoint'],
      ['CONTRACT_BELOW_ROLE', 'contract'],
      ['BAND_BELOW_ROLE', 'band'],
      ['HOURS_BELOW_ROLE', 'hours'],
      ['NO_PEER_SUPERVISOR', 'peer-supervisor'],
    ]);
    expect(open).toEqual(issues);
    expect(issues[0].message).toBe('The team’s main decision-making meeting is on Wednesdays at 10:00, a day the peer worker does not work.');
    expect(issues[1].message).toContain('Journal club');
    expect(issues[2].message).toBe('3 of 3 colleagues in the team have RiO; the peer worker does not.');
    expect(issues[5].message).toBe('The placement is at band 3; the agreed role says band 4.');
    expect(issues[6].message).toBe('The placement is 22.5 hours a week; the agreed role says 30.');
  });

  it('an accepted issue stays accepted while its facts hold, and shows again when the meeting moves or working days change', async () => {
    const { version } = await agreedRoleWithTerms(world, { contractType: 'PERMANENT', hoursPerWeek: 22.5, payBand: 'Band 4' });
    const { placement } = await placedPeerWorker(world, { roleVersion: version, band: 4, hoursPerWeek: 22.5, workingDays: ['MON', 'TUE', 'THU'], lineManager: world.staff, peerSupervisor: world.newcomer });
    const meeting = await createMeeting(world.thisTeam, { name: 'Team meeting', day: 'WED', time: '10:00', main: true });
    const key = `meeting:${meeting.id}`;
    expect((await placementParity(db, placement.id)).open.map((issue) => issue.key)).toEqual([key]);
    const accept = (as: Ref, reason = 'They join by video on Wednesdays, paid as a working hour') => actingAs(as, () => placements.acceptParityIssue(null, { placementId: placement.id, key, reason }));

    await refused(world.peerWorker, () => accept(world.peerWorker), 'FORBIDDEN');
    await refused(world.managerOfOtherTeam, () => accept(world.managerOfOtherTeam), 'FORBIDDEN');
    await refused(world.staff, () => actingAs(world.staff, () => placements.acceptParityIssue(null, { placementId: placement.id, key: 'band', reason: 'No such issue' })), 'CONFLICT');
    // Their line manager accepts it, with a reason.
    ok(await accept(world.staff));
    expect(await db.parityAcceptance.findMany({ where: { placementId: placement.id }, select: { key: true, facts: true, reason: true, acceptedById: true } })).toEqual([
      { key, facts: 'WED 10:00 main works:MON,THU,TUE', reason: 'They join by video on Wednesdays, paid as a working hour', acceptedById: world.staff.id },
    ]);
    const after = await placementParity(db, placement.id);
    expect(after.open).toEqual([]);
    expect(after.issues.map((issue) => issue.key)).toEqual([key]);
    const [event] = await auditOf(placement.id);
    expect(event.summary).toContain('main decision-making meeting');
    expect(event.summary).not.toContain('video');
    // Already accepted: nothing to accept.
    await refused(world.managerOfThisTeam, () => accept(world.managerOfThisTeam), 'CONFLICT');

    // The meeting moves to Friday, another day off: open again, until accepted on the new facts.
    await db.teamMeeting.update({ where: { id: meeting.id }, data: { day: 'FRI' } });
    expect((await placementParity(db, placement.id)).open.map((issue) => issue.facts)).toEqual(['FRI 10:00 main works:MON,THU,TUE']);
    ok(await accept(world.managerOfThisTeam, 'Moving it to Thursday next month'));
    expect(await db.parityAcceptance.findMany({ where: { placementId: placement.id }, select: { facts: true, reason: true, acceptedById: true } })).toEqual([
      { facts: 'FRI 10:00 main works:MON,THU,TUE', reason: 'Moving it to Thursday next month', acceptedById: world.managerOfThisTeam.id },
    ]);
    expect((await placementParity(db, placement.id)).open).toEqual([]);

    // Their working days change: the same meeting is a new question.
    ok(await change({ ...(await changeFormFor(placement.id)), workingDays: ['MON', 'TUE'] }));
    expect((await placementParity(db, placement.id)).open.map((issue) => issue.key)).toEqual([key]);
    // Working Fridays, the issue is gone.
    ok(await change({ ...(await changeFormFor(placement.id)), workingDays: ['MON', 'TUE', 'FRI'] }));
    expect((await placementParity(db, placement.id)).issues).toEqual([]);
  });
});

/**
 * Starts two calls while the team's row is locked, so that neither can save a
 * meeting (its insert waits on the team) until both have got that far or are
 * waiting to; then lets them go. Without a lock of their own, both would have
 * checked before either saved.
 */
async function bothWaiting<T>(team: Ref, calls: () => Array<Promise<T>>): Promise<T[]> {
  let pending: Array<Promise<T>> = [];
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Team" WHERE id = ${team.id}::uuid FOR UPDATE`;
    pending = calls();
    await eventually(async () => {
      const [{ waiting }] = await db.$queryRaw<Array<{ waiting: number }>>`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      return waiting >= 2;
    }, { what: 'both calls to wait' });
  });
  return Promise.all(pending);
}

describe('the team’s meetings and systems', () => {
  it('one main meeting per team; kept by the team’s manager only', async () => {
    const add = (main: 'yes' | 'no', as: Ref = world.managerOfThisTeam) => actingAs(as, () => arrangements.addMeeting(null, { teamId: world.thisTeam.id, name: 'Team meeting', day: 'WED', time: '09:30', main }));
    ok(await add('yes'));
    await refused(world.managerOfThisTeam, () => add('yes'), 'VALIDATION', 'main');
    ok(await add('no'));
    await refused(world.managerOfOtherTeam, () => add('no', world.managerOfOtherTeam), 'FORBIDDEN');
    await refused(world.staff, () => add('no', world.staff), 'FORBIDDEN');
    const meetings = await db.teamMeeting.findMany({ where: { teamId: world.thisTeam.id }, select: { id: true, main: true, time: true } });
    expect(meetings.map((meeting) => meeting.main).sort()).toEqual([false, true]);

    // Two managers adding the main meeting at once (both checks made before either is saved): still one.
    await db.teamMeeting.deleteMany({ where: { teamId: world.thisTeam.id, main: true } });
    const together = await bothWaiting(world.thisTeam, () => [add('yes'), add('yes')]);
    expect(together.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['VALIDATION', 'ok']);
    expect(await db.teamMeeting.count({ where: { teamId: world.thisTeam.id, main: true } })).toBe(1);

    const mainMeeting = (await db.teamMeeting.findFirstOrThrow({ where: { teamId: world.thisTeam.id, main: true }, select: { id: true } }))!;
    await refused(world.managerOfOtherTeam, () => arrangements.removeMeeting(null, { meetingId: mainMeeting.id }), 'FORBIDDEN');
    ok(await actingAs(world.managerOfThisTeam, () => arrangements.removeMeeting(null, { meetingId: mainMeeting.id })));
    expect(await db.teamMeeting.count({ where: { id: mainMeeting.id } })).toBe(0);
    ok(await add('yes'));
  });

  it('records systems access for members of the team only, one system however it is typed', async () => {
    const add = (userId: string, system: string) => actingAs(world.managerOfThisTeam, () => arrangements.addSystemAccess(null, { teamId: world.thisTeam.id, userId, system }));
    ok(await add(world.staff.id, 'RiO'));
    ok(await add(world.peerWorker.id, 'rio'));
    expect(await db.systemAccess.findMany({ where: { userId: world.peerWorker.id }, select: { system: true } })).toEqual([{ system: 'RiO' }]);
    await refused(world.managerOfThisTeam, () => add(world.peerWorker.id, 'RIO'), 'VALIDATION', 'system');
    await refused(world.managerOfThisTeam, () => add(world.managerOfOtherTeam.id, 'RiO'), 'VALIDATION', 'userId');
    await refused(world.managerOfThisTeam, () => add(world.newcomer.id, 'RiO'), 'VALIDATION', 'userId');
    await refused(world.managerOfOtherTeam, () => actingAs(world.managerOfOtherTeam, () => arrangements.addSystemAccess(null, { teamId: world.thisTeam.id, userId: world.staff.id, system: 'EPR' })), 'FORBIDDEN');

    // Someone else's access is not this team's to remove.
    const elsewhere = await grantSystem(world.managerOfOtherTeam, 'RiO');
    await refused(world.managerOfThisTeam, () => arrangements.removeSystemAccess(null, { teamId: world.thisTeam.id, systemAccessId: elsewhere.id }), 'NOT_FOUND');
    const access = await db.systemAccess.findFirstOrThrow({ where: { userId: world.peerWorker.id }, select: { id: true } });
    ok(await actingAs(world.managerOfThisTeam, () => arrangements.removeSystemAccess(null, { teamId: world.thisTeam.id, systemAccessId: access.id })));
    expect(await db.systemAccess.count({ where: { userId: world.peerWorker.id } })).toBe(0);

    // Pressed twice at once, or typed two ways at the same moment: one row, and the other is told why.
    const twice = await Promise.all([add(world.peerWorker.id, 'Shared drive'), add(world.peerWorker.id, 'shared DRIVE')]);
    expect(twice.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['VALIDATION', 'ok']);
    expect(await db.systemAccess.findMany({ where: { userId: world.peerWorker.id }, select: { system: true } })).toHaveLength(1);
  });
});

describe('templates', () => {
  const save = (input: Record<string, unknown>, as: Ref = world.admin) => actingAs(as, () => templates.saveTemplate(null, input));
  const saveTask = (input: Record<string, unknown>) =>
    actingAs(world.admin, () => templates.saveTemplateTask(null, { section: 'INDUCTION', title: 'Induction', description: '', ownerRole: 'MANAGER', offsetDays: '7', required: 'yes', ...input }));

  it('are kept by administrators, with conflicts between two editing at once, and plans already made do not change', async () => {
    await refused(world.managerOfThisTeam, () => save({ name: 'Mine' }, world.managerOfThisTeam), 'FORBIDDEN');
    const { templateId } = ok(await save({ name: `Crisis teams ${world.suffix}`, serviceType: 'CRISIS_HOME_TREATMENT' }));
    const { templateTaskId } = ok(await saveTask({ templateId, version: 1, title: 'Meet the crisis line', offsetDays: '-3', ownerRole: 'PEER_WORKER' }));
    ok(await saveTask({ templateId, version: 2, title: 'Supervision agreement', ownerRole: 'SUPERVISOR', offsetDays: '14' }));
    // A second administrator's form, read at version 1.
    await refused(world.admin, () => saveTask({ templateId, version: 1, title: 'Lost change' }), 'CONFLICT');
    ok(await saveTask({ templateId, templateTaskId, version: 3, title: 'Shadow the crisis line', offsetDays: '-2', ownerRole: 'PEER_WORKER', required: 'no' }));
    expect(await db.onboardingTemplateTask.findMany({ where: { templateId }, orderBy: { position: 'asc' }, select: { title: true, offsetDays: true, ownerRole: true, required: true, position: true } })).toEqual([
      { title: 'Shadow the crisis line', offsetDays: -2, ownerRole: 'PEER_WORKER', required: false, position: 1 },
      { title: 'Supervision agreement', offsetDays: 14, ownerRole: 'SUPERVISOR', required: true, position: 2 },
    ]);

    // A plan made from it now keeps its tasks whatever the template becomes.
    const { role } = await agreedRole(world);
    const { placementId } = ok(await start(startForm({ roleId: role.id, templateId })));
    ok(await actingAs(world.admin, () => templates.removeTemplateTask(null, { templateId, templateTaskId, version: 4 })));
    await refused(world.admin, () => templates.removeTemplateTask(null, { templateId, templateTaskId, version: 5 }), 'NOT_FOUND');
    ok(await save({ templateId, version: 5, name: `Crisis teams (renamed) ${world.suffix}`, serviceType: '' }));
    await refused(world.admin, () => save({ templateId, version: 5, name: 'Stale rename' }), 'CONFLICT');
    expect(await db.onboardingTemplate.findUniqueOrThrow({ where: { id: templateId }, select: { name: true, serviceType: true, version: true } })).toEqual({ name: `Crisis teams (renamed) ${world.suffix}`, serviceType: null, version: 6 });
    const [plan] = await plansOf(placementId);
    expect((await taskRows(plan.id)).map((row) => row.title)).toEqual(['Shadow the crisis line', 'Supervision agreement']);
  });

  it('cannot archive the last template, even when the last two are archived at once; an archived one starts no plan', async () => {
    const first = await createTemplate({ tasks: [{ ownerRole: 'MANAGER' }] });
    const second = await createTemplate({ tasks: [{ ownerRole: 'MANAGER' }] });
    // Only these two are in use from here on.
    await db.onboardingTemplate.updateMany({ where: { id: { notIn: [first.id, second.id] }, archivedAt: null }, data: { archivedAt: new Date() } });
    // Two administrators archive one each, at the same moment: one of them is kept.
    const together = await Promise.all([first, second].map((template) => actingAs(world.admin, () => templates.archiveTemplate(null, { templateId: template.id, version: 1 }))));
    expect(together.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['CONFLICT', 'ok']);
    const [kept, gone] = together[0].ok ? [second, first] : [first, second];
    expect(await db.onboardingTemplate.findMany({ where: { archivedAt: null }, select: { id: true } })).toEqual([{ id: kept.id }]);

    await refused(world.admin, () => templates.archiveTemplate(null, { templateId: kept.id, version: 1 }), 'CONFLICT');
    await refused(world.admin, () => templates.archiveTemplate(null, { templateId: gone.id, version: 2 }), 'CONFLICT');
    await refused(world.admin, () => saveTask({ templateId: gone.id, version: 2 }), 'CONFLICT');
    const { role } = await agreedRole(world);
    await refused(world.managerOfThisTeam, () => placements.startPlacement(null, startForm({ roleId: role.id, templateId: gone.id })), 'VALIDATION', 'templateId');
    ok(await start(startForm({ roleId: role.id, templateId: kept.id })));
  });
});
