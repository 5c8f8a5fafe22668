// The expectations check: the manager asks people what they expect of the role,
// each answers every activity, the results show consensus by stakeholder group
// and flag contested activities (to everyone else only once the manager has
// closed the check), and the manager records how each was settled.
import { db } from '@/lib/db';
import { archiveActivity, createActivity as addActivity } from '@/lib/expectations/catalogue-actions';
import * as roles from '../support/role-actions';
import { getExpectationCheck } from '@/lib/expectations/queries';
import { getRoleAccess } from '@/lib/roles/access';
import { listPendingRequests } from '@/lib/requests/queries';
import {
  activityCatalogue,
  addMembership,
  answersFor,
  buildWorld,
  catalogueActivity,
  createActivity,
  createCheck,
  createRole,
  createTeam,
  createUser,
  inviteReviewers,
  recordAgreement,
  submitVersion,
  without,
  type AnswerPlan,
  type World,
} from '../factories';
import { actingAs, auditOf, currentUserOf } from '../support/roles';
import { snapshotDatabase } from '../support/snapshot';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

const RECORDS = 'Writing in clinical records';
const ONE_TO_ONE = 'One-to-one peer support';
const MEDICATION = 'Administering medication';

const newRole = () => createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });

async function send(roleId: string, people: Array<{ id: string }>) {
  const result = await actingAs(world.managerOfThisTeam, () => roles.sendExpectationsCheck(null, { roleId, userIds: people.map((person) => person.id) }));
  if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.error)}`);
  return result.data.checkId;
}

async function answer(user: { id: string }, checkId: string, plan: AnswerPlan) {
  const catalogue = await activityCatalogue(world.thisTeam);
  return actingAs(user, () => roles.answerExpectations(null, { checkId, answers: answersFor(catalogue, plan) }));
}

async function resultsFor(user: { id: string }, roleId: string, checkId: string) {
  const access = await getRoleAccess(await currentUserOf(user), roleId);
  return access ? getExpectationCheck(access, user.id, checkId) : null;
}

describe('sendExpectationsCheck', () => {
  it('sends a check to people in the groups the database gives them, and records it', async () => {
    const role = await newRole();
    const checkId = await send(role.id, [world.managerOfThisTeam, world.staff, world.peerWorker, world.hr, world.serviceUserRep]);
    const participants = await db.expectationParticipant.findMany({ where: { checkId }, select: { userId: true, group: true, submittedAt: true } });
    expect(Object.fromEntries(participants.map((row) => [row.userId, row.group]))).toEqual({
      [world.managerOfThisTeam.id]: 'MANAGER',
      [world.staff.id]: 'STAFF',
      [world.peerWorker.id]: 'PEER_WORKER',
      [world.hr.id]: 'HR',
      [world.serviceUserRep.id]: 'SERVICE_USER_REP',
    });
    expect(participants.every((row) => row.submittedAt === null)).toBe(true);
    expect(await auditOf(checkId)).toEqual([expect.objectContaining({ action: 'role.expectations.send', summary: `Sent an expectations check about ${role.title} to 5 people` })]);
  });

  it('closes the previous check of the role when a new one is sent', async () => {
    const role = await newRole();
    const first = await send(role.id, [world.staff]);
    const second = await send(role.id, [world.peerWorker]);
    const checks = await db.expectationCheck.findMany({ where: { roleId: role.id }, select: { id: true, closedAt: true } });
    expect(checks).toEqual(expect.arrayContaining([{ id: first, closedAt: expect.any(Date) }, { id: second, closedAt: null }]));
    expect(await answer(world.staff, first, { default: 'CORE' })).toMatchObject({ ok: false, code: 'CONFLICT', error: 'This expectations check has closed.' });
  });

  it('leaves one check open when two are sent at the same moment', async () => {
    for (let round = 0; round < 5; round += 1) {
      const role = await newRole();
      const results = await Promise.all([
        actingAs(world.managerOfThisTeam, () => roles.sendExpectationsCheck(null, { roleId: role.id, userIds: [world.staff.id] })),
        actingAs(world.admin, () => roles.sendExpectationsCheck(null, { roleId: role.id, userIds: [world.peerWorker.id] })),
      ]);
      expect(results.map((result) => result.ok)).toEqual([true, true]);
      expect({ round, open: await db.expectationCheck.count({ where: { roleId: role.id, closedAt: null } }) }).toEqual({ round, open: 1 });
    }
  });

  it('refuses people who cannot speak for the team, and sends nothing', async () => {
    const role = await newRole();
    for (const outsider of [world.managerOfOtherTeam, world.newcomer, world.admin]) {
      const result = await actingAs(world.managerOfThisTeam, () => roles.sendExpectationsCheck(null, { roleId: role.id, userIds: [world.staff.id, outsider.id] }));
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { userIds: [expect.any(String)] } });
    }
    expect(await db.expectationCheck.count({ where: { roleId: role.id } })).toBe(0);
  });
});

describe('answerExpectations', () => {
  it('takes an answer for every activity, including the team’s own, from a participant', async () => {
    const own = await createActivity({ team: world.thisTeam, name: `Running the allotment group ${world.suffix}` });
    const role = await newRole();
    const checkId = await send(role.id, [world.peerWorker, world.staff]);
    const result = await answer(world.peerWorker, checkId, { default: 'SOMETIMES', byName: { [own.name]: 'CORE' } });
    expect(result).toEqual({ ok: true, data: { roleId: role.id, teamId: world.thisTeam.id } });

    const participant = await db.expectationParticipant.findUniqueOrThrow({ where: { checkId_userId: { checkId, userId: world.peerWorker.id } }, include: { responses: true } });
    expect(participant.submittedAt).toEqual(expect.any(Date));
    expect(participant.responses).toHaveLength((await activityCatalogue(world.thisTeam)).length);
    expect(participant.responses.find((response) => response.activityId === own.id)?.answer).toBe('CORE');
    expect((await auditOf(checkId)).at(-1)).toMatchObject({ action: 'role.expectations.answer', actorId: world.peerWorker.id });
  });

  it('requires every activity to be answered, naming each one left out', async () => {
    const role = await newRole();
    const checkId = await send(role.id, [world.peerWorker]);
    const catalogue = await activityCatalogue(world.thisTeam);
    const partial = without(answersFor(catalogue, { default: 'CORE' }), catalogue[0].id, catalogue[3].id);
    const result = await actingAs(world.peerWorker, () => roles.answerExpectations(null, { checkId, answers: partial }));
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(Object.keys((!result.ok && result.fieldErrors) || {}).sort()).toEqual([`answers.${catalogue[0].id}`, `answers.${catalogue[3].id}`].sort());
    expect(await db.expectationResponse.count({ where: { participant: { checkId } } })).toBe(0);
  });

  it('replaces earlier answers when a participant answers again', async () => {
    const role = await newRole();
    const checkId = await send(role.id, [world.peerWorker]);
    expect(await answer(world.peerWorker, checkId, { default: 'SOMETIMES' })).toMatchObject({ ok: true });
    expect(await answer(world.peerWorker, checkId, { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART' } })).toMatchObject({ ok: true });
    const responses = await db.expectationResponse.findMany({ where: { participant: { checkId } }, select: { answer: true, activity: { select: { name: true } } } });
    expect(responses).toHaveLength((await activityCatalogue(world.thisTeam)).length);
    expect(responses.find((response) => response.activity.name === RECORDS)?.answer).toBe('NOT_PART');
  });

  it('does not ask about archived activities or other teams’ own activities', async () => {
    const otherTeams = await createActivity({ team: world.otherTeam, name: `Other team activity ${world.suffix}` });
    const archived = await createActivity({ team: world.thisTeam, name: `Archived activity ${world.suffix}` });
    expect(await actingAs(world.managerOfThisTeam, () => archiveActivity(null, { activityId: archived.id }))).toMatchObject({ ok: true });
    const role = await newRole();
    const checkId = await send(role.id, [world.peerWorker]);
    const catalogue = await activityCatalogue(world.thisTeam);
    expect(catalogue.map((activity) => activity.id)).not.toContain(archived.id);
    for (const extra of [otherTeams, archived]) {
      const result = await actingAs(world.peerWorker, () => roles.answerExpectations(null, { checkId, answers: { ...answersFor(catalogue, { default: 'CORE' }), [extra.id]: 'CORE' } }));
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { answers: ['Answer only the activities listed'] } });
    }
    expect(await answer(world.peerWorker, checkId, { default: 'CORE' })).toMatchObject({ ok: true });
  });

  it('keeps showing answers about an activity removed from the catalogue after people answered', async () => {
    const removed = await createActivity({ team: world.thisTeam, name: `Removed after answering ${world.suffix}` });
    const role = await newRole();
    const checkId = await send(role.id, [world.peerWorker]);
    expect(await answer(world.peerWorker, checkId, { default: 'CORE' })).toMatchObject({ ok: true });
    expect(await actingAs(world.managerOfThisTeam, () => archiveActivity(null, { activityId: removed.id }))).toMatchObject({ ok: true });

    const results = await resultsFor(world.managerOfThisTeam, role.id, checkId);
    const kept = results?.activities.find((activity) => activity.id === removed.id);
    expect(kept).toMatchObject({ archivedAt: expect.any(Date), groups: [expect.objectContaining({ group: 'PEER_WORKER', total: 1 })] });
    // A check with no answers about it does not list it.
    const freshRole = await newRole();
    const fresh = await send(freshRole.id, [world.peerWorker]);
    expect((await resultsFor(world.managerOfThisTeam, freshRole.id, fresh))?.activities.map((activity) => activity.id)).not.toContain(removed.id);
  });

  it('asks about an activity the manager adds to the team’s catalogue', async () => {
    const added = await actingAs(world.managerOfThisTeam, () => addActivity(null, { teamId: world.thisTeam.id, name: `Leading the walking group ${world.suffix}` }));
    if (!added.ok) throw new Error(added.error);
    expect((await activityCatalogue(world.thisTeam)).map((activity) => activity.id)).toContain(added.data.activityId);
  });

  it('refuses people the check was not sent to', async () => {
    const role = await newRole();
    const checkId = await send(role.id, [world.peerWorker]);
    for (const user of [world.staff, world.managerOfThisTeam, world.admin, world.serviceUserRep]) {
      expect(await answer(user, checkId, { default: 'CORE' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await db.expectationResponse.count({ where: { participant: { checkId } } })).toBe(0);
  });
});

describe('the results of a check', () => {
  let roleId: string;
  let checkId: string;

  beforeAll(async () => {
    roleId = (await newRole()).id;
    // Peer workers and the representative see writing in clinical records as core; non-peer staff and the manager as not part of it.
    checkId = (
      await createCheck({ id: roleId }, world.managerOfThisTeam, [
        { user: world.managerOfThisTeam, answers: { default: 'CORE', byName: { [RECORDS]: 'NOT_PART', [MEDICATION]: 'NOT_PART' } } },
        { user: world.staff, answers: { default: 'CORE', byName: { [RECORDS]: 'NOT_PART', [MEDICATION]: 'NOT_PART' } } },
        { user: world.peerWorker, answers: { default: 'CORE', byName: { [RECORDS]: 'CORE', [MEDICATION]: 'NOT_PART' } } },
        { user: world.serviceUserRep, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE', [ONE_TO_ONE]: 'CORE', [MEDICATION]: 'NOT_PART' } } },
        // HR did not answer before it closed: their group is not counted.
        { user: world.hr },
      ], { closed: true })
    ).id;
  });

  it('shows the consensus per activity by stakeholder group, and flags contested activities', async () => {
    const results = await resultsFor(world.managerOfThisTeam, roleId, checkId);
    expect(results).not.toBeNull();
    const byName = new Map(results!.activities.map((activity) => [activity.name, activity]));

    expect(byName.get(RECORDS)).toMatchObject({ agreementScore: 0, contested: true });
    expect(byName.get(RECORDS)!.groups.map((group) => [group.group, 'leaning' in group ? group.leaning : 'withheld'])).toEqual([
      ['MANAGER', 'NOT_PART'],
      ['STAFF', 'NOT_PART'],
      ['PEER_WORKER', 'CORE'],
      ['SERVICE_USER_REP', 'CORE'],
    ]);
    expect(byName.get(MEDICATION)).toMatchObject({ agreementScore: 100, contested: false });
    expect(byName.get(ONE_TO_ONE)).toMatchObject({ agreementScore: 100, contested: false });
    // Core against sometimes is one step apart: not contested.
    expect(byName.get('Co-facilitating groups')).toMatchObject({ agreementScore: 50, contested: false });
    expect(results!.counts).toEqual({ invited: 5, answered: 4 });
    expect(results!.activities.filter((activity) => activity.contested).map((activity) => activity.name)).toEqual([RECORDS]);
  });

  it('shows the manager who said what, and the participants', async () => {
    const results = await resultsFor(world.managerOfThisTeam, roleId, checkId);
    const records = results!.activities.find((activity) => activity.name === RECORDS)!;
    expect(records.individual).toEqual(
      expect.arrayContaining([
        { name: world.staff.name, group: 'STAFF', answer: 'NOT_PART' },
        { name: world.peerWorker.name, group: 'PEER_WORKER', answer: 'CORE' },
        { name: world.serviceUserRep.name, group: 'SERVICE_USER_REP', answer: 'CORE' },
      ]),
    );
    expect(records.individual).toHaveLength(4);
    expect(results!.participants.map((participant) => participant.userId).sort()).toEqual(
      [world.managerOfThisTeam, world.staff, world.peerWorker, world.serviceUserRep, world.hr].map((user) => user.id).sort(),
    );
  });

  it('shows other participants only the aggregate by group, and their own answers', async () => {
    for (const participant of [world.peerWorker, world.serviceUserRep, world.staff, world.hr]) {
      const results = await resultsFor(participant, roleId, checkId);
      expect(results).not.toBeNull();
      expect(results!.participants).toEqual([]);
      expect(results!.smallNumbers).toBe(true);
      expect(results!.activities.every((activity) => activity.individual === null)).toBe(true);
      // One person in each group: no group is big enough to show, and so no score, but everyone sees it is contested.
      expect(results!.activities.find((activity) => activity.name === RECORDS)).toMatchObject({ contested: true, agreementScore: null });
      expect(results!.activities.every((activity) => activity.groups.every((group) => 'withheld' in group))).toBe(true);
      // No other participant's name appears anywhere in what they get back (the manager's does, as who sent the check).
      const others = [world.staff, world.peerWorker, world.serviceUserRep, world.hr].filter((other) => other.id !== participant.id);
      for (const other of others) expect(JSON.stringify(results)).not.toContain(other.name);
    }
    const mine = await resultsFor(world.peerWorker, roleId, checkId);
    const records = await catalogueActivity(RECORDS);
    expect(mine!.me).toMatchObject({ group: 'PEER_WORKER', submittedAt: expect.any(Date) });
    expect(mine!.me!.answers[records.id]).toBe('CORE');
    expect((await resultsFor(world.hr, roleId, checkId))!.me).toMatchObject({ group: 'HR', submittedAt: null, answers: {} });
  });

  it('shows nothing to people the check was not sent to', async () => {
    expect(await resultsFor(world.managerOfOtherTeam, roleId, checkId)).toBeNull();
    expect(await resultsFor(world.newcomer, roleId, checkId)).toBeNull();
    // A colleague may read the team's agreed roles, but was not asked: no check for them.
    const otherRole = await newRole();
    const other = await createCheck(otherRole, world.managerOfThisTeam, [{ user: world.staff, answers: { default: 'CORE' } }]);
    expect(await resultsFor(world.peerWorker, otherRole.id, other.id)).toBeNull();
    // And a check id under the wrong role finds nothing.
    expect(await resultsFor(world.managerOfThisTeam, otherRole.id, checkId)).toBeNull();
  });

  it('lists the check as a request until the participant answers it', async () => {
    const role = await newRole();
    const pendingCheck = await send(role.id, [world.peerWorker]);
    const pending = async () => (await listPendingRequests(await currentUserOf(world.peerWorker))).checks.map((row) => row.check.id);
    expect(await pending()).toContain(pendingCheck);
    await answer(world.peerWorker, pendingCheck, { default: 'SOMETIMES' });
    expect(await pending()).not.toContain(pendingCheck);
  });
});

describe('a participant’s view of a check with groups of one', () => {
  // The usual team: one manager, one HR partner, one representative and one peer worker, and four non-peer staff.
  let roleId: string;
  let checkId: string;
  let moreStaff: Array<{ id: string; name: string }>;

  beforeAll(async () => {
    moreStaff = [];
    for (const name of ['Nadia Nurse', 'Olu Occupational-Therapist', 'Paul Psychologist']) {
      const person = await createUser({ name: `${name} ${world.suffix}` });
      await addMembership(world.thisTeam, person, 'STAFF');
      moreStaff.push(person);
    }
    roleId = (await newRole()).id;
    checkId = (
      await createCheck({ id: roleId }, world.managerOfThisTeam, [
        { user: world.managerOfThisTeam, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART' } } },
        { user: world.hr, answers: { default: 'NOT_PART', byName: { [RECORDS]: 'SOMETIMES' } } },
        { user: world.serviceUserRep, answers: { default: 'CORE', byName: { [RECORDS]: 'CORE' } } },
        { user: world.peerWorker, answers: { default: 'CORE', byName: { [RECORDS]: 'CORE' } } },
        { user: world.staff, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART' } } },
        ...moreStaff.map((user) => ({ user, answers: { default: 'SOMETIMES' as const, byName: { [RECORDS]: 'NOT_PART' as const } } })),
      ], { closed: true })
    ).id;
  });

  /** Every group entry of every activity, as it would be sent to the browser. */
  const groupsSent = (results: unknown) =>
    (JSON.parse(JSON.stringify(results)) as { activities: Array<{ name: string; groups: Array<{ group: string } & Record<string, unknown>> }> }).activities.flatMap((activity) =>
      activity.groups.map((group) => ({ activity: activity.name, ...group })),
    );

  it('sends the peer worker no figure for the manager, HR or the representative, and the staff group as a whole', async () => {
    const results = await resultsFor(world.peerWorker, roleId, checkId);
    const sent = groupsSent(results);
    for (const entry of sent.filter((row) => row.group !== 'STAFF')) {
      // Only that the group answered: no counts, total, position or leaning, for any activity.
      expect(Object.keys(entry).sort()).toEqual(['activity', 'group', 'withheld']);
    }
    const staff = sent.filter((row) => row.group === 'STAFF');
    expect(staff).toHaveLength(results!.activities.filter((activity) => activity.groups.length > 0).length);
    expect(staff.find((row) => row.activity === RECORDS)).toMatchObject({ counts: { CORE: 0, SOMETIMES: 0, NOT_PART: 4 }, total: 4 });

    const records = results!.activities.find((activity) => activity.name === RECORDS)!;
    // Contested (peer worker and representative against staff and manager), from everyone's answers; no score from one group.
    expect(records).toMatchObject({ contested: true, agreementScore: null, figuresWithheld: false, individual: null });
    // Nothing names anyone but the manager who sent it, and nothing carries another person's answer.
    const payload = JSON.stringify(results);
    for (const other of [world.hr, world.serviceUserRep, world.staff, ...moreStaff]) expect(payload).not.toContain(other.name);
    expect(payload).not.toContain('"individual":[');
    expect(results!.participants).toEqual([]);
    expect(Object.keys(results!.me!.answers).length).toBe((await activityCatalogue(world.thisTeam)).length);
  });

  it('shows a staff member their own group, which has 3 besides them, and still nothing of the groups of one', async () => {
    const staffView = await resultsFor(world.staff, roleId, checkId);
    const sent = groupsSent(staffView);
    expect(sent.find((row) => row.activity === RECORDS && row.group === 'STAFF')).toMatchObject({ counts: { NOT_PART: 4 }, total: 4 });
    for (const entry of sent.filter((row) => row.group !== 'STAFF')) expect(Object.keys(entry).sort()).toEqual(['activity', 'group', 'withheld']);
    expect(staffView!.activities.find((activity) => activity.name === RECORDS)).toMatchObject({ figuresWithheld: false, agreementScore: null, contested: true });
  });

  it('still shows the manager every figure and who said what', async () => {
    const results = await resultsFor(world.managerOfThisTeam, roleId, checkId);
    const records = results!.activities.find((activity) => activity.name === RECORDS)!;
    expect(results!.smallNumbers).toBe(false);
    expect(records.groups.map((group) => ('total' in group ? [group.group, group.total] : null))).toEqual([
      ['MANAGER', 1],
      ['STAFF', 4],
      ['PEER_WORKER', 1],
      ['SERVICE_USER_REP', 1],
      ['HR', 1],
    ]);
    expect(records.individual).toHaveLength(8);
  });
});

describe('resolveContested', () => {
  async function contestedCheck() {
    const role = await newRole();
    const check = await createCheck(role, world.managerOfThisTeam, [
      { user: world.staff, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART' } } },
      { user: world.peerWorker, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE' } } },
    ]);
    return { role, check, records: await catalogueActivity(RECORDS), oneToOne: await catalogueActivity(ONE_TO_ONE) };
  }

  it('refuses to settle an activity that is not contested', async () => {
    const { check, oneToOne } = await contestedCheck();
    const result = await actingAs(world.managerOfThisTeam, () =>
      roles.resolveContested(null, { checkId: check.id, activityId: oneToOne.id, outcome: 'INCLUDED', section: 'responsibilities', note: 'Core to the role' }),
    );
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', error: `"${ONE_TO_ONE}" is not contested in this check.` });
    expect(await db.contestedResolution.count({ where: { checkId: check.id } })).toBe(0);
  });

  it('records how a contested activity was settled, and updates it when settled again', async () => {
    const { role, check, records } = await contestedCheck();
    const first = await actingAs(world.managerOfThisTeam, () =>
      roles.resolveContested(null, { checkId: check.id, activityId: records.id, outcome: 'CLARIFIED', section: 'working', note: 'Peer workers write brief contact notes.' }),
    );
    expect(first).toEqual({ ok: true, data: { roleId: role.id, teamId: world.thisTeam.id, agreedVersions: [] } });
    const again = await actingAs(world.admin, () =>
      roles.resolveContested(null, { checkId: check.id, activityId: records.id, outcome: 'INCLUDED', section: 'responsibilities', note: 'Recording contacts is part of the role.' }),
    );
    expect(again.ok).toBe(true);

    const resolutions = await db.contestedResolution.findMany({ where: { checkId: check.id } });
    expect(resolutions).toEqual([
      expect.objectContaining({ activityId: records.id, outcome: 'INCLUDED', section: 'responsibilities', note: 'Recording contacts is part of the role.', resolvedById: world.admin.id }),
    ]);
    const results = await resultsFor(world.managerOfThisTeam, role.id, check.id);
    expect(results!.activities.find((activity) => activity.id === records.id)?.resolution).toMatchObject({ outcome: 'INCLUDED', section: 'responsibilities' });
    // Open: nothing of the results for the peer worker. Closed: only one other person answered, so beside the peer worker's
    // own answer "contested" (or how it was settled) would give theirs away.
    expect((await resultsFor(world.peerWorker, role.id, check.id))!.activities.find((activity) => activity.id === records.id)).toMatchObject({ contested: null, resolution: null });
    expect(await actingAs(world.managerOfThisTeam, () => roles.closeExpectationsCheck(null, { checkId: check.id }))).toMatchObject({ ok: true });
    expect((await resultsFor(world.peerWorker, role.id, check.id))!.activities.find((activity) => activity.id === records.id)).toMatchObject({ contested: null, resolution: null });
    expect((await auditOf(check.id)).map((event) => event.summary)).toEqual([
      `Settled contested activity "${RECORDS}": clarified, in "Working arrangements"`,
      `Settled contested activity "${RECORDS}": included, in "Key responsibilities"`,
      `Closed the expectations check about ${role.title} (2 of 2 answered) and shared its results with those who took part`,
    ]);
  });

  it('is for the managers of the team, not the participants', async () => {
    const { check, records } = await contestedCheck();
    for (const user of [world.peerWorker, world.staff, world.managerOfOtherTeam]) {
      const result = await actingAs(user, () => roles.resolveContested(null, { checkId: check.id, activityId: records.id, outcome: 'EXCLUDED', section: 'notPart', note: 'Not ours' }));
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });
});

/** Every way a figure or a contested flag could appear in what a query sends to the browser. */
const RESULT_KEYS = /"counts":\{"CORE"|"(total|position|leaning)":|"contested":(true|false)|"agreementScore":\d|"figuresWithheld":true|"withheld":true|"individual":\[|"resolution":\{/u;

describe('an open check, for someone who may not see who said what', () => {
  // One manager, one non-peer staff member, one peer worker and one HR partner: the review's example.
  it('sends HR no figure or flag however often they change their own answers, and the frozen view once the manager closes it', async () => {
    const role = await newRole();
    const checkId = await send(role.id, [world.managerOfThisTeam, world.staff, world.peerWorker, world.hr]);
    expect(await answer(world.managerOfThisTeam, checkId, { default: 'CORE', byName: { [RECORDS]: 'NOT_PART' } })).toMatchObject({ ok: true });
    expect(await answer(world.staff, checkId, { default: 'NOT_PART' })).toMatchObject({ ok: true });
    expect(await answer(world.peerWorker, checkId, { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE' } })).toMatchObject({ ok: true });
    const records = await catalogueActivity(RECORDS);

    // Three probes: all core, all not part, all sometimes. Each view is the same but for HR's own answers.
    const views = new Set<string>();
    for (const probe of ['CORE', 'NOT_PART', 'SOMETIMES'] as const) {
      expect(await answer(world.hr, checkId, { default: probe })).toMatchObject({ ok: true });
      const sent = JSON.parse(JSON.stringify(await resultsFor(world.hr, role.id, checkId)));
      expect(sent).toMatchObject({ resultsShown: false, smallNumbers: true, participants: [], counts: { invited: 4, answered: 4 } });
      expect(sent.me.answers[records.id]).toBe(probe);
      for (const activity of sent.activities) expect(activity).toMatchObject({ groups: [], agreementScore: null, contested: null, figuresWithheld: false, resolution: null, individual: null });
      expect(JSON.stringify(sent)).not.toMatch(RESULT_KEYS);
      views.add(JSON.stringify({ ...sent, me: { group: sent.me.group } }));
    }
    expect(views.size).toBe(1);
    // Nor does anything of the others' answers reach the peer worker or the staff member while it is open; the manager sees it all.
    for (const participant of [world.peerWorker, world.staff]) expect(JSON.stringify(await resultsFor(participant, role.id, checkId))).not.toMatch(RESULT_KEYS);
    expect((await resultsFor(world.managerOfThisTeam, role.id, checkId))!.activities.find((activity) => activity.id === records.id)).toMatchObject({ contested: true, agreementScore: 0 });

    const closed = await actingAs(world.managerOfThisTeam, () => roles.closeExpectationsCheck(null, { checkId }));
    expect(closed).toEqual({ ok: true, data: { roleId: role.id, teamId: world.thisTeam.id, checkId, agreedVersions: [] } });
    expect((await auditOf(checkId)).at(-1)).toMatchObject({
      action: 'role.expectations.close',
      actorId: world.managerOfThisTeam.id,
      summary: `Closed the expectations check about ${role.title} (4 of 4 answered) and shared its results with those who took part`,
    });

    // Closed: the small-numbers view of the answers as they were, one person in each group, so no group's figures, only the flag.
    const frozen = await resultsFor(world.hr, role.id, checkId);
    expect(frozen).toMatchObject({ resultsShown: true, closedAt: expect.any(Date) });
    expect(frozen!.activities.find((activity) => activity.id === records.id)).toMatchObject({ contested: true, agreementScore: null, individual: null });
    expect(frozen!.activities.every((activity) => activity.groups.every((group) => 'withheld' in group))).toBe(true);
    // The answers are frozen: no fourth probe, and the view stays as it is.
    expect(await answer(world.hr, checkId, { default: 'CORE' })).toMatchObject({ ok: false, code: 'CONFLICT', error: 'This expectations check has closed.' });
    expect(await resultsFor(world.hr, role.id, checkId)).toEqual(frozen);
    expect((await listPendingRequests(await currentUserOf(world.hr))).checks.map((row) => row.check.id)).not.toContain(checkId);
  });
});

describe('closeExpectationsCheck', () => {
  it('refuses a check that has already closed, and changes nothing', async () => {
    const role = await newRole();
    const checkId = await send(role.id, [world.staff]);
    await send(role.id, [world.peerWorker]);
    const { closedAt } = await db.expectationCheck.findUniqueOrThrow({ where: { id: checkId }, select: { closedAt: true } });
    const result = await actingAs(world.managerOfThisTeam, () => roles.closeExpectationsCheck(null, { checkId }));
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', error: 'This expectations check has already closed: its results are shared with everyone who took part.' });
    expect(await db.expectationCheck.findUniqueOrThrow({ where: { id: checkId }, select: { closedAt: true } })).toEqual({ closedAt });
    expect((await auditOf(checkId)).map((event) => event.action)).toEqual(['role.expectations.send']);
  });

  it('closes once when two managers close it at the same moment', async () => {
    for (let round = 0; round < 5; round += 1) {
      const role = await newRole();
      const checkId = await send(role.id, [world.staff, world.peerWorker]);
      const results = await Promise.all([
        actingAs(world.managerOfThisTeam, () => roles.closeExpectationsCheck(null, { checkId })),
        actingAs(world.admin, () => roles.closeExpectationsCheck(null, { checkId })),
      ]);
      expect({ round, outcomes: results.map((result) => (result.ok ? 'closed' : result.code)).sort() }).toEqual({ round, outcomes: ['CONFLICT', 'closed'] });
      expect({ round, closes: (await auditOf(checkId)).filter((event) => event.action === 'role.expectations.close').length }).toEqual({ round, closes: 1 });
    }
  });

  it('never takes an answer after the check has closed, when the two come at the same moment', async () => {
    for (let round = 0; round < 5; round += 1) {
      const role = await newRole();
      const checkId = await send(role.id, [world.staff, world.peerWorker]);
      const [answered, closed] = await Promise.all([answer(world.peerWorker, checkId, { default: 'CORE' }), actingAs(world.managerOfThisTeam, () => roles.closeExpectationsCheck(null, { checkId }))]);
      expect({ round, closed: closed.ok }).toEqual({ round, closed: true });
      const check = await db.expectationCheck.findUniqueOrThrow({ where: { id: checkId }, select: { closedAt: true } });
      const participant = await db.expectationParticipant.findUniqueOrThrow({ where: { checkId_userId: { checkId, userId: world.peerWorker.id } }, select: { submittedAt: true } });
      if (answered.ok) expect({ round, before: participant.submittedAt!.getTime() <= check.closedAt!.getTime() }).toEqual({ round, before: true });
      else expect({ round, answered, submittedAt: participant.submittedAt }).toMatchObject({ round, answered: { code: 'CONFLICT' }, submittedAt: null });
    }
  });

  it('is for the managers of the team, not the participants', async () => {
    const role = await newRole();
    const checkId = await send(role.id, [world.staff, world.peerWorker, world.hr]);
    for (const user of [world.staff, world.peerWorker, world.hr, world.managerOfOtherTeam]) {
      expect(await actingAs(user, () => roles.closeExpectationsCheck(null, { checkId }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await db.expectationCheck.findUniqueOrThrow({ where: { id: checkId }, select: { closedAt: true } })).toEqual({ closedAt: null });
  });
});

describe('an archived team', () => {
  it('takes no answers, settlements or closing of its checks, so no version of it can become Agreed through them', async () => {
    const team = await createTeam();
    const manager = await createUser({ name: `Archived Manager ${world.suffix}` });
    const nurse = await createUser({ name: `Archived Nurse ${world.suffix}` });
    const peer = await createUser({ name: `Archived Peer ${world.suffix}` });
    await addMembership(team, manager, 'MANAGER');
    await addMembership(team, nurse, 'STAFF');
    await addMembership(team, peer, 'PEER_WORKER');
    const role = await createRole({ team, createdBy: manager });
    const version = await submitVersion(role, manager);
    await inviteReviewers(version, [manager, nurse, peer, world.hr], manager);
    // Writing in clinical records contested between the nurse and the peer worker; the manager has yet to answer.
    const check = await createCheck(role, manager, [
      { user: nurse, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART' } } },
      { user: peer, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE' } } },
      { user: manager },
    ]);
    for (const reviewer of [manager, nurse, peer, world.hr]) await recordAgreement(version, reviewer);
    expect((await db.roleVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe('IN_REVIEW');
    await db.team.update({ where: { id: team.id }, data: { archivedAt: new Date() } });

    const records = await catalogueActivity(RECORDS);
    const archived = { ok: false, code: 'CONFLICT', error: 'This team is archived: restore it before working on its roles.' };
    const before = await snapshotDatabase();
    // Answering in agreement with the nurse would leave nothing contested; settling it would too; closing would freeze the check.
    expect(await actingAs(manager, async () => roles.answerExpectations(null, { checkId: check.id, answers: answersFor(await activityCatalogue(team), { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART' } }) }))).toMatchObject(archived);
    // The team's own manager can no longer act for an archived team at all; an administrator still could, but for this.
    expect(await actingAs(world.admin, () => roles.resolveContested(null, { checkId: check.id, activityId: records.id, outcome: 'CLARIFIED', section: 'responsibilities', note: 'Brief notes only.' }))).toMatchObject(archived);
    expect(await actingAs(world.admin, () => roles.closeExpectationsCheck(null, { checkId: check.id }))).toMatchObject(archived);
    expect(await snapshotDatabase()).toEqual(before);
    expect((await db.roleVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe('IN_REVIEW');
  });
});
