import { db, type Tx } from '@/lib/db';
import type { PendingRequest } from '@/lib/notifications/gate';
import { Prisma } from '@/lib/generated/prisma/client';
import { pageArgs, toPage } from '@/lib/pagination';
import { activityConsensus } from '@/lib/expectations/rules';
import { participantConsensus, type ParticipantConsensus } from '@/lib/expectations/small-numbers';
import { checkPath, visibleChecksWhere, type RoleAccess } from '@/lib/roles/gate';
import { isUuid } from '@/lib/schema-fields';

/** Activities in the catalogue for a team: the organisation's plus the team's own. */
export function activeActivities(teamId: string) {
  return db.activity.findMany({
    where: { archivedAt: null, OR: [{ teamId: null }, { teamId }] },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, description: true, teamId: true },
  });
}

/** The role's expectations checks this person may open, newest first, with how many were asked and answered. */
export async function checksOfRole(access: RoleAccess) {
  const checks = await db.expectationCheck.findMany({
    where: visibleChecksWhere(access),
    orderBy: { createdAt: 'desc' },
    select: { id: true, createdAt: true, closedAt: true, _count: { select: { participants: true } }, participants: { where: { submittedAt: { not: null } }, select: { id: true } } },
  });
  return checks.map((check) => ({ id: check.id, createdAt: check.createdAt, closedAt: check.closedAt, invited: check._count.participants, answered: check.participants.length }));
}

/** An activity of a check whose results are not shown yet: no figure, no flag. */
const RESULTS_NOT_SHOWN: ParticipantConsensus = { groups: [], agreementScore: null, contested: null, figuresWithheld: false };

/**
 * An expectations check. Managers (and administrators) see who said what, at
 * any time; everyone else who took part sees their own answers and, once the
 * check has closed, the aggregate by stakeholder group under the small-numbers
 * rules (lib/expectations/small-numbers.ts). While it is open they get no figure and
 * no contested flag at all: they may change their answers as often as they
 * like, and each view beside a different answer of their own (or beside
 * others' answers as they arrive) would narrow down what the hidden people
 * said. Closed, the answers are frozen: one view, ever. The rules are applied
 * here, on the server: what a participant gets back has nothing they may not
 * see, so none of it can reach their browser.
 */
export async function getExpectationCheck(access: RoleAccess, userId: string, checkId: string) {
  if (!isUuid(checkId)) return null;
  const check = await db.expectationCheck.findFirst({
    where: { ...visibleChecksWhere(access), AND: [{ id: checkId }] },
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

/** The expectations checks this person has been asked to answer and has not yet: one page, oldest first. */
export async function pendingChecks(userId: string, page = 1) {
  const where: Prisma.ExpectationParticipantWhereInput = { userId, submittedAt: null, check: { closedAt: null } };
  const [items, total] = await Promise.all([
    db.expectationParticipant.findMany({
      where,
      orderBy: [{ check: { createdAt: 'asc' } }, { id: 'asc' }],
      ...pageArgs(page),
      select: { check: { select: { id: true, createdAt: true, role: { select: { id: true, title: true, teamId: true, team: { select: { name: true } } } } } } },
    }),
    db.expectationParticipant.count({ where }),
  ]);
  return toPage(items, total, page);
}

// activeActivities(teamId) returns the organisation's activities plus that team's;
// with an id no team has, it returns only the organisation's.
const NO_TEAM = '00000000-0000-0000-0000-000000000000';

/** The organisation-wide catalogue, in the order checks ask it. */
export async function organisationActivities() {
  return (await activeActivities(NO_TEAM)).filter((activity) => activity.teamId === null);
}

/** A team's catalogue split into the organisation's activities and the team's own. */
export async function teamCatalogue(teamId: string) {
  const activities = await activeActivities(teamId);
  return {
    organisation: activities.filter((activity) => activity.teamId === null),
    team: activities.filter((activity) => activity.teamId === teamId),
  };
}

/**
 * Expectations checks still to answer that were sent before `before`, across
 * the organisation, for the daily reminders: the check is open, its team is
 * active, and the participant is active and has not answered.
 */
export async function checkAnswersWaiting(client: Tx | typeof db, before: Date): Promise<PendingRequest[]> {
  const rows = await client.$queryRaw<Array<{ id: string; userId: string; createdAt: Date; checkId: string; roleId: string; title: string; teamId: string; teamName: string }>>`
    SELECT p.id::text AS id, p."userId"::text AS "userId", c."createdAt", c.id::text AS "checkId", r.id::text AS "roleId", r.title, t.id::text AS "teamId", t.name AS "teamName"
    FROM "ExpectationParticipant" p
    JOIN "ExpectationCheck" c ON c.id = p."checkId" AND c."closedAt" IS NULL
    JOIN "Role" r ON r.id = c."roleId"
    JOIN "Team" t ON t.id = r."teamId" AND t."archivedAt" IS NULL
    JOIN "User" u ON u.id = p."userId" AND u."disabledAt" IS NULL
    WHERE p."submittedAt" IS NULL AND c."createdAt" <= ${before}
    ORDER BY c."createdAt", p.id`;
  return rows.map((row) => {
    const path = checkPath(row.teamId, row.roleId, row.checkId);
    return { requestKey: `check:${row.id}`, recipientId: row.userId, since: row.createdAt, groupKey: `check:${row.checkId}`, teamId: row.teamId, teamName: row.teamName, title: row.title, path, managerPath: path };
  });
}

/** How many expectations checks the person `userId` (an SQL expression) has still to answer, counted up to `limit`, as a subquery: the header's count. */
export function pendingCheckCountSql(userId: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM "ExpectationParticipant" p
    JOIN "ExpectationCheck" c ON c.id = p."checkId" AND c."closedAt" IS NULL
    WHERE p."userId" = ${userId} AND p."submittedAt" IS NULL
    LIMIT ${limit}) pending)`;
}
