// The home page's work list (issue 13 §1), on real PostgreSQL: what needs a
// person now, each item a link, soonest first. Each kind is checked for the
// right person with the right title, team, link and date, and for going away
// once done: reviews and expectations checks waiting for them, panel scoring
// still to finish at the vacancy's stage, onboarding tasks they owe; and, in
// teams they manage, open concerns on versions in review, overdue
// supervision, contested activities as the nightly job counted them, and
// placements with parity issues open. Then the order and the cap of 30 (with
// a total counting all), who sees what (nobody else's requests, nothing of a
// team they do not manage, no note, answer, candidate or concern text), the
// empty list, and the home page's merge of the person's own overdue
// supervision (loadWorkList). Two loadWorkList tests fail on purpose: see them.
import { loadWorkList } from '@/lib/dashboards/load';
import { takeMeasures } from '@/lib/dashboards/measures';
import { EMPTY_MEASURES } from '@/lib/dashboards/signals';
import { getWorkList, WORK_LIST_SIZE, type WorkItem, type WorkKind } from '@/lib/dashboards/worklist';
import { db } from '@/lib/db';
import { placementPath, taskPath } from '@/lib/onboarding/paths';
import { placementParity } from '@/lib/onboarding/records';
import { vacancyPath } from '@/lib/recruitment/paths';
import { checkPath, versionPath } from '@/lib/roles/paths';
import { agreementPath } from '@/lib/supervision/paths';
import {
  addMembership,
  addPanelMember,
  agreedRole,
  agreedRoleWithTerms,
  buildWorld,
  catalogueActivity,
  createAgreement,
  createArrangement,
  createCandidate,
  createCheck,
  createConcern,
  createConcernReply,
  createPlacement,
  createRole,
  createSession,
  createSpecification,
  createTeam,
  createTemplate,
  createUser,
  createVacancy,
  inviteReviewer,
  markConcernResolved,
  placedPeerWorker,
  recordAgreement,
  resolveContestedActivity,
  roleInReview,
  scoreCandidate,
  submitVersion,
  supervisedPeerWorker as supervise,
  type PlacementOptions,
  type World,
} from '../factories';
import { currentUserOf } from '../support/roles';
import { signInAs } from '../support/session';

type Ref = { id: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const RECORDS = 'Writing in clinical records';
/** The factory's closing date for every vacancy. */
const CLOSING_DATE = new Date(Date.UTC(2027, 0, 31));

/** Today's date (UTC midnight), `days` days back (ahead when negative): for @db.Date columns. */
function daysAgo(days: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY_MS);
}

const workOf = async (who: Ref) => getWorkList(await currentUserOf(who));
const itemsOf = async (who: Ref, kind: WorkKind) => (await workOf(who)).items.filter((item) => item.kind === kind);
/** As the list orders them: when, then key. */
const byWhen = (a: { at: Date; key: string }, b: { at: Date; key: string }) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key);

/** Staff and the two managers, the peer worker, the representative, HR and the administrator: everyone in a world. */
const everyone = (world: World) => [world.admin, world.hr, world.managerOfThisTeam, world.managerOfOtherTeam, world.staff, world.peerWorker, world.serviceUserRep, world.newcomer];

let world: World;

beforeEach(async () => {
  world = await buildWorld();
});

/** A new peer worker of `team`. */
async function peerWorkerOf(team: Ref, name?: string) {
  const person = await createUser({ name: name ?? `Peer ${Math.random().toString(36).slice(2, 8)} ${world.suffix}` });
  await addMembership(team, person, 'PEER_WORKER');
  return person;
}

/**
 * A placement in this team that asks nothing of the manager: its plan has one
 * task, the peer worker's own, and a peer supervisor is named (so no parity
 * issue is open) unless told otherwise.
 */
async function quietPlacement(person: Ref, roleVersion: Ref, options: Omit<PlacementOptions, 'template'> = {}) {
  const template = await createTemplate({ tasks: [{ section: 'INDUCTION', title: 'Read the induction pack', ownerRole: 'PEER_WORKER', offsetDays: 0 }] });
  return createPlacement(world.thisTeam, person, roleVersion, world.managerOfThisTeam, { peerSupervisor: world.staff, ...options, template });
}

/** A check on `role` where the staff member says records are not part of the role and the peer worker says they are core: contested. */
const contestedAnswers = () => [
  { user: world.staff, answers: { default: 'SOMETIMES' as const, byName: { [RECORDS]: 'NOT_PART' as const } } },
  { user: world.peerWorker, answers: { default: 'SOMETIMES' as const, byName: { [RECORDS]: 'CORE' as const } } },
];

describe('each kind of item, for the right person, with the right link', () => {
  it('REVIEW: a review the person has not agreed to links to the version, until they agree or it is superseded', async () => {
    const manager = world.managerOfThisTeam;
    const { role, version } = await roleInReview(world, { title: `Peer support worker ${world.suffix}` });
    const invited = async (who: Ref, versionId: string) =>
      (await db.reviewInvitation.findUniqueOrThrow({ where: { versionId_userId: { versionId, userId: who.id } }, select: { createdAt: true } })).createdAt;
    const review = (versionId: string, number: number, at: Date): WorkItem => ({
      key: `REVIEW:${versionId}`,
      kind: 'REVIEW',
      title: role.title,
      detail: `Version ${number}`,
      team: world.thisTeam.name,
      href: `/teams/${world.thisTeam.id}/roles/${role.id}/versions/${number}`,
      at,
      due: false,
    });
    expect(versionPath(world.thisTeam.id, role.id, 1)).toBe(`/teams/${world.thisTeam.id}/roles/${role.id}/versions/1`);

    expect(await itemsOf(world.staff, 'REVIEW')).toEqual([review(version.id, 1, await invited(world.staff, version.id))]);
    expect(await itemsOf(world.serviceUserRep, 'REVIEW')).toEqual([review(version.id, 1, await invited(world.serviceUserRep, version.id))]);
    // Not invited: the manager who asked, the peer worker, the other team's manager.
    for (const who of [manager, world.peerWorker, world.managerOfOtherTeam, world.hr, world.admin]) expect(await itemsOf(who, 'REVIEW')).toEqual([]);

    // Agreeing takes it off the staff member's list, not off the representative's.
    await recordAgreement(version, world.staff);
    expect(await itemsOf(world.staff, 'REVIEW')).toEqual([]);
    expect(await itemsOf(world.serviceUserRep, 'REVIEW')).toEqual([review(version.id, 1, await invited(world.serviceUserRep, version.id))]);

    // A new version supersedes it: version 1 is no longer waiting; invited to version 2, the link is to version 2.
    const second = await submitVersion(role, manager);
    expect(await itemsOf(world.serviceUserRep, 'REVIEW')).toEqual([]);
    await inviteReviewer(second, world.serviceUserRep, manager);
    expect(await itemsOf(world.serviceUserRep, 'REVIEW')).toEqual([review(second.id, 2, await invited(world.serviceUserRep, second.id))]);
  });

  it('CHECK: an open expectations check the person has not answered links to the check, until answered or closed', async () => {
    const manager = world.managerOfThisTeam;
    const role = await createRole({ team: world.thisTeam, createdBy: manager, title: `Peer trainer ${world.suffix}` });
    const sentAt = async (checkId: string) => (await db.expectationCheck.findUniqueOrThrow({ where: { id: checkId }, select: { createdAt: true } })).createdAt;
    const item = (checkId: string, at: Date): WorkItem => ({
      key: `CHECK:${checkId}`,
      kind: 'CHECK',
      title: role.title,
      detail: null,
      team: world.thisTeam.name,
      href: `/teams/${world.thisTeam.id}/roles/${role.id}/expectations/${checkId}`,
      at,
      due: false,
    });
    const first = await createCheck(role, manager, [{ user: world.staff }, { user: world.peerWorker, answers: { default: 'CORE' } }]);
    expect(checkPath(world.thisTeam.id, role.id, first.id)).toBe(`/teams/${world.thisTeam.id}/roles/${role.id}/expectations/${first.id}`);
    expect(await itemsOf(world.staff, 'CHECK')).toEqual([item(first.id, await sentAt(first.id))]);
    // Answered already, or not asked (the manager sent it).
    for (const who of [world.peerWorker, manager, world.serviceUserRep, world.managerOfOtherTeam]) expect(await itemsOf(who, 'CHECK')).toEqual([]);

    // A new check closes the old one: only the new one waits.
    const second = await createCheck(role, manager, [{ user: world.staff }, { user: world.serviceUserRep }]);
    expect(await itemsOf(world.staff, 'CHECK')).toEqual([item(second.id, await sentAt(second.id))]);
    expect(await itemsOf(world.serviceUserRep, 'CHECK')).toEqual([item(second.id, await sentAt(second.id))]);

    // Answering takes it off.
    await db.expectationParticipant.updateMany({ where: { checkId: second.id, userId: world.staff.id }, data: { submittedAt: new Date() } });
    expect(await itemsOf(world.staff, 'CHECK')).toEqual([]);
    expect(await itemsOf(world.serviceUserRep, 'CHECK')).toHaveLength(1);
  });

  it("CONCERN: an open concern on a version in review is for the team's managers only, linking to the concern, until resolved or superseded", async () => {
    const manager = world.managerOfThisTeam;
    const { role, version } = await roleInReview(world, { title: `Peer worker ${world.suffix}` });
    const raisedAt = async (concernId: string) => (await db.concern.findUniqueOrThrow({ where: { id: concernId }, select: { createdAt: true } })).createdAt;
    const item = (concernId: string, at: Date): WorkItem => ({
      key: `CONCERN:${concernId}`,
      kind: 'CONCERN',
      title: role.title,
      detail: 'Version 1',
      team: world.thisTeam.name,
      href: `/teams/${world.thisTeam.id}/roles/${role.id}/versions/1/concerns/${concernId}`,
      at,
      due: false,
    });
    const first = await createConcern(version, world.serviceUserRep, { comment: 'The not-part list should say no restraint.' });
    const second = await createConcern(version, world.staff, { section: 'purpose' });
    expect(await itemsOf(manager, 'CONCERN')).toEqual([item(first.id, await raisedAt(first.id)), item(second.id, await raisedAt(second.id))].sort(byWhen));
    // Not another team's manager, not those who raised them, not staff, the peer worker, HR or an administrator.
    for (const who of [world.managerOfOtherTeam, world.staff, world.serviceUserRep, world.peerWorker, world.hr, world.admin]) expect(await itemsOf(who, 'CONCERN')).toEqual([]);

    // A second manager of the team sees them too.
    const deputy = await createUser({ name: `Deputy ${world.suffix}` });
    await addMembership(world.thisTeam, deputy, 'MANAGER');
    expect((await itemsOf(deputy, 'CONCERN')).map((concern) => concern.key).sort()).toEqual([`CONCERN:${first.id}`, `CONCERN:${second.id}`].sort());

    // Resolved: gone.
    await markConcernResolved(first, manager);
    expect(await itemsOf(manager, 'CONCERN')).toEqual([item(second.id, await raisedAt(second.id))]);
    // The version superseded by a new one: the concern still open on version 1 is no longer waiting.
    await submitVersion(role, manager);
    expect(await itemsOf(manager, 'CONCERN')).toEqual([]);
  });

  it('SCORING: a panel member with candidates still to score at the stage the vacancy is at, linking to the vacancy, until every sheet is submitted', async () => {
    const { version } = await agreedRole(world);
    const specification = await createSpecification({ team: world.thisTeam, roleVersion: version, createdBy: world.hr });
    const vacancy = await createVacancy({ specification, createdBy: world.hr, status: 'SHORTLISTING', title: `Peer Support Worker ${world.suffix}` });
    await addPanelMember(vacancy, world.staff, { stages: ['SHORTLISTING', 'INTERVIEW'] });
    await addPanelMember(vacancy, world.peerWorker, { stages: ['INTERVIEW'] });
    await addPanelMember(vacancy, world.hr, { stages: ['SHORTLISTING'], role: 'CHAIR' });
    const first = await createCandidate(vacancy, world.hr, { name: `Zebedee Applicant ${world.suffix}` });
    const second = await createCandidate(vacancy, world.hr, { name: `Yolanda Applicant ${world.suffix}` });
    const item = (detail: string): WorkItem => ({
      key: `SCORING:${vacancy.id}`,
      kind: 'SCORING',
      title: vacancy.title,
      detail,
      team: world.thisTeam.name,
      href: `/recruitment/vacancies/${vacancy.id}`,
      at: CLOSING_DATE,
      due: true,
    });
    expect(vacancyPath(vacancy.id)).toBe(`/recruitment/vacancies/${vacancy.id}`);

    // Shortlisting: those on the shortlisting panel, not the member who only interviews, not the manager off the panel.
    expect(await itemsOf(world.staff, 'SCORING')).toEqual([item('Shortlisting scores')]);
    expect(await itemsOf(world.hr, 'SCORING')).toEqual([item('Shortlisting scores')]);
    for (const who of [world.peerWorker, world.managerOfThisTeam, world.admin]) expect(await itemsOf(who, 'SCORING')).toEqual([]);

    // One sheet submitted, one a draft, and an interview sheet (the wrong stage): still to finish.
    await scoreCandidate(first, world.staff, 'SHORTLISTING', {});
    await scoreCandidate(second, world.staff, 'SHORTLISTING', {}, { draft: true });
    await scoreCandidate(second, world.staff, 'INTERVIEW', {});
    expect(await itemsOf(world.staff, 'SCORING')).toEqual([item('Shortlisting scores')]);
    // The draft submitted: every candidate has the staff member's submitted sheet. HR's are still waiting.
    await db.scoreSheet.updateMany({ where: { candidateId: second.id, userId: world.staff.id, stage: 'SHORTLISTING' }, data: { submittedAt: new Date() } });
    expect(await itemsOf(world.staff, 'SCORING')).toEqual([]);
    expect(await itemsOf(world.hr, 'SCORING')).toEqual([item('Shortlisting scores')]);

    // Interviewing: only the candidates invited count, and only the interview panel.
    await db.candidate.update({ where: { id: first.id }, data: { shortlistOutcome: 'INVITED' } });
    await db.candidate.update({ where: { id: second.id }, data: { shortlistOutcome: 'NOT_INVITED', shortlistReason: 'Did not show the essential criteria' } });
    await db.vacancy.update({ where: { id: vacancy.id }, data: { status: 'INTERVIEWING' } });
    expect(await itemsOf(world.staff, 'SCORING')).toEqual([item('Interview scores')]);
    expect(await itemsOf(world.peerWorker, 'SCORING')).toEqual([item('Interview scores')]);
    expect(await itemsOf(world.hr, 'SCORING')).toEqual([]);
    // The staff member's interview sheet for the one invited candidate, a draft and then submitted: done (the other was not invited).
    await scoreCandidate(first, world.staff, 'INTERVIEW', {}, { draft: true });
    expect(await itemsOf(world.staff, 'SCORING')).toEqual([item('Interview scores')]);
    await db.scoreSheet.updateMany({ where: { candidateId: first.id, userId: world.staff.id, stage: 'INTERVIEW' }, data: { submittedAt: new Date() } });
    expect(await itemsOf(world.staff, 'SCORING')).toEqual([]);
    expect(await itemsOf(world.peerWorker, 'SCORING')).toEqual([item('Interview scores')]);

    // Decided: nothing left to score.
    await db.vacancy.update({ where: { id: vacancy.id }, data: { status: 'DECIDED', decidedAt: new Date() } });
    expect(await itemsOf(world.peerWorker, 'SCORING')).toEqual([]);
  });

  it('TASK: an onboarding task the person owes links to the task, until completed or removed, or the placement ends', async () => {
    const manager = world.managerOfThisTeam;
    const { placement, tasks } = await placedPeerWorker(world, { hr: world.hr });
    const item = (task: (typeof tasks)['MANAGER']): WorkItem => ({
      key: `TASK:${task.id}`,
      kind: 'TASK',
      title: task.title,
      detail: world.peerWorker.name,
      team: world.thisTeam.name,
      href: `/onboarding/tasks/${task.id}`,
      at: task.dueOn,
      due: true,
    });
    expect(taskPath(tasks.MANAGER.id)).toBe(`/onboarding/tasks/${tasks.MANAGER.id}`);
    // The manager owes the team preparation and the systems access (no line manager named); the peer worker their induction; HR the contract.
    expect(await itemsOf(manager, 'TASK')).toEqual([item(tasks.MANAGER), item(tasks.IT_ADMIN)].sort(byWhen));
    expect(await itemsOf(world.peerWorker, 'TASK')).toEqual([item(tasks.PEER_WORKER)]);
    expect(await itemsOf(world.hr, 'TASK')).toEqual([item(tasks.HR)]);
    for (const who of [world.staff, world.managerOfOtherTeam, world.serviceUserRep, world.admin]) expect(await itemsOf(who, 'TASK')).toEqual([]);

    // Completed: gone. In progress or unable to start: still owed.
    await db.onboardingTask.update({ where: { id: tasks.MANAGER.id }, data: { status: 'COMPLETED', completedAt: new Date(), completedById: manager.id } });
    await db.onboardingTask.update({ where: { id: tasks.IT_ADMIN.id }, data: { status: 'IN_PROGRESS' } });
    await db.onboardingTask.update({ where: { id: tasks.PEER_WORKER.id }, data: { status: 'CANNOT_START', cannotStartReason: 'Waiting for a laptop' } });
    expect(await itemsOf(manager, 'TASK')).toEqual([item(tasks.IT_ADMIN)]);
    expect(await itemsOf(world.peerWorker, 'TASK')).toEqual([item(tasks.PEER_WORKER)]);
    // Removed from the plan: gone.
    await db.onboardingTask.update({ where: { id: tasks.IT_ADMIN.id }, data: { removedAt: new Date(), removedById: manager.id } });
    expect(await itemsOf(manager, 'TASK')).toEqual([]);
    // The placement ended: nothing of it is owed.
    await db.placement.update({ where: { id: placement.id }, data: { endedAt: new Date() } });
    expect(await itemsOf(world.peerWorker, 'TASK')).toEqual([]);
    expect(await itemsOf(world.hr, 'TASK')).toEqual([]);
  });

  it('SUPERVISION: an overdue arrangement in a team the person manages links to the agreement; on time, due today or ended, it is not listed', async () => {
    const manager = world.managerOfThisTeam;
    const supervised = await supervisedPeerWorker();
    const { agreement, arrangements } = supervised;
    const item = (arrangement: Ref, detail: string, at: Date): WorkItem => ({
      key: `SUPERVISION:${arrangement.id}`,
      kind: 'SUPERVISION',
      title: world.peerWorker.name,
      detail,
      team: world.thisTeam.name,
      href: `/supervision/agreements/${agreement.id}`,
      at,
      due: true,
    });
    expect(agreementPath(agreement.id)).toBe(`/supervision/agreements/${agreement.id}`);

    // Both started 60 days ago with no session: overdue since their start.
    expect(await itemsOf(manager, 'SUPERVISION')).toEqual(
      [item(arrangements.peer, 'peer supervision', daysAgo(60)), item(arrangements.lineManagement, 'line management', daysAgo(60))].sort(byWhen),
    );
    // Not for another team's manager, staff, the supervisors as such, the peer worker, HR or an administrator.
    for (const who of [world.managerOfOtherTeam, world.staff, supervised.peerSupervisor, world.peerWorker, world.hr, world.admin]) expect(await itemsOf(who, 'SUPERVISION')).toEqual([]);

    // Peer supervision held 10 days ago: due in 18 days, on time. Line management held 50 days ago: due 8 days ago.
    await createSession(arrangements.peer, { heldOn: daysAgo(10) });
    await createSession(arrangements.lineManagement, { heldOn: daysAgo(50) });
    expect(await itemsOf(manager, 'SUPERVISION')).toEqual([item(arrangements.lineManagement, 'line management', daysAgo(8))]);
    // Line management held 42 days ago: due today, not yet overdue.
    await createSession(arrangements.lineManagement, { heldOn: daysAgo(42) });
    expect(await itemsOf(manager, 'SUPERVISION')).toEqual([]);

    // Clinical supervision every 2 weeks from 30 days ago: overdue; ended, it is not.
    const clinical = await createArrangement(agreement, world.staff, { type: 'CLINICAL', everyWeeks: 2, startsOn: daysAgo(30) });
    expect(await itemsOf(manager, 'SUPERVISION')).toEqual([item(clinical, 'clinical supervision', daysAgo(30))]);
    await db.supervisionArrangement.update({ where: { id: clinical.id }, data: { endedAt: new Date() } });
    expect(await itemsOf(manager, 'SUPERVISION')).toEqual([]);

    // The placement ended: its overdue arrangements are not listed.
    await createArrangement(agreement, world.staff, { type: 'GROUP_REFLECTIVE', everyWeeks: 2, startsOn: daysAgo(30) });
    expect(await itemsOf(manager, 'SUPERVISION')).toHaveLength(1);
    await db.placement.update({ where: { id: supervised.placement.id }, data: { endedAt: new Date() } });
    expect(await itemsOf(manager, 'SUPERVISION')).toEqual([]);
  });

  it('CONTESTED: after the nightly count, a team the person manages with roles whose contested activities are unsettled links to the team', async () => {
    const manager = world.managerOfThisTeam;
    const { role } = await roleInReview(world);
    const records = await catalogueActivity(RECORDS);
    const check = await createCheck(role, manager, contestedAnswers());
    // Not counted yet: nothing listed.
    expect(await itemsOf(manager, 'CONTESTED')).toEqual([]);

    const run = await takeMeasures();
    const item = (count: number, at: Date): WorkItem => ({
      key: `CONTESTED:${world.thisTeam.id}`,
      kind: 'CONTESTED',
      title: 'Roles with contested activities to settle',
      detail: `${count} as counted overnight`,
      team: world.thisTeam.name,
      href: `/teams/${world.thisTeam.id}`,
      at,
      due: false,
    });
    expect(await itemsOf(manager, 'CONTESTED')).toEqual([item(1, run.computedAt)]);
    for (const who of [world.managerOfOtherTeam, world.staff, world.peerWorker, world.serviceUserRep, world.hr, world.admin]) expect(await itemsOf(who, 'CONTESTED')).toEqual([]);

    // Settled: listed as counted until the next count, then gone.
    await resolveContestedActivity(check, records, manager, { outcome: 'INCLUDED', section: 'responsibilities', note: 'Peer workers write brief notes.' });
    expect(await itemsOf(manager, 'CONTESTED')).toEqual([item(1, run.computedAt)]);
    await takeMeasures();
    expect(await itemsOf(manager, 'CONTESTED')).toEqual([]);

    // Whatever the job stored: three roles, counted two days ago.
    const counted = new Date(Date.now() - 2 * DAY_MS);
    await db.teamMeasures.update({ where: { teamId: world.thisTeam.id }, data: { measures: { ...EMPTY_MEASURES, rolesWithUnsettledContested: 3 }, computedAt: counted } });
    expect(await itemsOf(manager, 'CONTESTED')).toEqual([item(3, counted)]);
    // The other team's row counts for its manager only.
    await db.teamMeasures.update({ where: { teamId: world.otherTeam.id }, data: { measures: { ...EMPTY_MEASURES, rolesWithUnsettledContested: 2 }, computedAt: counted } });
    expect((await itemsOf(world.managerOfOtherTeam, 'CONTESTED')).map((entry) => [entry.team, entry.detail, entry.href])).toEqual([[world.otherTeam.name, '2 as counted overnight', `/teams/${world.otherTeam.id}`]]);
    expect(await itemsOf(manager, 'CONTESTED')).toEqual([item(3, counted)]);
  });

  it('PARITY: a current placement in a team the person manages with parity issues open links to the placement, with how many', async () => {
    const manager = world.managerOfThisTeam;
    // No peer supervisor named: one issue open.
    const { placement, roleVersion } = await placedPeerWorker(world);
    expect((await placementParity(db, placement.id)).open).toHaveLength(1);
    const item = (placementId: string, person: { name: string }, open: number, at: Date): WorkItem => ({
      key: `PARITY:${placementId}`,
      kind: 'PARITY',
      title: person.name,
      detail: `${open} parity ${open === 1 ? 'issue' : 'issues'} open`,
      team: world.thisTeam.name,
      href: `/onboarding/placements/${placementId}`,
      at,
      due: false,
    });
    expect(placementPath(placement.id)).toBe(`/onboarding/placements/${placement.id}`);
    expect(await itemsOf(manager, 'PARITY')).toEqual([item(placement.id, world.peerWorker, 1, placement.startDate)]);
    expect((await itemsOf(manager, 'PARITY'))[0].detail).toBe('1 parity issue open');

    // Sessional at band 2 with no peer supervisor: several open, as its own page judges them.
    const other = await peerWorkerOf(world.thisTeam, `Sessional Peer ${world.suffix}`);
    const sessional = await quietPlacement(other, roleVersion, { contractType: 'SESSIONAL', band: 2, peerSupervisor: null, startDate: daysAgo(20) });
    const open = (await placementParity(db, sessional.id)).open.length;
    expect(open).toBeGreaterThan(1);
    expect(await itemsOf(manager, 'PARITY')).toEqual([item(placement.id, world.peerWorker, 1, placement.startDate), item(sessional.id, other, open, sessional.startDate)].sort(byWhen));
    expect((await itemsOf(manager, 'PARITY')).find((entry) => entry.key === `PARITY:${sessional.id}`)!.detail).toBe(`${open} parity issues open`);
    for (const who of [world.managerOfOtherTeam, world.staff, world.peerWorker, other, world.serviceUserRep, world.hr, world.admin]) expect(await itemsOf(who, 'PARITY')).toEqual([]);

    // A peer supervisor named: nothing open, gone. The sessional placement ended: gone.
    await db.placement.update({ where: { id: placement.id }, data: { peerSupervisorId: world.staff.id } });
    expect((await itemsOf(manager, 'PARITY')).map((entry) => entry.key)).toEqual([`PARITY:${sessional.id}`]);
    await db.placement.update({ where: { id: sessional.id }, data: { endedAt: new Date() } });
    expect(await itemsOf(manager, 'PARITY')).toEqual([]);
  });
});

/**
 * The world's peer worker placed and supervised (peer supervision from a new
 * peer supervisor every 4 weeks, line management from the manager every 6),
 * both started `startedDaysAgo` days ago with no session yet.
 */
function supervisedPeerWorker(startedDaysAgo = 60) {
  return supervise(world, { startsOn: daysAgo(startedDaysAgo) });
}

/**
 * One item of every kind for this team's manager, each at a chosen time, in
 * this order: a task due 90 days ago, a placement with a parity issue started
 * 80 days ago, a concern raised 70 days ago, supervision due 60 days ago, a
 * check sent 50 days ago, a review asked 40 days ago, contested activities
 * counted 30 days ago and scoring due 20 days ago. Returns each as kind, key and time.
 */
async function oneOfEachKind(): Promise<Array<{ kind: WorkKind; key: string; at: Date }>> {
  const manager = world.managerOfThisTeam;
  const { version: agreed } = await agreedRoleWithTerms(world, {});
  // TASK: a placement whose plan has one task, the manager's; a peer supervisor named, so no parity issue.
  const managerTemplate = await createTemplate({ tasks: [{ section: 'TEAM_PREPARATION', title: 'Talk with the team about the role', ownerRole: 'MANAGER', offsetDays: -7 }] });
  const placement = await createPlacement(world.thisTeam, world.peerWorker, agreed, manager, { peerSupervisor: world.staff, template: managerTemplate });
  const task = await db.onboardingTask.findFirstOrThrow({ where: { planId: placement.planId }, select: { id: true } });
  await db.onboardingTask.update({ where: { id: task.id }, data: { dueOn: daysAgo(90) } });
  // PARITY: another peer worker, no peer supervisor named.
  const unsupervised = await quietPlacement(await peerWorkerOf(world.thisTeam), agreed, { peerSupervisor: null, startDate: daysAgo(80) });
  // CONCERN and REVIEW: a role in review the manager is asked to review, with a concern from the staff member.
  const { role, version } = await roleInReview(world, { reviewers: [manager, world.staff] });
  const concern = await createConcern(version, world.staff);
  await db.concern.update({ where: { id: concern.id }, data: { createdAt: daysAgo(70) } });
  await db.reviewInvitation.update({ where: { versionId_userId: { versionId: version.id, userId: manager.id } }, data: { createdAt: daysAgo(40) } });
  // SUPERVISION: peer supervision from the staff member from 60 days ago, never held.
  const agreement = await createAgreement(placement, manager);
  const arrangement = await createArrangement(agreement, world.staff, { type: 'PEER', startsOn: daysAgo(60) });
  // CHECK: sent to the manager.
  const check = await createCheck(role, manager, [{ user: manager }]);
  await db.expectationCheck.update({ where: { id: check.id }, data: { createdAt: daysAgo(50) } });
  // CONTESTED: as the job stored it.
  await db.teamMeasures.upsert({
    where: { teamId: world.thisTeam.id },
    create: { teamId: world.thisTeam.id, measures: { ...EMPTY_MEASURES, rolesWithUnsettledContested: 1 }, computedAt: daysAgo(30) },
    update: { measures: { ...EMPTY_MEASURES, rolesWithUnsettledContested: 1 }, computedAt: daysAgo(30) },
  });
  // SCORING: on the shortlisting panel of a vacancy that closed 20 days ago.
  const recruited = await agreedRole(world);
  const specification = await createSpecification({ team: world.thisTeam, roleVersion: recruited.version, createdBy: world.hr });
  const vacancy = await createVacancy({ specification, createdBy: world.hr, status: 'SHORTLISTING' });
  await db.vacancy.update({ where: { id: vacancy.id }, data: { closingDate: daysAgo(20) } });
  await addPanelMember(vacancy, manager, { stages: ['SHORTLISTING'] });
  await createCandidate(vacancy, world.hr);
  return [
    { kind: 'TASK', key: `TASK:${task.id}`, at: daysAgo(90) },
    { kind: 'PARITY', key: `PARITY:${unsupervised.id}`, at: daysAgo(80) },
    { kind: 'CONCERN', key: `CONCERN:${concern.id}`, at: daysAgo(70) },
    { kind: 'SUPERVISION', key: `SUPERVISION:${arrangement.id}`, at: daysAgo(60) },
    { kind: 'CHECK', key: `CHECK:${check.id}`, at: daysAgo(50) },
    { kind: 'REVIEW', key: `REVIEW:${version.id}`, at: daysAgo(40) },
    { kind: 'CONTESTED', key: `CONTESTED:${world.thisTeam.id}`, at: daysAgo(30) },
    { kind: 'SCORING', key: `SCORING:${vacancy.id}`, at: daysAgo(20) },
  ];
}

/** `count` open checks sent to `who` about `role`, inserted at once, `hours` apart going back from now; returns each as kind, key and stored time. */
async function checksSentTo(who: Ref, role: Ref, count: number, hours: number) {
  const ids = await db.$queryRaw<Array<{ id: string }>>`
    WITH checks AS (
      INSERT INTO "ExpectationCheck" (id, "roleId", "createdById", "createdAt")
      SELECT gen_random_uuid(), ${role.id}::uuid, ${world.managerOfThisTeam.id}::uuid, ${new Date()}::timestamp - make_interval(hours => g * ${hours}::int)
      FROM generate_series(1, ${count}::int) g
      RETURNING id)
    INSERT INTO "ExpectationParticipant" (id, "checkId", "userId", "group")
    SELECT gen_random_uuid(), id, ${who.id}::uuid, 'MANAGER' FROM checks
    RETURNING "checkId"::text AS id`;
  const rows = await db.expectationCheck.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: { id: true, createdAt: true } });
  return rows.map((row) => ({ kind: 'CHECK' as const, key: `CHECK:${row.id}`, at: row.createdAt }));
}

describe('soonest first', () => {
  it('orders every kind by when it was asked or is due, soonest first', async () => {
    const expected = await oneOfEachKind();
    const list = await workOf(world.managerOfThisTeam);
    expect(list.items.map((item) => [item.kind, item.key, item.at])).toEqual(expected.map((item) => [item.kind, item.key, item.at]));
    expect(list.items.map((item) => item.kind)).toEqual(['TASK', 'PARITY', 'CONCERN', 'SUPERVISION', 'CHECK', 'REVIEW', 'CONTESTED', 'SCORING']);
    expect(list.total).toBe(8);
    expect(list.managesTeams).toBe(true);
  });

  it(`lists at most ${WORK_LIST_SIZE}, the soonest, and counts them all, parity included`, async () => {
    expect(WORK_LIST_SIZE).toBe(30);
    const kinds = await oneOfEachKind();
    // Thirty more checks, sent in the last 16 days (after all of the above).
    const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });
    const checks = await checksSentTo(world.managerOfThisTeam, role, 30, 13);
    // And a placement starting in a month, with parity issues open: the last of all.
    const later = await quietPlacement(await peerWorkerOf(world.thisTeam), (await agreedRoleWithTerms(world, {})).version, { peerSupervisor: null, startDate: daysAgo(-30) });
    const all = [...kinds, ...checks, { kind: 'PARITY' as const, key: `PARITY:${later.id}`, at: daysAgo(-30) }].sort(byWhen);
    expect(all).toHaveLength(39);

    const list = await workOf(world.managerOfThisTeam);
    expect(list.total).toBe(39);
    expect(list.items).toHaveLength(WORK_LIST_SIZE);
    // The first 30 of all of them: the early parity item is in (pushing a 23rd check out), the later one is not.
    expect(list.items.map((item) => [item.key, item.at])).toEqual(all.slice(0, WORK_LIST_SIZE).map((item) => [item.key, item.at]));
    expect(list.items.filter((item) => item.kind === 'CHECK')).toHaveLength(23);
    expect(list.items.some((item) => item.key === `PARITY:${later.id}`)).toBe(false);
    for (let index = 1; index < list.items.length; index += 1) expect(list.items[index - 1].at.getTime()).toBeLessThanOrEqual(list.items[index].at.getTime());
  });
});

describe('who sees what', () => {
  const CONCERN_TEXT = 'Restraint must never be part of this role QX7';
  const REPLY_TEXT = 'We will take restraint out QX7';
  const CANDIDATE_NAMES = ['Zebedee Quillfeather', 'Yolanda Marchbanks'];
  const SESSION_NOTE = 'Talked privately about a hard week QX7';
  const TASK_NOTE = 'My own note about the induction QX7';
  const REASON = 'The laptop has not arrived QX7';
  const SETTLED = 'Peer workers write brief notes QX7';
  const SHORTLIST_REASON = 'Did not show lived experience QX7';
  const EVIDENCE = 'Spoke movingly about recovery QX7';

  it("lists nobody else's requests, nothing of a team a person does not manage, and no note, answer, candidate or concern text", async () => {
    const manager = world.managerOfThisTeam;
    // Reviews for the staff member and the representative; a concern from the representative, with a reply.
    const { role, version } = await roleInReview(world, { title: `Peer support worker ${world.suffix}` });
    const concern = await createConcern(version, world.serviceUserRep, { comment: CONCERN_TEXT });
    await createConcernReply(concern, manager, REPLY_TEXT);
    // A check for the staff member and the peer worker, neither answered; on a second role, a contested check both answered, settled in part.
    const check = await createCheck(role, manager, [{ user: world.staff }, { user: world.peerWorker }]);
    const contested = await roleInReview(world, { title: `Senior peer worker ${world.suffix}` });
    const RISK = 'Risk assessment';
    const contestedCheck = await createCheck(contested.role, manager, [
      { user: world.staff, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART', [RISK]: 'NOT_PART' } } },
      { user: world.peerWorker, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE', [RISK]: 'CORE' } } },
    ]);
    await resolveContestedActivity(contestedCheck, await catalogueActivity(RISK), manager, { outcome: 'EXCLUDED', section: 'notPart', note: SETTLED });
    // The peer worker placed (no peer supervisor: a parity issue), HR owing the contract; a private note and a reason on tasks.
    const { placement, tasks } = await placedPeerWorker(world, { hr: world.hr });
    await db.onboardingTaskNote.create({ data: { taskId: tasks.PEER_WORKER.id, authorId: world.peerWorker.id, text: TASK_NOTE } });
    await db.onboardingTask.update({ where: { id: tasks.PEER_WORKER.id }, data: { status: 'CANNOT_START', cannotStartReason: REASON } });
    // Supervision from the staff member, last held 40 days ago with a private note: overdue.
    const agreement = await createAgreement(placement, manager);
    const arrangement = await createArrangement(agreement, world.staff, { type: 'PEER', everyWeeks: 4, startsOn: daysAgo(100) });
    await createSession(arrangement, { heldOn: daysAgo(40), notes: SESSION_NOTE });
    // A vacancy shortlisting, HR on the panel for it, the manager only for interviews; two named candidates, one sheet with evidence.
    const recruited = await agreedRole(world);
    const specification = await createSpecification({ team: world.thisTeam, roleVersion: recruited.version, createdBy: world.hr });
    const vacancy = await createVacancy({ specification, createdBy: world.hr, status: 'SHORTLISTING' });
    await addPanelMember(vacancy, world.hr, { stages: ['SHORTLISTING'] });
    await addPanelMember(vacancy, manager, { stages: ['INTERVIEW'] });
    const first = await createCandidate(vacancy, world.hr, { name: CANDIDATE_NAMES[0], email: `quillfeather-${world.suffix}@example.test` });
    await createCandidate(vacancy, world.hr, { name: CANDIDATE_NAMES[1], email: `marchbanks-${world.suffix}@example.test` });
    await scoreCandidate(first, world.hr, 'SHORTLISTING', {}, { draft: true, evidence: EVIDENCE });
    await db.candidate.update({ where: { id: first.id }, data: { shortlistOutcome: 'NOT_INVITED', shortlistReason: SHORTLIST_REASON } });
    await takeMeasures();

    const reviewAndCheck = { review: `REVIEW:${version.id}`, check: `CHECK:${check.id}` };
    const expected = new Map<Ref, string[]>([
      [manager, [`TASK:${tasks.MANAGER.id}`, `TASK:${tasks.IT_ADMIN.id}`, `CONCERN:${concern.id}`, `SUPERVISION:${arrangement.id}`, `CONTESTED:${world.thisTeam.id}`, `PARITY:${placement.id}`]],
      [world.staff, [reviewAndCheck.review, `REVIEW:${contested.version.id}`, reviewAndCheck.check]],
      [world.serviceUserRep, [reviewAndCheck.review, `REVIEW:${contested.version.id}`]],
      [world.peerWorker, [reviewAndCheck.check, `TASK:${tasks.PEER_WORKER.id}`]],
      [world.hr, [`TASK:${tasks.HR.id}`, `SCORING:${vacancy.id}`]],
      [world.managerOfOtherTeam, []],
      [world.admin, []],
      [world.newcomer, []],
    ]);
    const lists = new Map<Ref, Awaited<ReturnType<typeof workOf>>>();
    for (const who of everyone(world)) lists.set(who, await workOf(who));

    for (const [who, keys] of expected) {
      const list = lists.get(who)!;
      expect({ who: who.id, keys: list.items.map((item) => item.key).sort() }).toEqual({ who: who.id, keys: [...keys].sort() });
      expect(list.total).toBe(keys.length);
    }
    // Only the manager of this team sees its concerns, supervision, contested activities and parity; nobody sees them for a team they do not manage.
    for (const who of everyone(world).filter((person) => person !== manager)) {
      const teamItems = lists.get(who)!.items.filter((item) => ['CONCERN', 'SUPERVISION', 'CONTESTED', 'PARITY'].includes(item.kind));
      expect({ who: who.id, teamItems }).toEqual({ who: who.id, teamItems: [] });
    }
    expect(lists.get(manager)!.managesTeams).toBe(true);
    expect(lists.get(world.managerOfOtherTeam)!.managesTeams).toBe(true);
    for (const who of [world.staff, world.peerWorker, world.serviceUserRep, world.hr, world.admin, world.newcomer]) expect(lists.get(who)!.managesTeams).toBe(false);

    // What the items say: no note, answer, reason, evidence, candidate or concern text, nor any candidate's name or email.
    const candidates = await db.candidate.findMany({ where: { vacancyId: vacancy.id }, select: { name: true, email: true } });
    const secrets = [CONCERN_TEXT, REPLY_TEXT, SESSION_NOTE, TASK_NOTE, REASON, SETTLED, SHORTLIST_REASON, EVIDENCE, 'QX7', ...CANDIDATE_NAMES, ...candidates.flatMap((candidate) => [candidate.name!, candidate.email!])];
    const answers = ['CORE', 'SOMETIMES', 'NOT_PART', 'Core', 'Sometimes', 'Not part'];
    for (const [, list] of lists) {
      for (const item of list.items) {
        const said = [item.title, item.detail ?? '', item.team, item.href].join(' | ');
        for (const secret of secrets) expect(said).not.toContain(secret);
        for (const answer of answers) expect(said).not.toContain(answer);
        expect(item.href).toMatch(/^\/[a-z0-9/-]+$/u);
      }
    }
  });
});

describe('an empty list', () => {
  it('is empty for a brand-new person, and says whether they manage a team', async () => {
    const brandNew = await createUser();
    expect(await workOf(brandNew)).toEqual({ items: [], total: 0, managesTeams: false });
    expect(await workOf(world.newcomer)).toEqual({ items: [], total: 0, managesTeams: false });
    // In a team, but not its manager.
    expect(await workOf(world.staff)).toEqual({ items: [], total: 0, managesTeams: false });
    // A manager with nothing to do yet.
    expect(await workOf(world.managerOfThisTeam)).toEqual({ items: [], total: 0, managesTeams: true });
    const team = await createTeam();
    const newManager = await createUser();
    await addMembership(team, newManager, 'MANAGER');
    expect(await workOf(newManager)).toEqual({ items: [], total: 0, managesTeams: true });
  });

  it('leaves out a team once archived, even for its manager', async () => {
    await placedPeerWorker(world);
    await db.teamMeasures.create({ data: { teamId: world.thisTeam.id, measures: { ...EMPTY_MEASURES, rolesWithUnsettledContested: 1 }, computedAt: new Date() } });
    expect((await workOf(world.managerOfThisTeam)).items.map((item) => item.kind).sort()).toEqual(['CONTESTED', 'PARITY', 'TASK', 'TASK']);
    await db.team.update({ where: { id: world.thisTeam.id }, data: { archivedAt: new Date() } });
    const list = await workOf(world.managerOfThisTeam);
    expect(list.items.filter((item) => item.kind === 'CONTESTED' || item.kind === 'PARITY')).toEqual([]);
    expect(list.managesTeams).toBe(false);
  });
});

describe('with the supervision overdue to the person themselves (loadWorkList)', () => {
  const homeListOf = async (who: Ref) => {
    signInAs(who);
    return loadWorkList();
  };

  it('adds overdue supervision the person has as peer worker or supervisor, once, and not what is only due soon', async () => {
    const manager = world.managerOfThisTeam;
    const { agreement, arrangements, peerSupervisor } = await supervisedPeerWorker();
    const own = (arrangement: Ref, withName: string): WorkItem => ({
      key: `SUPERVISION:${arrangement.id}`,
      kind: 'SUPERVISION',
      title: withName,
      detail: null,
      team: world.thisTeam.name,
      href: agreementPath(agreement.id),
      at: daysAgo(60),
      due: true,
    });

    // The peer worker: both, each with the supervisor's name, on top of their own list.
    const peerList = await workOf(world.peerWorker);
    const peerHome = await homeListOf(world.peerWorker);
    expect(peerHome.items.filter((item) => item.kind === 'SUPERVISION')).toEqual([own(arrangements.peer, peerSupervisor.name), own(arrangements.lineManagement, manager.name)].sort(byWhen));
    expect(peerHome.items.filter((item) => item.kind !== 'SUPERVISION')).toEqual(peerList.items);
    expect(peerHome.total).toBe(peerList.total + 2);
    // The peer supervisor: theirs, with the peer worker's name.
    const supervisorList = await workOf(peerSupervisor);
    const supervisorHome = await homeListOf(peerSupervisor);
    expect(supervisorHome.items.filter((item) => item.kind === 'SUPERVISION')).toEqual([own(arrangements.peer, world.peerWorker.name)]);
    expect(supervisorHome.items.filter((item) => item.kind !== 'SUPERVISION')).toEqual(supervisorList.items);
    expect(supervisorHome.total).toBe(supervisorList.total + 1);
    // The manager supervises line management in a team they manage: listed once, as the team's.
    const managerList = await workOf(manager);
    const managerHome = await homeListOf(manager);
    expect(managerHome.items).toEqual(managerList.items);
    expect(managerHome.total).toBe(managerList.total);
    expect(new Set(managerHome.items.map((item) => item.key)).size).toBe(managerHome.items.length);
    // Staff: nothing.
    expect((await homeListOf(world.staff)).items).toEqual([]);

    // Peer supervision held 25 days ago: due in 3 days, not overdue: not added (the supervision page counts it).
    await createSession(arrangements.peer, { heldOn: daysAgo(25) });
    const later = await homeListOf(world.peerWorker);
    expect(later.items.filter((item) => item.kind === 'SUPERVISION')).toEqual([own(arrangements.lineManagement, manager.name)]);
    expect(later.total).toBe(peerList.total + 1);
    expect(later.supervision.total).toBe(2);
  });

  // Fails on purpose: loadWorkList (lib/dashboards/load.ts:38) folds in only supervisionDue's first 10 items
  // (lib/supervision/queries.ts:955), so the 11th overdue is neither listed nor counted.
  it('lists and counts every overdue supervision of someone who supervises more than ten peer workers', async () => {
    const supervisor = await createUser({ name: `Lead Peer-Supervisor ${world.suffix}` });
    await addMembership(world.thisTeam, supervisor, 'PEER_WORKER');
    const { version } = await agreedRoleWithTerms(world, {});
    const arrangements = [];
    for (let index = 0; index < 11; index += 1) {
      const person = await peerWorkerOf(world.thisTeam);
      const placement = await quietPlacement(person, version);
      const agreement = await createAgreement(placement, world.managerOfThisTeam);
      arrangements.push(await createArrangement(agreement, supervisor, { type: 'PEER', startsOn: daysAgo(30 + index) }));
    }
    expect(await workOf(supervisor)).toEqual({ items: [], total: 0, managesTeams: false });
    const home = await homeListOf(supervisor);
    // Eleven overdue, well under the list's 30: every one listed and counted.
    expect(home.supervision.total).toBe(11);
    expect(home.items.map((item) => item.key).sort()).toEqual(arrangements.map((arrangement) => `SUPERVISION:${arrangement.id}`).sort());
    expect(home.total).toBe(11);
  });

  // Fails on purpose: loadWorkList (lib/dashboards/load.ts:37) dedupes against the 30 items listed, not all
  // those counted, so an overdue arrangement in a managed team past the 30th is added to the total a second time.
  it("counts a manager's own overdue line management once when it falls after the first 30 items", async () => {
    const manager = world.managerOfThisTeam;
    // Thirty checks for the manager sent long ago: the first 30 of the list.
    const role = await createRole({ team: world.thisTeam, createdBy: manager });
    await checksSentTo(manager, role, 30, 24 * 7);
    await db.expectationCheck.updateMany({ where: { roleId: role.id }, data: { createdAt: daysAgo(400) } });
    // Line management from the manager, overdue since 10 days ago, in the team they manage: the 31st or later.
    const { arrangements } = await supervisedPeerWorker(10);
    const list = await workOf(manager);
    expect(list.items).toHaveLength(WORK_LIST_SIZE);
    expect(list.items.every((item) => item.kind === 'CHECK')).toBe(true);
    const lineManagement = `SUPERVISION:${arrangements.lineManagement.id}`;
    expect(list.items.some((item) => item.key === lineManagement)).toBe(false);
    expect(list.total).toBeGreaterThan(WORK_LIST_SIZE);

    const home = await homeListOf(manager);
    expect(home.items.map((item) => item.key)).toEqual(list.items.map((item) => item.key));
    // Already counted in the list's total as the team's: not counted again as the manager's own.
    expect(home.total).toBe(list.total);
  });
});
