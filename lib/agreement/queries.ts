import { db, type Tx } from '@/lib/db';
import type { PendingRequest } from '@/lib/notifications/gate';
import { Prisma } from '@/lib/generated/prisma/client';
import type { StakeholderGroup } from '@/lib/generated/prisma/enums';
import { pageArgs, toPage } from '@/lib/pagination';
import { POLICY_SELECT, policyOf } from '@/lib/agreement/status';
import { agreementStatus } from '@/lib/agreement/rules';
import { agreementAsSeen, evidenceAsSeenBy, expectationsEvidence } from '@/lib/expectations/gate';
import { parseContent, versionPath, visibleAmongTheRolesVersions, visibleVersionsWhere, type RoleAccess } from '@/lib/roles/gate';

/** One version with its agreement record, reviewers and (for those involved) its concerns. */
export async function getVersionDetail(access: RoleAccess, number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  // Concerns are read only by those who could be involved (the version's reviewers, its drafters), in the same query as the version and the team's policy.
  const mayBeInvolved = access.canDraft || access.reviewerOf.size > 0;
  const found = await db.roleVersion.findFirst({
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
      concerns: {
        where: mayBeInvolved ? {} : { id: { in: [] } },
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
      },
      // The other versions this person may read, for "previous version" and "newer version" links.
      role: { select: { team: { select: POLICY_SELECT }, versions: { where: visibleAmongTheRolesVersions(access), orderBy: { number: 'desc' }, select: { number: true, status: true } } } },
    },
  });
  if (!found) return null;
  const { role, concerns: readConcerns, ...version } = found;
  const previous = role.versions.find((other) => other.number < version.number) ?? null;
  const newer = role.versions.find((other) => other.number > version.number && (other.status === 'IN_REVIEW' || other.status === 'AGREED')) ?? null;
  const involved = access.canDraft || access.reviewerOf.has(version.id);
  const concerns = involved ? readConcerns : [];
  const policy = policyOf(role.team);
  // What the expectations check found, for those involved in agreeing the version: the names of
  // the contested activities and how each was settled (never who answered what). The rule reads
  // everyone's answers; someone who may not see individual answers is shown only the contested
  // activities they may see on the check itself (lib/expectations/contested.ts, evidenceAsSeenBy).
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
    /** The version before this one, and a newer one in review or agreed, among those this person may read. */
    neighbours: { previous, newer },
    /** Whether this person may open the check the contested activities come from. */
    maySeeCheck: expectations?.check ? access.canDraft || access.participantOf.has(expectations.check.id) : false,
  };
}

/** A version in the shape the invite-reviewers page needs: who is invited, who has agreed, what the team's policy asks. */
export async function getVersionInvitations(access: RoleAccess, number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  const found = await db.roleVersion.findFirst({
    where: { ...visibleVersionsWhere(access), number },
    select: {
      id: true,
      number: true,
      status: true,
      reviewers: { select: { userId: true } },
      agreements: { select: { userId: true } },
      role: { select: { team: { select: POLICY_SELECT } } },
    },
  });
  if (!found) return null;
  const { role, reviewers, agreements, ...version } = found;
  return {
    ...version,
    invited: new Set(reviewers.map((reviewer) => reviewer.userId)),
    agreed: new Set(agreements.map((agreement) => agreement.userId)),
    policy: policyOf(role.team).requirements,
  };
}

interface PendingReviewRow {
  createdAt: Date;
  group: StakeholderGroup;
  number: number;
  roleId: string;
  title: string;
  teamId: string;
  teamName: string;
  total: bigint;
}

/**
 * The versions this person has been invited to review, still in review, that
 * they have not agreed yet: one page, oldest first, with how many there are.
 * One statement (HR is asked to review every role in the trust, so this list
 * grows with it): Prisma took three round trips and three times as long
 * (bench/results/).
 */
export async function pendingReviews(userId: string, page = 1) {
  const { skip, take } = pageArgs(page);
  const rows = await db.$queryRaw<PendingReviewRow[]>`
    SELECT i."createdAt", i."group"::text AS "group", v.number, r.id::text AS "roleId", r.title, r."teamId"::text AS "teamId", t.name AS "teamName", count(*) OVER () AS total
    FROM "ReviewInvitation" i
    JOIN "RoleVersion" v ON v.id = i."versionId" AND v.status = 'IN_REVIEW'
    JOIN "Role" r ON r.id = v."roleId"
    JOIN "Team" t ON t.id = r."teamId"
    WHERE i."userId" = ${userId}::uuid
      AND NOT EXISTS (SELECT 1 FROM "Agreement" a WHERE a."versionId" = v.id AND a."userId" = ${userId}::uuid)
    ORDER BY i."createdAt", i.id
    LIMIT ${take} OFFSET ${skip}`;
  const total = rows.length > 0 ? Number(rows[0].total) : skip > 0 ? await countPendingReviews(userId) : 0;
  const items = rows.map((row) => ({
    createdAt: row.createdAt,
    group: row.group,
    version: { number: row.number, role: { id: row.roleId, title: row.title, teamId: row.teamId, team: { name: row.teamName } } },
  }));
  return toPage(items, total, page);
}

/** For a page past the end, where the window count has no row to ride on. */
function countPendingReviews(userId: string) {
  return db.reviewInvitation.count({ where: { userId, version: { status: 'IN_REVIEW', agreements: { none: { userId } } } } });
}

/**
 * Reviews still to do that were asked for before `before`, across the
 * organisation, for the daily reminders: the version is still in review, its
 * team is active, and the reviewer is active and has not agreed.
 */
export async function reviewsWaiting(client: Tx | typeof db, before: Date): Promise<PendingRequest[]> {
  const rows = await client.$queryRaw<Array<{ id: string; userId: string; createdAt: Date; versionId: string; number: number; roleId: string; title: string; teamId: string; teamName: string }>>`
    SELECT i.id::text AS id, i."userId"::text AS "userId", i."createdAt", v.id::text AS "versionId", v.number, r.id::text AS "roleId", r.title, t.id::text AS "teamId", t.name AS "teamName"
    FROM "ReviewInvitation" i
    JOIN "RoleVersion" v ON v.id = i."versionId" AND v.status = 'IN_REVIEW'
    JOIN "Role" r ON r.id = v."roleId"
    JOIN "Team" t ON t.id = r."teamId" AND t."archivedAt" IS NULL
    JOIN "User" u ON u.id = i."userId" AND u."disabledAt" IS NULL
    WHERE i."createdAt" <= ${before}
      AND NOT EXISTS (SELECT 1 FROM "Agreement" a WHERE a."versionId" = v.id AND a."userId" = i."userId")
    ORDER BY i."createdAt", i.id`;
  return rows.map((row) => {
    const path = versionPath(row.teamId, row.roleId, row.number);
    return { requestKey: `review:${row.id}`, recipientId: row.userId, since: row.createdAt, groupKey: `version:${row.versionId}`, teamId: row.teamId, teamName: row.teamName, title: row.title, path, managerPath: `${path}/reviewers` };
  });
}

/** How many reviews the person `userId` (an SQL expression) has still to do, counted up to `limit`, as a subquery: the header's count. */
export function pendingReviewCountSql(userId: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM "ReviewInvitation" i
    JOIN "RoleVersion" v ON v.id = i."versionId" AND v.status = 'IN_REVIEW'
    WHERE i."userId" = ${userId} AND NOT EXISTS (SELECT 1 FROM "Agreement" a WHERE a."versionId" = v.id AND a."userId" = ${userId})
    LIMIT ${limit}) pending)`;
}
