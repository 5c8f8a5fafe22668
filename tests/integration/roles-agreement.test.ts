// Agreeing a submitted version: inviting reviewers, agreeing, raising, answering
// and resolving concerns, the agreement policy, new versions starting afresh,
// and a last sign-off racing a new concern.
import { db } from '@/lib/db';
import { updateAgreementPolicy } from '@/lib/agreement/policy-actions';
import * as roles from '../support/role-actions';
import { getAgreedVersion } from '@/lib/roles/gate';
import { getExpectationCheck } from '@/lib/expectations/queries';
import { getRoleAccess } from '@/lib/roles/access';
import { getVersionDetail } from '@/lib/agreement/queries';
import {
  activityCatalogue,
  addMembership,
  answersFor,
  buildWorld,
  catalogueActivity,
  createCheck,
  createConcern,
  createRole,
  createTeam,
  createUser,
  editDraft,
  inviteReviewers,
  recordAgreement,
  roleContent,
  roleInReview,
  submitVersion,
  type World,
} from '../factories';
import { actingAs, auditOf, currentUserOf } from '../support/roles';
import { signInAs } from '../support/session';

/** The team's version now: what the policy form would have been shown. */
const teamVersionOf = async (teamId: string) => (await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { version: true } })).version;

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

const statusOf = async (versionId: string) => (await db.roleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { status: true } })).status;

/** A version in review with the four people the default policy needs invited (and the representative). */
async function versionWithFullReviewGroup(team = world.thisTeam, manager = world.managerOfThisTeam) {
  const role = await createRole({ team, createdBy: manager });
  const version = await submitVersion(role, manager);
  await inviteReviewers(version, [manager, world.staff, world.peerWorker, world.hr, world.serviceUserRep], manager);
  return { role, version };
}

describe('inviteReviewers', () => {
  it('invites people in the stakeholder group the database gives them, whatever the client says', async () => {
    const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });
    const version = await submitVersion(role, world.managerOfThisTeam);
    const everyone = [world.managerOfThisTeam, world.staff, world.peerWorker, world.hr, world.serviceUserRep];
    const result = await actingAs(world.managerOfThisTeam, () =>
      roles.inviteReviewers(null, { versionId: version.id, userIds: [...everyone.map((user) => user.id), world.staff.id], group: 'HR', groups: { [world.staff.id]: 'HR' } }),
    );
    expect(result).toEqual({ ok: true, data: { roleId: role.id, teamId: world.thisTeam.id, invited: 5 } });

    const invitations = await db.reviewInvitation.findMany({ where: { versionId: version.id }, select: { userId: true, group: true, invitedById: true } });
    expect(Object.fromEntries(invitations.map((row) => [row.userId, row.group]))).toEqual({
      [world.managerOfThisTeam.id]: 'MANAGER',
      [world.staff.id]: 'STAFF',
      [world.peerWorker.id]: 'PEER_WORKER',
      [world.hr.id]: 'HR',
      [world.serviceUserRep.id]: 'SERVICE_USER_REP',
    });
    expect(invitations.every((row) => row.invitedById === world.managerOfThisTeam.id)).toBe(true);
    expect(await auditOf(version.id)).toEqual([expect.objectContaining({ action: 'role.reviewers.invite', summary: `Invited 5 reviewers to ${role.title}` })]);
  });

  it('refuses people outside the team, HR and the representatives, and invites nobody', async () => {
    const { version } = await roleInReview(world, { reviewers: [world.staff] });
    const disabledRep = await createUser({ orgRole: 'SERVICE_USER_REP', disabled: true });
    for (const outsider of [world.managerOfOtherTeam, world.newcomer, world.admin, disabledRep]) {
      const result = await actingAs(world.managerOfThisTeam, () => roles.inviteReviewers(null, { versionId: version.id, userIds: [world.peerWorker.id, outsider.id] }));
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { userIds: [expect.stringMatching(/each must be in this team, HR or a service-user representative/u)] } });
    }
    expect(await db.reviewInvitation.findMany({ where: { versionId: version.id }, select: { userId: true } })).toEqual([{ userId: world.staff.id }]);
  });

  it('says so when everyone selected is already invited, and adds only the new people otherwise', async () => {
    const { version } = await roleInReview(world);
    signInAs(world.managerOfThisTeam);
    expect(await roles.inviteReviewers(null, { versionId: version.id, userIds: [world.staff.id] })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { userIds: ['Everyone you selected has already been invited'] },
    });
    expect(await roles.inviteReviewers(null, { versionId: version.id, userIds: [world.staff.id, world.hr.id] })).toMatchObject({ ok: true, data: { invited: 1 } });
    expect(await db.reviewInvitation.count({ where: { versionId: version.id } })).toBe(3);
  });

  it('refuses to invite reviewers to a version that is no longer in review', async () => {
    const { role, version } = await roleInReview(world);
    await editDraft(role, roleContent({ purpose: { text: 'Reworded' } }));
    await submitVersion(role, world.managerOfThisTeam);
    const result = await actingAs(world.managerOfThisTeam, () => roles.inviteReviewers(null, { versionId: version.id, userIds: [world.hr.id] }));
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('is for the managers of the team: reviewers cannot invite others', async () => {
    const { version } = await roleInReview(world);
    for (const user of [world.staff, world.serviceUserRep, world.managerOfOtherTeam, world.hr]) {
      expect(await actingAs(user, () => roles.inviteReviewers(null, { versionId: version.id, userIds: [world.peerWorker.id] }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });
});

describe('agreeVersion', () => {
  it('records an invited reviewer’s agreement in the group they were invited for', async () => {
    const { version } = await roleInReview(world);
    const result = await actingAs(world.serviceUserRep, () => roles.agreeVersion(null, { versionId: version.id }));
    expect(result).toEqual({ ok: true, data: { roleId: version.roleId, teamId: world.thisTeam.id, status: 'IN_REVIEW' } });
    expect(await db.agreement.findMany({ where: { versionId: version.id }, select: { userId: true, group: true } })).toEqual([
      { userId: world.serviceUserRep.id, group: 'SERVICE_USER_REP' },
    ]);
    expect(await auditOf(version.id)).toEqual([expect.objectContaining({ action: 'role.version.agree', actorId: world.serviceUserRep.id, summary: 'Agreed the version' })]);
  });

  it('refuses anyone who was not invited, even the manager, a colleague or an administrator', async () => {
    const { version } = await roleInReview(world);
    for (const user of [world.peerWorker, world.managerOfThisTeam, world.admin, world.hr, world.managerOfOtherTeam]) {
      expect(await actingAs(user, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await db.agreement.count({ where: { versionId: version.id } })).toBe(0);
  });

  it('refuses to agree twice', async () => {
    const { version } = await roleInReview(world);
    expect(await actingAs(world.staff, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: true });
    expect(await actingAs(world.staff, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      error: 'You have already agreed this version.',
    });
    expect(await db.agreement.count({ where: { versionId: version.id } })).toBe(1);
  });

  it('records one agreement when the same reviewer agrees twice at once', async () => {
    const { version } = await roleInReview(world);
    const results = await Promise.all([
      actingAs(world.staff, () => roles.agreeVersion(null, { versionId: version.id })),
      actingAs(world.staff, () => roles.agreeVersion(null, { versionId: version.id })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    expect(await db.agreement.count({ where: { versionId: version.id } })).toBe(1);
  });

  it('makes the version Agreed with the last agreement the default policy needs', async () => {
    const { version } = await versionWithFullReviewGroup();
    // Manager, non-peer staff and HR: the peer-worker-or-representative place is still open.
    for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr]) {
      expect(await actingAs(reviewer, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: true, data: { status: 'IN_REVIEW' } });
    }
    expect(await statusOf(version.id)).toBe('IN_REVIEW');

    const last = await actingAs(world.peerWorker, () => roles.agreeVersion(null, { versionId: version.id }));
    expect(last).toMatchObject({ ok: true, data: { status: 'AGREED' } });
    const agreed = await db.roleVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(agreed).toMatchObject({ status: 'AGREED', agreedAt: expect.any(Date) });
    expect((await auditOf(version.id)).at(-1)).toMatchObject({ summary: 'Agreed the version; the version is now Agreed' });

    // Once agreed, it is no longer in review: nobody else can agree it or raise a concern on it.
    expect(await actingAs(world.serviceUserRep, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await actingAs(world.serviceUserRep, () => roles.raiseConcern(null, { versionId: version.id, section: 'purpose', comment: 'Too late' }))).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('counts a service-user representative for the peer-worker-or-representative place', async () => {
    const { version } = await versionWithFullReviewGroup();
    for (const reviewer of [world.hr, world.staff, world.serviceUserRep]) await recordAgreement(version, reviewer);
    expect(await actingAs(world.managerOfThisTeam, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: true, data: { status: 'AGREED' } });
  });

  it('follows a custom policy set by an administrator', async () => {
    const team = await createTeam({ serviceType: 'CRISIS_HOME_TREATMENT' });
    const manager = await createUser({ name: 'Policy Manager' });
    const [nurse, therapist] = [await createUser({ name: 'Policy Nurse' }), await createUser({ name: 'Policy Therapist' })];
    await addMembership(team, manager, 'MANAGER');
    await addMembership(team, nurse, 'STAFF');
    await addMembership(team, therapist, 'STAFF');

    // Two non-peer staff and the manager; nobody else.
    const policy = await actingAs(world.admin, async () =>
      updateAgreementPolicy(null, { teamId: team.id, version: await teamVersionOf(team.id), minimums: { MANAGER: '1', STAFF: '2', PEER_WORKER: '0', SERVICE_USER_REP: '0', HR: '0', PEER_OR_REP: '0' } }),
    );
    expect(policy).toEqual({ ok: true, data: { teamId: team.id } });
    expect((await auditOf(team.id)).at(-1)).toMatchObject({
      action: 'team.policy.update',
      summary: `Set the agreement policy for ${team.name}: MANAGER 1, STAFF 2; expectations check required: no; contested activities must be settled: no`,
    });

    const role = await createRole({ team, createdBy: manager });
    const version = await submitVersion(role, manager);
    await inviteReviewers(version, [manager, nurse, therapist, world.hr], manager);
    expect(await actingAs(manager, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: true, data: { status: 'IN_REVIEW' } });
    expect(await actingAs(nurse, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: true, data: { status: 'IN_REVIEW' } });
    // No HR agreement needed under this policy; the second staff member completes it.
    expect(await actingAs(therapist, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: true, data: { status: 'AGREED' } });
  });

  it('keeps a version in review while a concern is open, and agrees it when the concern is resolved', async () => {
    const { version } = await versionWithFullReviewGroup();
    const raised = await actingAs(world.serviceUserRep, () => roles.raiseConcern(null, { versionId: version.id, section: 'working', comment: 'Peer workers should be at team meetings.' }));
    if (!raised.ok) throw new Error(raised.error);
    for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr, world.peerWorker]) {
      expect(await actingAs(reviewer, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: true, data: { status: 'IN_REVIEW' } });
    }
    expect(await statusOf(version.id)).toBe('IN_REVIEW');

    const resolved = await actingAs(world.serviceUserRep, () => roles.resolveConcern(null, { concernId: raised.data.concernId }));
    expect(resolved.ok).toBe(true);
    expect(await statusOf(version.id)).toBe('AGREED');
    expect((await auditOf(raised.data.concernId)).at(-1)).toMatchObject({ action: 'role.concern.resolve', summary: 'Resolved a concern about "Working arrangements"; the version is now Agreed' });
  });
});

describe('concerns', () => {
  it('lets an invited reviewer raise a concern anchored to a section', async () => {
    const { version } = await roleInReview(world);
    const result = await actingAs(world.staff, () => roles.raiseConcern(null, { versionId: version.id, section: 'notPart', comment: '  Escorting should be listed as not part of the role.  ' }));
    expect(result).toEqual({ ok: true, data: { roleId: version.roleId, teamId: world.thisTeam.id, concernId: expect.any(String) } });
    if (!result.ok) return;
    expect(await db.concern.findUniqueOrThrow({ where: { id: result.data.concernId } })).toMatchObject({
      versionId: version.id,
      section: 'notPart',
      comment: 'Escorting should be listed as not part of the role.',
      status: 'OPEN',
      raisedById: world.staff.id,
    });
    expect(await auditOf(result.data.concernId)).toEqual([expect.objectContaining({ action: 'role.concern.raise', summary: 'Raised a concern about "What the role is not"' })]);
  });

  it('refuses a concern from someone not invited', async () => {
    const { version } = await roleInReview(world);
    for (const user of [world.peerWorker, world.managerOfThisTeam, world.admin]) {
      expect(await actingAs(user, () => roles.raiseConcern(null, { versionId: version.id, section: 'purpose', comment: 'Not mine to raise' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await db.concern.count({ where: { versionId: version.id } })).toBe(0);
  });

  it('takes replies from the reviewers and the manager, not from others', async () => {
    const { version } = await roleInReview(world);
    const concern = await createConcern(version, world.staff);
    for (const [user, body] of [
      [world.managerOfThisTeam, 'We can add it to the list.'],
      [world.serviceUserRep, 'I agree with this concern.'],
      [world.staff, 'Thank you.'],
    ] as const) {
      expect(await actingAs(user, () => roles.replyToConcern(null, { concernId: concern.id, body }))).toMatchObject({ ok: true });
    }
    for (const user of [world.peerWorker, world.hr, world.managerOfOtherTeam]) {
      expect(await actingAs(user, () => roles.replyToConcern(null, { concernId: concern.id, body: 'Not mine to answer' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const replies = await db.concernReply.findMany({ where: { concernId: concern.id }, orderBy: { createdAt: 'asc' }, select: { authorId: true, body: true } });
    expect(replies).toEqual([
      { authorId: world.managerOfThisTeam.id, body: 'We can add it to the list.' },
      { authorId: world.serviceUserRep.id, body: 'I agree with this concern.' },
      { authorId: world.staff.id, body: 'Thank you.' },
    ]);
  });

  it('refuses replies to a resolved concern', async () => {
    const { version } = await roleInReview(world);
    const concern = await createConcern(version, world.staff);
    expect(await actingAs(world.staff, () => roles.resolveConcern(null, { concernId: concern.id }))).toMatchObject({ ok: true });
    expect(await actingAs(world.managerOfThisTeam, () => roles.replyToConcern(null, { concernId: concern.id, body: 'Late reply' }))).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('lets whoever raised a concern resolve it without giving a reason', async () => {
    const { version } = await roleInReview(world);
    const concern = await createConcern(version, world.serviceUserRep);
    expect(await actingAs(world.serviceUserRep, () => roles.resolveConcern(null, { concernId: concern.id }))).toMatchObject({ ok: true });
    expect(await db.concern.findUniqueOrThrow({ where: { id: concern.id } })).toMatchObject({
      status: 'RESOLVED',
      resolvedById: world.serviceUserRep.id,
      resolvedAt: expect.any(Date),
      resolutionReason: null,
    });
  });

  it("refuses to let a reviewer who is not the manager resolve someone else's concern", async () => {
    const { version } = await roleInReview(world);
    const concern = await createConcern(version, world.staff);
    for (const user of [world.serviceUserRep, world.peerWorker, world.hr, world.managerOfOtherTeam]) {
      expect(await actingAs(user, () => roles.resolveConcern(null, { concernId: concern.id, reason: 'I think it is fine' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect((await db.concern.findUniqueOrThrow({ where: { id: concern.id } })).status).toBe('OPEN');
  });

  it("asks the manager for a reason to resolve someone else's concern, and records it", async () => {
    const { version } = await roleInReview(world);
    const concern = await createConcern(version, world.staff);
    const withoutReason = await actingAs(world.managerOfThisTeam, () => roles.resolveConcern(null, { concernId: concern.id, reason: '  ' }));
    expect(withoutReason).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { reason: ['Enter why you are resolving a concern someone else raised'] } });
    expect((await db.concern.findUniqueOrThrow({ where: { id: concern.id } })).status).toBe('OPEN');

    const withReason = await actingAs(world.managerOfThisTeam, () => roles.resolveConcern(null, { concernId: concern.id, reason: 'Discussed at the team meeting: covered in section 4.' }));
    expect(withReason.ok).toBe(true);
    expect(await db.concern.findUniqueOrThrow({ where: { id: concern.id } })).toMatchObject({
      status: 'RESOLVED',
      resolvedById: world.managerOfThisTeam.id,
      resolutionReason: 'Discussed at the team meeting: covered in section 4.',
    });
    expect((await auditOf(concern.id)).at(-1)).toMatchObject({ summary: 'Resolved a concern about "What the role is not" raised by someone else' });
  });

  it('lets an administrator resolve a concern with a reason, once', async () => {
    const { version } = await roleInReview(world);
    const concern = await createConcern(version, world.staff);
    expect(await actingAs(world.admin, () => roles.resolveConcern(null, { concernId: concern.id, reason: 'The reviewer has left the trust.' }))).toMatchObject({ ok: true });
    expect(await actingAs(world.staff, () => roles.resolveConcern(null, { concernId: concern.id }))).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('a new version', () => {
  it('supersedes the version in review: its agreement starts afresh', async () => {
    const { role, version } = await roleInReview(world);
    await recordAgreement(version, world.staff);
    await editDraft(role, roleContent({ purpose: { text: 'Reworded after the concern' } }));
    const submitted = await actingAs(world.managerOfThisTeam, () => roles.submitDraft(null, { roleId: role.id, draftVersion: 2 }));
    if (!submitted.ok) throw new Error(submitted.error);

    expect(await statusOf(version.id)).toBe('SUPERSEDED');
    expect(await db.agreement.count({ where: { versionId: submitted.data.versionId } })).toBe(0);
    expect(await db.reviewInvitation.count({ where: { versionId: submitted.data.versionId } })).toBe(0);
    expect(await actingAs(world.serviceUserRep, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('leaves the agreed version current until the new one is agreed', async () => {
    const { role, version: first } = await versionWithFullReviewGroup();
    for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr, world.peerWorker]) await recordAgreement(first, reviewer);
    expect(await statusOf(first.id)).toBe('AGREED');

    await editDraft(role, roleContent({ working: { ...roleContent().working, hoursPerWeek: 30 } }));
    const submitted = await actingAs(world.managerOfThisTeam, () => roles.submitDraft(null, { roleId: role.id, draftVersion: 2 }));
    if (!submitted.ok) throw new Error(submitted.error);
    expect(await statusOf(first.id)).toBe('AGREED');
    expect(await statusOf(submitted.data.versionId)).toBe('IN_REVIEW');
    expect((await getAgreedVersion(role.id)).number).toBe(1);

    await inviteReviewers({ id: submitted.data.versionId }, [world.managerOfThisTeam, world.staff, world.hr, world.peerWorker], world.managerOfThisTeam);
    for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr]) await recordAgreement({ id: submitted.data.versionId }, reviewer);
    expect((await getAgreedVersion(role.id)).number).toBe(1);
    expect(await actingAs(world.peerWorker, () => roles.agreeVersion(null, { versionId: submitted.data.versionId }))).toMatchObject({ ok: true, data: { status: 'AGREED' } });

    expect(await statusOf(first.id)).toBe('SUPERSEDED');
    expect(await statusOf(submitted.data.versionId)).toBe('AGREED');
    expect(await getAgreedVersion(role.id)).toMatchObject({ number: 2, content: expect.objectContaining({ working: expect.objectContaining({ hoursPerWeek: 30 }) }) });
    expect(await db.roleVersion.count({ where: { roleId: role.id, status: 'AGREED' } })).toBe(1);
  });
});

describe('agreeing with the expectations check', () => {
  const RECORDS = 'Writing in clinical records';
  const ESCORTING = 'Escorting';
  const settle = (checkId: string, activityId: string) =>
    actingAs(world.managerOfThisTeam, () =>
      roles.resolveContested(null, { checkId, activityId, outcome: 'CLARIFIED', section: 'responsibilities', note: 'Peer workers write brief notes of their contacts.' }),
    );
  const outstandingOf = async (role: { id: string }, user = world.managerOfThisTeam) => {
    const access = await getRoleAccess(await currentUserOf(user), role.id);
    return (await getVersionDetail(access!, 1))!;
  };

  /**
   * A version in review whose role's check (closed, unless asked otherwise) has writing in clinical records (and
   * escorting, when asked) contested, none settled.
   */
  async function contestedVersion(options: { alsoEscorting?: boolean; open?: boolean } = {}) {
    const { role, version } = await versionWithFullReviewGroup();
    const check = await createCheck(
      role,
      world.managerOfThisTeam,
      [
        { user: world.staff, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART', [ESCORTING]: 'NOT_PART' } } },
        { user: world.peerWorker, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE', [ESCORTING]: options.alsoEscorting ? 'CORE' : 'NOT_PART' } } },
      ],
      { closed: !options.open },
    );
    return { role, version, check, records: await catalogueActivity(RECORDS), escorting: await catalogueActivity(ESCORTING) };
  }

  it('keeps a version in review, with every agreement, while a contested activity is unsettled; settling it makes it Agreed', async () => {
    const { role, version, check, records } = await contestedVersion();
    for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr, world.peerWorker]) {
      expect(await actingAs(reviewer, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: true, data: { status: 'IN_REVIEW' } });
    }
    expect(await statusOf(version.id)).toBe('IN_REVIEW');
    // The version page says what is outstanding, and shows reviewers the contested activity.
    const detail = await outstandingOf(role, world.serviceUserRep);
    expect(detail.agreement).toMatchObject({ status: 'IN_REVIEW', outstanding: [], openConcerns: 0, unsettledContested: [{ activityId: records.id, name: RECORDS, settled: false }] });
    expect(detail.expectations?.check).toMatchObject({ id: check.id, contested: [{ name: RECORDS, settled: false, resolution: null }] });
    // The representative was not asked to answer: no link to the check.
    expect(detail.maySeeCheck).toBe(false);

    const settled = await settle(check.id, records.id);
    expect(settled).toEqual({ ok: true, data: { roleId: role.id, teamId: world.thisTeam.id, agreedVersions: [1] } });
    expect(await db.roleVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: 'AGREED', agreedAt: expect.any(Date) });
    expect((await auditOf(check.id)).at(-1)).toMatchObject({ action: 'role.contested.resolve', summary: `Settled contested activity "${RECORDS}": clarified, in "Key responsibilities"; version 1 is now Agreed` });
  });

  it('agrees with the last sign-off once every contested activity is settled', async () => {
    const { role, version, check, records, escorting } = await contestedVersion({ alsoEscorting: true });
    for (const reviewer of [world.staff, world.hr, world.peerWorker]) await recordAgreement(version, reviewer);
    // Settling one of two, then the other: the manager's agreement is still missing, so neither makes it Agreed.
    expect(await settle(check.id, records.id)).toMatchObject({ ok: true, data: { agreedVersions: [] } });
    expect((await outstandingOf(role)).agreement.unsettledContested.map((activity) => activity.name)).toEqual([ESCORTING]);
    expect(await settle(check.id, escorting.id)).toMatchObject({ ok: true, data: { agreedVersions: [] } });
    expect(await statusOf(version.id)).toBe('IN_REVIEW');
    expect(await actingAs(world.managerOfThisTeam, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: true, data: { status: 'AGREED' } });
  });

  const catalogueAnswers = async (plan: { default: 'CORE' | 'SOMETIMES' | 'NOT_PART' }) => answersFor(await activityCatalogue(world.thisTeam), plan);

  it('counts a newer check only once it is closed: its first answers alike do not replace what the closed one found', async () => {
    // C1 is open and is the only check run: it counts, with writing in clinical records unsettled. Everyone has agreed V.
    const { role, version, check: first } = await contestedVersion({ open: true });
    for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr, world.peerWorker]) await recordAgreement(version, reviewer);
    expect((await outstandingOf(role)).expectations).toMatchObject({ check: { id: first.id, closedAt: null }, newerCheck: null });

    // The manager sends C2, which closes C1: C1 still counts, now closed.
    const sent = await actingAs(world.managerOfThisTeam, () => roles.sendExpectationsCheck(null, { roleId: role.id, userIds: [world.managerOfThisTeam.id, world.staff.id, world.peerWorker.id, world.hr.id] }));
    if (!sent.ok) throw new Error(sent.error);
    const second = sent.data.checkId;
    expect((await auditOf(second)).at(-1)).toMatchObject({ summary: expect.stringMatching(/, closing the previous one$/u) });

    // Two people from two groups answer C2 alike: it has been run, but it is open, so C1 still stands and V stays in review.
    for (const participant of [world.staff, world.peerWorker]) {
      expect(await actingAs(participant, async () => roles.answerExpectations(null, { checkId: second, answers: await catalogueAnswers({ default: 'CORE' }) }))).toMatchObject({ ok: true });
    }
    expect(await statusOf(version.id)).toBe('IN_REVIEW');
    const detail = await outstandingOf(role);
    expect(detail.agreement.unsettledContested.map((activity) => activity.name)).toEqual([RECORDS]);
    expect(detail.expectations).toMatchObject({ check: { id: first.id, closedAt: expect.any(Date) }, newerCheck: { id: second, closedAt: null } });

    // Closing C2 makes it the check that counts, judged in the same transaction: nothing in it is contested, so V is Agreed.
    const closed = await actingAs(world.managerOfThisTeam, () => roles.closeExpectationsCheck(null, { checkId: second }));
    expect(closed).toEqual({ ok: true, data: { roleId: role.id, teamId: world.thisTeam.id, checkId: second, agreedVersions: [1] } });
    expect(await statusOf(version.id)).toBe('AGREED');
    expect((await auditOf(second)).at(-1)).toMatchObject({ action: 'role.expectations.close', summary: expect.stringMatching(/; version 1 is now Agreed$/u) });
  });

  it('counts a newer check once sending another closes it, and judges the version then', async () => {
    const { role, version } = await contestedVersion();
    for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr, world.peerWorker]) await recordAgreement(version, reviewer);
    const newer = await createCheck(role, world.managerOfThisTeam, [
      { user: world.staff, answers: { default: 'CORE' } },
      { user: world.peerWorker, answers: { default: 'CORE' } },
    ]);
    expect(await statusOf(version.id)).toBe('IN_REVIEW');
    const sent = await actingAs(world.managerOfThisTeam, () => roles.sendExpectationsCheck(null, { roleId: role.id, userIds: [world.hr.id] }));
    expect(sent).toMatchObject({ ok: true });
    expect(await db.expectationCheck.findUniqueOrThrow({ where: { id: newer.id }, select: { closedAt: true } })).toEqual({ closedAt: expect.any(Date) });
    expect(await statusOf(version.id)).toBe('AGREED');
    expect((await auditOf(sent.ok ? sent.data.checkId : '')).at(-1)).toMatchObject({ summary: expect.stringMatching(/, closing the previous one; version 1 is now Agreed$/u) });
  });

  it('is judged again when the policy stops requiring contested activities to be settled', async () => {
    const team = await createTeam();
    const manager = await createUser({ name: 'Contested Manager' });
    const nurse = await createUser({ name: 'Contested Nurse' });
    const peer = await createUser({ name: 'Contested Peer' });
    await addMembership(team, manager, 'MANAGER');
    await addMembership(team, nurse, 'STAFF');
    await addMembership(team, peer, 'PEER_WORKER');
    const role = await createRole({ team, createdBy: manager });
    const version = await submitVersion(role, manager);
    await inviteReviewers(version, [manager, nurse, peer, world.hr], manager);
    await createCheck(role, manager, [
      { user: nurse, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART' } } },
      { user: peer, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE' } } },
    ]);
    for (const reviewer of [manager, nurse, peer, world.hr]) await recordAgreement(version, reviewer);
    expect(await statusOf(version.id)).toBe('IN_REVIEW');

    const { version: teamVersion } = await db.team.findUniqueOrThrow({ where: { id: team.id }, select: { version: true } });
    const minimums = { MANAGER: '1', STAFF: '1', PEER_WORKER: '0', SERVICE_USER_REP: '0', HR: '1', PEER_OR_REP: '1' };
    expect(await actingAs(world.admin, () => updateAgreementPolicy(null, { teamId: team.id, version: teamVersion, minimums }))).toMatchObject({ ok: true });
    expect(await statusOf(version.id)).toBe('AGREED');
    // The audit summary says which version the new policy made Agreed, and of which role.
    expect((await auditOf(team.id)).at(-1)).toMatchObject({ action: 'team.policy.update', summary: expect.stringContaining(`; version 1 of ${role.title} is now Agreed`) });
  });

  it('asks for a check that has been run when the policy requires one', async () => {
    const team = await createTeam();
    const manager = await createUser({ name: 'Check Manager' });
    const nurse = await createUser({ name: 'Check Nurse' });
    const peer = await createUser({ name: 'Check Peer' });
    await addMembership(team, manager, 'MANAGER');
    await addMembership(team, nurse, 'STAFF');
    await addMembership(team, peer, 'PEER_WORKER');
    const { version: teamVersion } = await db.team.findUniqueOrThrow({ where: { id: team.id }, select: { version: true } });
    const saved = await actingAs(world.admin, () =>
      updateAgreementPolicy(null, {
        teamId: team.id,
        version: teamVersion,
        minimums: { MANAGER: '1', STAFF: '1', PEER_WORKER: '0', SERVICE_USER_REP: '0', HR: '0', PEER_OR_REP: '0' },
        requireExpectationsCheck: 'yes',
        requireContestedSettled: 'yes',
      }),
    );
    expect(saved).toMatchObject({ ok: true });

    const role = await createRole({ team, createdBy: manager });
    const version = await submitVersion(role, manager);
    await inviteReviewers(version, [manager, nurse], manager);
    await recordAgreement(version, manager);
    // No check at all: the last agreement does not make it Agreed.
    expect(await actingAs(nurse, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject({ ok: true, data: { status: 'IN_REVIEW' } });
    const access = await getRoleAccess(await currentUserOf(manager), role.id);
    expect((await getVersionDetail(access!, 1))!.agreement).toMatchObject({ status: 'IN_REVIEW', outstanding: [], expectationsCheckMissing: true, unsettledContested: [] });

    // A check answered by one group has not been run yet...
    const check = await createCheck(role, manager, [{ user: nurse, answers: { default: 'CORE' } }, { user: peer }]);
    expect((await getVersionDetail(access!, 1))!.agreement.expectationsCheckMissing).toBe(true);
    // ...and is once a second group answers, agreeing: the version becomes Agreed as the answer is saved.
    const catalogue = await activityCatalogue(team);
    expect(await actingAs(peer, () => roles.answerExpectations(null, { checkId: check.id, answers: answersFor(catalogue, { default: 'CORE' }) }))).toMatchObject({ ok: true });
    expect(await statusOf(version.id)).toBe('AGREED');
  });

  it('shows a reviewer who answered no contested activity whose flag would give away the one other person’s answer', async () => {
    // The review's example: a check answered by one manager and two peer workers, one of whom reviews the version.
    const team = await createTeam();
    const manager = await createUser({ name: 'Leak Manager' });
    const nurse = await createUser({ name: 'Leak Nurse' });
    const [peer, otherPeer] = [await createUser({ name: 'Leak Peer' }), await createUser({ name: 'Leak Other Peer' })];
    await addMembership(team, manager, 'MANAGER');
    await addMembership(team, nurse, 'STAFF');
    await addMembership(team, peer, 'PEER_WORKER');
    await addMembership(team, otherPeer, 'PEER_WORKER');
    const role = await createRole({ team, createdBy: manager });
    const version = await submitVersion(role, manager);
    await inviteReviewers(version, [manager, nurse, peer, world.hr], manager);
    // The manager says "not part of the role" where both peer workers say "core": contested.
    const check = await createCheck(
      role,
      manager,
      [
        { user: manager, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART' } } },
        { user: peer, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE' } } },
        { user: otherPeer, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE' } } },
      ],
      { closed: true },
    );
    const records = await catalogueActivity(RECORDS);
    const detailFor = async (user: { id: string }) => (await getVersionDetail((await getRoleAccess(await currentUserOf(user), role.id))!, 1))!;

    // The manager sees it, and the rule reads it.
    expect((await detailFor(manager)).agreement.unsettledContested.map((activity) => activity.name)).toEqual([RECORDS]);
    // The peer worker: one answer from outside their group, so no flag, on the check or here; only that something is still to settle.
    const asPeer = await detailFor(peer);
    expect(asPeer.expectations).toMatchObject({ check: { id: check.id, contested: [], withheld: { reason: 'SMALL_NUMBERS', unsettled: true } } });
    expect(asPeer.agreement).toMatchObject({ status: 'IN_REVIEW', unsettledContested: [], contestedNotShown: 'UNSETTLED' });
    const payload = JSON.stringify(asPeer);
    expect(payload).not.toContain(RECORDS);
    expect(payload).not.toContain(records.id);
    const checkView = await getExpectationCheck((await getRoleAccess(await currentUserOf(peer), role.id))!, peer.id, check.id);
    expect(checkView!.activities.find((activity) => activity.id === records.id)).toMatchObject({ contested: null });
    // The nurse did not answer (so knows none of the answers), and three people did: the flag may be shown to them, as on a check they had been sent.
    expect((await detailFor(nurse)).expectations?.check).toMatchObject({ contested: [expect.objectContaining({ name: RECORDS })], withheld: null });

    // Settled: nothing outstanding that the peer worker is not shown.
    expect(await actingAs(manager, () => roles.resolveContested(null, { checkId: check.id, activityId: records.id, outcome: 'CLARIFIED', section: 'responsibilities', note: 'Brief notes only.' }))).toMatchObject({ ok: true });
    expect((await detailFor(peer)).agreement).toMatchObject({ unsettledContested: [], contestedNotShown: null });
    expect((await detailFor(peer)).expectations?.check?.withheld).toEqual({ reason: 'SMALL_NUMBERS', unsettled: false });
  });

  it('shows reviewers none of the contested activities of a check that is still open, whatever its answers', async () => {
    const { role } = await contestedVersion({ open: true });
    for (const reviewer of [world.serviceUserRep, world.staff]) {
      const detail = await outstandingOf(role, reviewer);
      expect(detail.expectations).toMatchObject({ check: { contested: [], withheld: { reason: 'CHECK_OPEN' } } });
      expect(detail.agreement).toMatchObject({ unsettledContested: [], contestedNotShown: 'CHECK_OPEN' });
      expect(JSON.stringify(detail)).not.toContain(RECORDS);
    }
    expect((await outstandingOf(role)).agreement).toMatchObject({ unsettledContested: [expect.objectContaining({ name: RECORDS })], contestedNotShown: null });
  });

  const ROUNDS = 10;
  it(`agrees the version exactly once when the last sign-off and the last settlement come at the same moment (${ROUNDS} races)`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { version, check, records } = await contestedVersion();
      for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr]) await recordAgreement(version, reviewer);
      const [agreed, settled] = await Promise.all([actingAs(world.peerWorker, () => roles.agreeVersion(null, { versionId: version.id })), settle(check.id, records.id)]);
      expect({ round, agreed: agreed.ok, settled: settled.ok }).toEqual({ round, agreed: true, settled: true });
      // Whichever came second saw the first.
      expect({ round, status: await statusOf(version.id) }).toEqual({ round, status: 'AGREED' });
      const saidAgreed = [agreed.ok && agreed.data.status === 'AGREED', settled.ok && settled.data.agreedVersions.length === 1].filter(Boolean);
      expect({ round, saidAgreed: saidAgreed.length }).toEqual({ round, saidAgreed: 1 });
    }
  });
});

describe('the last sign-off and a new concern at the same moment', () => {
  const ROUNDS = 20;

  it(`never leaves a version Agreed with an open concern (${ROUNDS} races)`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Everything the default policy needs except the peer worker's agreement.
      const { version } = await versionWithFullReviewGroup();
      for (const reviewer of [world.managerOfThisTeam, world.staff, world.hr]) await recordAgreement(version, reviewer);

      const [agreed, raised] = await Promise.all([
        actingAs(world.peerWorker, () => roles.agreeVersion(null, { versionId: version.id })),
        actingAs(world.serviceUserRep, () => roles.raiseConcern(null, { versionId: version.id, section: 'supervision', comment: `Round ${round}: who supervises the supervisor?` })),
      ]);
      const status = await statusOf(version.id);
      const openConcerns = await db.concern.count({ where: { versionId: version.id, status: 'OPEN' } });

      expect({ round, agreedAndOpen: status === 'AGREED' && openConcerns > 0 }).toEqual({ round, agreedAndOpen: false });
      // Whichever came second saw the first: either the sign-off won (and the concern was refused) or the concern did.
      if (status === 'AGREED') {
        expect(agreed).toMatchObject({ ok: true, data: { status: 'AGREED' } });
        expect(raised).toMatchObject({ ok: false, code: 'CONFLICT' });
        outcomes.push('sign-off first');
      } else {
        expect(raised).toMatchObject({ ok: true });
        expect(agreed).toMatchObject({ ok: true, data: { status: 'IN_REVIEW' } });
        expect(openConcerns).toBe(1);
        outcomes.push('concern first');
      }
      expect(await db.agreement.count({ where: { versionId: version.id } })).toBe(4);
    }
    expect(outcomes).toHaveLength(ROUNDS);
  });
});

describe('an archived team', () => {
  it('takes no agreements, concerns, replies or resolutions until it is restored', async () => {
    const { version } = await roleInReview(world, { title: 'Archived mid-review', reviewers: [world.staff, world.serviceUserRep] });
    const concern = await actingAs(world.serviceUserRep, () => roles.raiseConcern(null, { versionId: version.id, section: 'purpose', comment: 'Before archiving' }));
    if (!concern.ok) throw new Error(concern.error);
    await db.team.update({ where: { id: world.thisTeam.id }, data: { archivedAt: new Date() } });
    try {
      const archived = { ok: false, code: 'CONFLICT', error: 'This team is archived: restore it before working on its roles.' };
      expect(await actingAs(world.staff, () => roles.agreeVersion(null, { versionId: version.id }))).toMatchObject(archived);
      expect(await actingAs(world.staff, () => roles.raiseConcern(null, { versionId: version.id, section: 'values', comment: 'After archiving' }))).toMatchObject(archived);
      expect(await actingAs(world.staff, () => roles.replyToConcern(null, { concernId: concern.data.concernId, body: 'A reply' }))).toMatchObject(archived);
      expect(await actingAs(world.serviceUserRep, () => roles.resolveConcern(null, { concernId: concern.data.concernId }))).toMatchObject(archived);
      expect(await db.agreement.count({ where: { versionId: version.id } })).toBe(0);
      expect(await db.concern.count({ where: { versionId: version.id, status: 'OPEN' } })).toBe(1);
    } finally {
      await db.team.update({ where: { id: world.thisTeam.id }, data: { archivedAt: null } });
    }
  });
});
