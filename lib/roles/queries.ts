import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/permissions';
import { agreementPolicy } from '@/lib/agreement/status';
import { parseContent, sectionIsComplete, ROLE_SECTIONS } from '@/lib/roles/rules';
import { agreementAsSeen, evidenceAsSeenBy, expectationsEvidence } from '@/lib/expectations/contested';
import { activityConsensus, agreementStatus } from '@/lib/expectations/rules';
import { participantConsensus, type ParticipantConsensus } from '@/lib/expectations/small-numbers';
import { isUuid } from '@/lib/schema-fields';


/**
 * What one person may see of one role. Null when they may see nothing of it:
 * outsiders find no role at all. The team's managers (and admins) see
 * everything; the rest of the team and HR see agreed versions; invited
 * reviewers see the versions they were invited to; participants see the
 * expectations checks they were asked to answer, in aggregate.
 */
export async function getRoleAccess(user: CurrentUser, roleId: string) {
  if (!isUuid(roleId)) return null;
  const role = await db.role.findUnique({
    where: { id: roleId },
    select: { id: true, teamId: true, title: true, draftVersion: true, draftChanged: true, team: { select: { name: true, archivedAt: true } } },
  });
  if (!role) return null;
  const [invitations, participations] = await Promise.all([
    db.reviewInvitation.findMany({ where: { userId: user.id, version: { roleId } }, select: { versionId: true } }),
    db.expectationParticipant.findMany({ where: { userId: user.id, check: { roleId } }, select: { checkId: true } }),
  ]);
  const scope = { teamId: role.teamId };
  const access = {
    role,
    userId: user.id,
    canDraft: can(user, 'role.draft', scope),
    canViewAgreed: can(user, 'role.view', scope),
    canSeeIndividualAnswers: can(user, 'role.expectations.individual', scope),
    reviewerOf: new Set(invitations.map((row) => row.versionId)),
    participantOf: new Set(participations.map((row) => row.checkId)),
  };
  if (access.canDraft || access.reviewerOf.size > 0 || access.participantOf.size > 0) return access;
  // The rest of the team and HR see a role only once it has an agreed version: a draft's existence is not theirs to see.
  if (!access.canViewAgreed) return null;
  const agreed = await db.roleVersion.findFirst({ where: { roleId, agreedAt: { not: null } }, select: { id: true } });
  return agreed ? access : null;
}

export type RoleAccess = NonNullable<Awaited<ReturnType<typeof getRoleAccess>>>;

/** The versions this person may read, as a where clause. */
function visibleVersionsWhere(access: RoleAccess): Prisma.RoleVersionWhereInput {
  if (access.canDraft) return { roleId: access.role.id };
  const visible: Prisma.RoleVersionWhereInput[] = [{ id: { in: [...access.reviewerOf] } }];
  if (access.canViewAgreed) visible.push({ agreedAt: { not: null } });
  return { roleId: access.role.id, OR: visible };
}

/** A team's roles with where each stands; drafts only for those who may draft. */
export async function listTeamRoles(user: CurrentUser, teamId: string) {
  const canDraft = can(user, 'role.draft', { teamId });
  if (!can(user, 'role.view', { teamId })) return { canDraft, roles: [] };
  const roles = await db.role.findMany({
    where: { teamId, ...(canDraft ? {} : { versions: { some: { agreedAt: { not: null } } } }) },
    orderBy: { title: 'asc' },
    select: {
      id: true,
      title: true,
      draftChanged: true,
      updatedAt: true,
      versions: { orderBy: { number: 'desc' }, where: { status: { in: ['IN_REVIEW', 'AGREED'] } }, select: { number: true, status: true } },
    },
  });
  return {
    canDraft,
    roles: roles.map((role) => ({
      id: role.id,
      title: role.title,
      updatedAt: role.updatedAt,
      agreedVersion: role.versions.find((version) => version.status === 'AGREED')?.number ?? null,
      inReviewVersion: canDraft ? (role.versions.find((version) => version.status === 'IN_REVIEW')?.number ?? null) : null,
      hasUnsubmittedChanges: canDraft && role.draftChanged,
    })),
  };
}

/** The role's overview page: draft progress (for drafters), versions, expectations checks. */
export async function getRoleOverview(access: RoleAccess) {
  const [draftRow, versions, checks] = await Promise.all([
    access.canDraft ? db.role.findUniqueOrThrow({ where: { id: access.role.id }, select: { draft: true } }) : null,
    db.roleVersion.findMany({
      where: visibleVersionsWhere(access),
      orderBy: { number: 'desc' },
      select: { id: true, number: true, status: true, submittedAt: true, agreedAt: true, submittedBy: { select: { name: true } }, _count: { select: { agreements: true, reviewers: true } } },
    }),
    db.expectationCheck.findMany({
      where: { roleId: access.role.id, ...(access.canDraft ? {} : { id: { in: [...access.participantOf] } }) },
      orderBy: { createdAt: 'desc' },
      select: { id: true, createdAt: true, closedAt: true, _count: { select: { participants: true } }, participants: { where: { submittedAt: { not: null } }, select: { id: true } } },
    }),
  ]);
  const draft = draftRow ? parseContent(draftRow.draft) : null;
  return {
    draft,
    sections: draft ? ROLE_SECTIONS.map((section) => ({ ...section, complete: sectionIsComplete(draft, section.key) })) : [],
    versions,
    checks: checks.map((check) => ({ id: check.id, createdAt: check.createdAt, closedAt: check.closedAt, invited: check._count.participants, answered: check.participants.length })),
  };
}

/** One version with its agreement record, reviewers and (for those involved) its concerns. */
export async function getVersionDetail(access: RoleAccess, number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  const version = await db.roleVersion.findFirst({
    where: { ...visibleVersionsWhere(access), number },
    select: {
      id: true,
      number: true,
      status: true,
      content: true,
      submittedAt: true,
      agreedAt: true,
      submittedBy: { select: { name: true } },
      reviewers: { orderBy: { createdAt: 'asc' }, select: { userId: true, group: true, user: { select: { name: true, jobTitle: true } } } },
      agreements: { orderBy: { createdAt: 'asc' }, select: { userId: true, group: true, createdAt: true, user: { select: { name: true, jobTitle: true } } } },
    },
  });
  if (!version) return null;
  const involved = access.canDraft || access.reviewerOf.has(version.id);
  const [concerns, policy] = await Promise.all([
    involved
      ? db.concern.findMany({
          where: { versionId: version.id },
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            section: true,
            comment: true,
            status: true,
            createdAt: true,
            resolvedAt: true,
            resolutionReason: true,
            raisedById: true,
            raisedBy: { select: { name: true } },
            resolvedBy: { select: { name: true } },
            replies: { orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
          },
        })
      : Promise.resolve([]),
    agreementPolicy(db, access.role.teamId),
  ]);
  // What the expectations check found, for those involved in agreeing the version: the names of
  // the contested activities and how each was settled (never who answered what). The rule reads
  // everyone's answers; someone who may not see individual answers is shown only the contested
  // activities they may see on the check itself (lib/roles/contested.ts, evidenceAsSeenBy).
  const evidence = involved ? await expectationsEvidence(db, access.role.id) : null;
  const expectations = evidence && !access.canSeeIndividualAnswers ? await evidenceAsSeenBy(db, evidence, access.userId) : evidence;
  const openConcerns = involved ? concerns.filter((concern) => concern.status === 'OPEN').length : 0;
  const agreement = agreementStatus(policy, { agreements: version.agreements, openConcerns, latestCheck: evidence?.check ?? null });
  return {
    ...version,
    content: parseContent(version.content),
    concerns,
    involved,
    agreement: agreementAsSeen(agreement, expectations, policy.requireContestedSettled),
    policy: policy.requirements,
    expectationsRules: { requireExpectationsCheck: policy.requireExpectationsCheck, requireContestedSettled: policy.requireContestedSettled },
    expectations,
    /** Whether this person may open the check the contested activities come from. */
    maySeeCheck: expectations?.check ? access.canDraft || access.participantOf.has(expectations.check.id) : false,
  };
}

/** Two versions this person may read, for the side-by-side comparison. */
export async function getVersionsToCompare(access: RoleAccess, from: number, to: number) {
  const versions = await db.roleVersion.findMany({
    where: { ...visibleVersionsWhere(access), number: { in: [from, to] } },
    select: { number: true, status: true, content: true, submittedAt: true },
  });
  const before = versions.find((version) => version.number === from);
  const after = versions.find((version) => version.number === to);
  return before && after ? { before: { ...before, content: parseContent(before.content) }, after: { ...after, content: parseContent(after.content) } } : null;
}

/** Activities in the catalogue for a team: the organisation's plus the team's own. */
export function activeActivities(teamId: string) {
  return db.activity.findMany({
    where: { archivedAt: null, OR: [{ teamId: null }, { teamId }] },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, description: true, teamId: true },
  });
}

/** An activity of a check whose results are not shown yet: no figure, no flag. */
const RESULTS_NOT_SHOWN: ParticipantConsensus = { groups: [], agreementScore: null, contested: null, figuresWithheld: false };

/**
 * An expectations check. Managers (and administrators) see who said what, at
 * any time; everyone else who took part sees their own answers and, once the
 * check has closed, the aggregate by stakeholder group under the small-numbers
 * rules (lib/roles/small-numbers.ts). While it is open they get no figure and
 * no contested flag at all: they may change their answers as often as they
 * like, and each view beside a different answer of their own (or beside
 * others' answers as they arrive) would narrow down what the hidden people
 * said. Closed, the answers are frozen: one view, ever. The rules are applied
 * here, on the server: what a participant gets back has nothing they may not
 * see, so none of it can reach their browser.
 */
export async function getExpectationCheck(access: RoleAccess, userId: string, checkId: string) {
  if (!isUuid(checkId)) return null;
  if (!access.canDraft && !access.participantOf.has(checkId)) return null;
  const check = await db.expectationCheck.findFirst({
    where: { id: checkId, roleId: access.role.id },
    select: {
      id: true,
      createdAt: true,
      closedAt: true,
      createdBy: { select: { name: true } },
      participants: { orderBy: { user: { name: 'asc' } }, select: { id: true, userId: true, group: true, submittedAt: true, user: { select: { name: true } } } },
      resolutions: { select: { activityId: true, outcome: true, section: true, note: true, updatedAt: true, resolvedBy: { select: { name: true } } } },
    },
  });
  if (!check) return null;
  const [activities, responses] = await Promise.all([
    // The catalogue as it is now, plus any removed activity this check already has answers for:
    // removing an activity from the catalogue must not erase what people said about it.
    db.activity.findMany({
      where: {
        OR: [
          { archivedAt: null, OR: [{ teamId: null }, { teamId: access.role.teamId }] },
          { archivedAt: { not: null }, responses: { some: { participant: { checkId } } } },
        ],
      },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, description: true, teamId: true, archivedAt: true },
    }),
    db.expectationResponse.findMany({
      where: { participant: { checkId, submittedAt: { not: null } } },
      select: { activityId: true, answer: true, participant: { select: { userId: true, group: true, user: { select: { name: true } } } } },
    }),
  ]);
  const byActivity = new Map<string, typeof responses>();
  for (const response of responses) byActivity.set(response.activityId, [...(byActivity.get(response.activityId) ?? []), response]);
  const me = check.participants.find((participant) => participant.userId === userId) ?? null;
  const myAnswers = me ? new Map(responses.filter((response) => response.participant.userId === userId).map((response) => [response.activityId, response.answer])) : new Map();
  const resultsShown = access.canSeeIndividualAnswers || check.closedAt !== null;
  return {
    id: check.id,
    createdAt: check.createdAt,
    closedAt: check.closedAt,
    createdBy: check.createdBy.name,
    participants: access.canDraft ? check.participants : [],
    /** Shown under the small-numbers rules: this person may not see who said what. */
    smallNumbers: !access.canSeeIndividualAnswers,
    /** False while the check is open, for those who may not see who said what: no figure or flag of any activity is included. */
    resultsShown,
    counts: { invited: check.participants.length, answered: check.participants.filter((participant) => participant.submittedAt).length },
    me: me ? { submittedAt: me.submittedAt, group: me.group, answers: Object.fromEntries(myAnswers) as Record<string, string> } : null,
    activities: activities.map((activity) => {
      const answers = byActivity.get(activity.id) ?? [];
      if (!resultsShown) return { ...activity, ...RESULTS_NOT_SHOWN, resolution: null, individual: null };
      const consensus: ParticipantConsensus = access.canSeeIndividualAnswers
        ? { ...activityConsensus(answers.map((answer) => ({ group: answer.participant.group, answer: answer.answer }))), figuresWithheld: false }
        : participantConsensus(answers.map((answer) => ({ group: answer.participant.group, answer: answer.answer, mine: answer.participant.userId === userId })));
      return {
        ...activity,
        ...consensus,
        // How it was settled says it was contested: not shown where that is not (small-numbers rule 4).
        resolution: consensus.contested === null ? null : (check.resolutions.find((resolution) => resolution.activityId === activity.id) ?? null),
        individual: access.canSeeIndividualAnswers ? answers.map((answer) => ({ name: answer.participant.user.name, group: answer.participant.group, answer: answer.answer })) : null,
      };
    }),
  };
}

/** What this person has been asked to do: versions to review and expectations checks to answer. */
export async function listPendingRequests(user: CurrentUser) {
  const [reviews, checks] = await Promise.all([
    db.reviewInvitation.findMany({
      where: { userId: user.id, version: { status: 'IN_REVIEW', agreements: { none: { userId: user.id } } } },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true, group: true, version: { select: { number: true, role: { select: { id: true, title: true, teamId: true, team: { select: { name: true } } } } } } },
    }),
    db.expectationParticipant.findMany({
      where: { userId: user.id, submittedAt: null, check: { closedAt: null } },
      orderBy: { check: { createdAt: 'asc' } },
      select: { check: { select: { id: true, createdAt: true, role: { select: { id: true, title: true, teamId: true, team: { select: { name: true } } } } } } },
    }),
  ]);
  return { reviews, checks };
}
