// Who sees what of a team's roles (lib/roles/queries.ts): outsiders nothing;
// an invited reviewer from outside the team only the version they were invited
// to; the team's staff the agreed versions but no drafts and no concerns they
// were not part of; the team's managers (and administrators) everything.
import { getDraft, getRoleOverview, getVersionsToCompare, listTeamRoles } from '@/lib/roles/queries';
import { getExpectationCheck } from '@/lib/expectations/queries';
import { getRoleAccess } from '@/lib/roles/access';
import { getVersionDetail, getVersionInvitations } from '@/lib/agreement/queries';
import { listPendingRequests } from '@/lib/requests/queries';
import {
  addMembership,
  buildWorld,
  createCheck,
  createConcern,
  createRole,
  createUser,
  editDraft,
  inviteReviewers,
  markConcernResolved,
  recordAgreement,
  roleContent,
  roleInReview,
  submitVersion,
  type FactoryRole,
  type World,
} from '../factories';
import { currentUserOf } from '../support/roles';

let world: World;
let colleague: { id: string; name: string };
/** Version 1 agreed (the staff member was not a reviewer); version 2 in review, reviewed by the staff member and the representative. */
let agreedRole: FactoryRole;
let versionOne: { id: string };
let versionTwo: { id: string };
/** A draft that has never been submitted. */
let draftRole: FactoryRole;
/** Version 1 in review; the representative was not invited. */
let inReviewRole: FactoryRole;
let otherTeamRole: FactoryRole;

const access = async (user: { id: string }, roleId: string) => getRoleAccess(await currentUserOf(user), roleId);
const accessOrFail = async (user: { id: string }, roleId: string) => {
  const found = await access(user, roleId);
  if (!found) throw new Error('Expected access to the role');
  return found;
};

beforeAll(async () => {
  world = await buildWorld();
  const manager = world.managerOfThisTeam;
  colleague = await createUser({ name: `Casey Colleague ${world.suffix}` });
  await addMembership(world.thisTeam, colleague, 'STAFF');

  agreedRole = await createRole({ team: world.thisTeam, createdBy: manager, title: 'Agreed role' });
  versionOne = await submitVersion(agreedRole, manager);
  await inviteReviewers(versionOne, [manager, colleague, world.peerWorker, world.hr], manager);
  const settled = await createConcern(versionOne, world.peerWorker, { section: 'supervision', comment: 'Who provides peer supervision?' });
  await markConcernResolved(settled, world.peerWorker);
  for (const reviewer of [manager, colleague, world.peerWorker, world.hr]) await recordAgreement(versionOne, reviewer);
  await editDraft(agreedRole, roleContent({ purpose: { text: 'A purpose reworded for version 2.' } }));
  versionTwo = await submitVersion(agreedRole, manager);
  await inviteReviewers(versionTwo, [world.staff, world.serviceUserRep], manager);
  await createConcern(versionTwo, world.serviceUserRep, { section: 'working', comment: 'Is 22.5 hours enough to attend team meetings?' });
  await editDraft(agreedRole, roleContent({ purpose: { text: 'Unsubmitted draft text for version 3.' } }));

  draftRole = await createRole({ team: world.thisTeam, createdBy: manager, title: 'Draft role' });
  inReviewRole = (await roleInReview(world, { title: 'In review role', reviewers: [world.staff] })).role;
  otherTeamRole = (await roleInReview({ ...world, thisTeam: world.otherTeam, managerOfThisTeam: world.managerOfOtherTeam }, { title: 'Other team role', reviewers: [world.managerOfOtherTeam] })).role;
});

describe('outsiders', () => {
  it("find none of another team's roles", async () => {
    for (const role of [agreedRole, draftRole, inReviewRole]) {
      expect(await access(world.managerOfOtherTeam, role.id)).toBeNull();
      expect(await access(world.newcomer, role.id)).toBeNull();
    }
    expect(await access(world.managerOfThisTeam, otherTeamRole.id)).toBeNull();
    expect(await access(world.staff, otherTeamRole.id)).toBeNull();
  });

  it('find nothing for ids that are not roles', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', world.thisTeam.id, versionOne.id, 'not-a-uuid', "' OR 1=1 --"]) {
      expect(await access(world.admin, id)).toBeNull();
    }
  });

  it("see no list of another team's roles", async () => {
    expect(await listTeamRoles(await currentUserOf(world.managerOfOtherTeam), world.thisTeam.id)).toEqual({ canDraft: false, roles: [] });
    expect(await listTeamRoles(await currentUserOf(world.newcomer), world.thisTeam.id)).toEqual({ canDraft: false, roles: [] });
  });
});

describe('a service-user representative', () => {
  it('finds no role they were not invited to', async () => {
    expect(await access(world.serviceUserRep, draftRole.id)).toBeNull();
    expect(await access(world.serviceUserRep, inReviewRole.id)).toBeNull();
    expect(await access(world.serviceUserRep, otherTeamRole.id)).toBeNull();
    expect(await listTeamRoles(await currentUserOf(world.serviceUserRep), world.thisTeam.id)).toEqual({ canDraft: false, roles: [] });
  });

  it('sees only the version they were invited to, with its concerns', async () => {
    const repAccess = await accessOrFail(world.serviceUserRep, agreedRole.id);
    expect(repAccess).toMatchObject({ canDraft: false, canViewAgreed: false, canSeeIndividualAnswers: false });

    const detail = await getVersionDetail(repAccess, 2);
    expect(detail).toMatchObject({ id: versionTwo.id, number: 2, status: 'IN_REVIEW', involved: true });
    expect(detail!.content.purpose.text).toBe('A purpose reworded for version 2.');
    expect(detail!.concerns.map((concern) => concern.comment)).toEqual(['Is 22.5 hours enough to attend team meetings?']);

    // Version 1 is agreed, but the representative was not asked about it: no link to it either.
    expect(detail!.neighbours).toEqual({ previous: null, newer: null });
    expect(await getVersionDetail(repAccess, 1)).toBeNull();
    expect(await getVersionDetail(repAccess, 3)).toBeNull();
    expect(await getVersionsToCompare(repAccess, 1, 2)).toBeNull();

    const overview = await getRoleOverview(repAccess);
    expect(overview.draft).toBeNull();
    expect(overview.sections).toEqual([]);
    expect(overview.versions.map((version) => version.number)).toEqual([2]);
    expect(overview.checks).toEqual([]);
  });
});

describe("the team's staff", () => {
  it('see agreed versions but not the draft', async () => {
    const staffAccess = await accessOrFail(world.staff, agreedRole.id);
    expect(staffAccess).toMatchObject({ canDraft: false, canViewAgreed: true });
    const overview = await getRoleOverview(staffAccess);
    expect(overview.draft).toBeNull();
    expect(JSON.stringify(overview)).not.toContain('Unsubmitted draft text');
    // Version 1 is agreed; version 2 is in review and the staff member reviews it.
    expect(overview.versions.map((version) => version.number)).toEqual([2, 1]);

    const peerOverview = await getRoleOverview(await accessOrFail(world.peerWorker, agreedRole.id));
    expect(peerOverview.draft).toBeNull();
    expect(peerOverview.versions.map((version) => version.number)).toEqual([1]);
  });

  it('do not see the concerns of a version they were not invited to', async () => {
    const detail = await getVersionDetail(await accessOrFail(world.staff, agreedRole.id), 1);
    expect(detail).toMatchObject({ number: 1, status: 'AGREED', involved: false, concerns: [] });
    // Version 2 is in review and the staff member reviews it, so it is the newer version linked.
    expect(detail!.neighbours).toEqual({ previous: null, newer: { number: 2, status: 'IN_REVIEW' } });
    const peerDetail = await getVersionDetail(await accessOrFail(world.peerWorker, agreedRole.id), 1);
    expect(peerDetail!.neighbours).toEqual({ previous: null, newer: null });
    // The agreement record is part of an agreed version, for everyone who may read it.
    expect(detail!.agreements.map((agreement) => agreement.userId).sort()).toEqual([world.managerOfThisTeam.id, colleague.id, world.peerWorker.id, world.hr.id].sort());
    expect(detail!.agreement.status).toBe('AGREED');

    // The peer worker reviewed version 1, so sees its (resolved) concern.
    const asReviewer = await getVersionDetail(await accessOrFail(world.peerWorker, agreedRole.id), 1);
    expect(asReviewer).toMatchObject({ involved: true, concerns: [expect.objectContaining({ comment: 'Who provides peer supervision?', status: 'RESOLVED' })] });
  });

  it('do not see a version in review they were not invited to', async () => {
    const peerAccess = await accessOrFail(world.peerWorker, agreedRole.id);
    expect(await getVersionDetail(peerAccess, 2)).toBeNull();
    expect(await getVersionsToCompare(peerAccess, 1, 2)).toBeNull();
    expect(await getVersionDetail(peerAccess, 1)).not.toBeNull();
  });

  it('see nothing of a role with no agreed version, not even that it exists, unless asked to review it', async () => {
    expect(await access(world.peerWorker, draftRole.id)).toBeNull();
    expect(await access(world.hr, draftRole.id)).toBeNull();
    expect(await access(world.peerWorker, inReviewRole.id)).toBeNull();
    expect((await getRoleOverview(await accessOrFail(world.staff, inReviewRole.id))).versions.map((version) => version.number)).toEqual([1]);
  });

  it('have roles with no agreed version hidden from their list of the team’s roles', async () => {
    const staffList = await listTeamRoles(await currentUserOf(world.staff), world.thisTeam.id);
    expect(staffList).toEqual({
      canDraft: false,
      roles: [{ id: agreedRole.id, title: 'Agreed role', updatedAt: expect.any(Date), agreedVersion: 1, inReviewVersion: null, hasUnsubmittedChanges: false }],
    });
    // HR may read every team's agreed roles, and nothing more.
    expect((await listTeamRoles(await currentUserOf(world.hr), world.thisTeam.id)).roles.map((role) => role.id)).toEqual([agreedRole.id]);
  });
});

describe("the team's manager", () => {
  it('sees every role, its draft, versions in review and unsubmitted changes', async () => {
    const list = await listTeamRoles(await currentUserOf(world.managerOfThisTeam), world.thisTeam.id);
    expect(list.canDraft).toBe(true);
    expect(list.roles.map((role) => role.title)).toEqual(['Agreed role', 'Draft role', 'In review role']);
    expect(list.roles[0]).toMatchObject({ agreedVersion: 1, inReviewVersion: 2, hasUnsubmittedChanges: true });
    expect(list.roles[1]).toMatchObject({ agreedVersion: null, inReviewVersion: null, hasUnsubmittedChanges: true });

    const managerAccess = await accessOrFail(world.managerOfThisTeam, agreedRole.id);
    const overview = await getRoleOverview(managerAccess);
    expect(overview.draft?.purpose.text).toBe('Unsubmitted draft text for version 3.');
    expect(overview.versions.map((version) => version.number)).toEqual([2, 1]);
    expect((await getVersionDetail(managerAccess, 1))!.concerns).toHaveLength(1);
    const comparison = await getVersionsToCompare(managerAccess, 1, 2);
    expect(comparison?.before.content.purpose.text).not.toBe(comparison?.after.content.purpose.text);
  });

  it('and an administrator see the same', async () => {
    const list = await listTeamRoles(await currentUserOf(world.admin), world.thisTeam.id);
    expect(list.roles.map((role) => role.title)).toEqual(['Agreed role', 'Draft role', 'In review role']);
    expect((await getRoleOverview(await accessOrFail(world.admin, draftRole.id))).draft).not.toBeNull();
  });
});

describe('expectations checks', () => {
  it('are visible to their participants and the team’s managers only', async () => {
    const check = await createCheck(draftRole, world.managerOfThisTeam, [{ user: world.serviceUserRep }, { user: world.staff, answers: { default: 'CORE' } }]);
    // Being asked about a role's expectations gives the representative that check and nothing else of the role.
    const repAccess = await accessOrFail(world.serviceUserRep, draftRole.id);
    expect(await getExpectationCheck(repAccess, world.serviceUserRep.id, check.id)).toMatchObject({ id: check.id, participants: [] });
    expect(await getRoleOverview(repAccess)).toMatchObject({ draft: null, versions: [], checks: [expect.objectContaining({ id: check.id, invited: 2, answered: 1 })] });

    // A team member who was not asked sees nothing of a role that has no agreed version.
    expect(await access(world.peerWorker, draftRole.id)).toBeNull();
    expect(await access(world.managerOfOtherTeam, draftRole.id)).toBeNull();
    // On a role they can read, they still do not see a check they were not asked to answer.
    const agreedCheck = await createCheck(agreedRole, world.managerOfThisTeam, [{ user: world.staff, answers: { default: 'CORE' } }]);
    const peerAccess = await accessOrFail(world.peerWorker, agreedRole.id);
    expect(await getExpectationCheck(peerAccess, world.peerWorker.id, agreedCheck.id)).toBeNull();
    expect((await getRoleOverview(peerAccess)).checks).toEqual([]);

    const managerView = await getExpectationCheck(await accessOrFail(world.managerOfThisTeam, draftRole.id), world.managerOfThisTeam.id, check.id);
    expect(managerView?.participants).toHaveLength(2);
  });
});

describe('listPendingRequests', () => {
  it('lists exactly the versions waiting for this person’s agreement and the checks waiting for their answers', async () => {
    const reviewer = await createUser({ name: `Riley Reviewer ${world.suffix}` });
    await addMembership(world.thisTeam, reviewer, 'STAFF');
    const manager = world.managerOfThisTeam;
    const reviewers = [reviewer];

    const waiting = await roleInReview(world, { title: 'Waiting for agreement', reviewers });
    const withConcern = await roleInReview(world, { title: 'Concern raised, not agreed', reviewers });
    await createConcern(withConcern.version, reviewer);
    const alreadyAgreed = await roleInReview(world, { title: 'Already agreed by them', reviewers });
    await recordAgreement(alreadyAgreed.version, reviewer);
    const superseded = await roleInReview(world, { title: 'Superseded', reviewers });
    await editDraft(superseded.role, roleContent({ training: { text: 'Changed' } }));
    await submitVersion(superseded.role, manager);
    const agreedWithout = await roleInReview(world, { title: 'Agreed without them', reviewers: [manager, world.staff, world.peerWorker, world.hr, reviewer] });
    for (const person of [manager, world.staff, world.peerWorker, world.hr]) await recordAgreement(agreedWithout.version, person);

    const unanswered = await createCheck(waiting.role, manager, [{ user: reviewer }]);
    await createCheck(withConcern.role, manager, [{ user: reviewer, answers: { default: 'SOMETIMES' } }]);
    await createCheck(alreadyAgreed.role, manager, [{ user: reviewer }], { closed: true });
    const replaced = await createCheck(superseded.role, manager, [{ user: reviewer }]);
    const replacement = await createCheck(superseded.role, manager, [{ user: world.staff }, { user: reviewer }]);

    const requests = await listPendingRequests(await currentUserOf(reviewer));
    expect(requests.reviews.map((review) => review.version.role.title).sort()).toEqual(['Concern raised, not agreed', 'Waiting for agreement']);
    expect(requests.reviews[0]).toMatchObject({ group: 'STAFF', version: { number: 1, role: { teamId: world.thisTeam.id, team: { name: world.thisTeam.name } } } });
    expect(requests.checks.map((row) => row.check.id).sort()).toEqual([unanswered.id, replacement.id].sort());
    expect(requests.checks.map((row) => row.check.id)).not.toContain(replaced.id);

    // Someone with nothing to do has an empty list.
    expect(await listPendingRequests(await currentUserOf(world.newcomer))).toMatchObject({ reviews: [], checks: [], pages: { reviews: { total: 0 }, checks: { total: 0 } } });
  });
});

describe('the draft and the invitations, read on their own for their pages', () => {
  it('give the draft to its drafters only', async () => {
    expect((await getDraft(await accessOrFail(world.managerOfThisTeam, agreedRole.id)))!.purpose.text).toBe('Unsubmitted draft text for version 3.');
    expect(await getDraft(await accessOrFail(world.staff, agreedRole.id))).toBeNull();
    expect(await getDraft(await accessOrFail(world.serviceUserRep, agreedRole.id))).toBeNull();
  });

  it('list who is invited and who has agreed, for versions the person may read', async () => {
    const managerAccess = await accessOrFail(world.managerOfThisTeam, agreedRole.id);
    const one = await getVersionInvitations(managerAccess, 1);
    expect(one).toMatchObject({ id: versionOne.id, number: 1, status: 'AGREED' });
    expect([...one!.invited].sort()).toEqual([world.managerOfThisTeam.id, colleague.id, world.peerWorker.id, world.hr.id].sort());
    expect([...one!.agreed].sort()).toEqual([...one!.invited].sort());
    expect(one!.policy).toEqual(expect.arrayContaining([expect.objectContaining({ group: 'MANAGER' })]));
    const two = await getVersionInvitations(managerAccess, 2);
    expect([...two!.invited].sort()).toEqual([world.staff.id, world.serviceUserRep.id].sort());
    expect(two!.agreed.size).toBe(0);
    // The representative may read version 2 only.
    const repAccess = await accessOrFail(world.serviceUserRep, agreedRole.id);
    expect(await getVersionInvitations(repAccess, 1)).toBeNull();
    expect(await getVersionInvitations(managerAccess, 9)).toBeNull();
  });
});
