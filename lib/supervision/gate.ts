/*
 * What other workflows may take from supervision: today, what the
 * dashboards' nightly job measures (lib/dashboards/measures.ts). Counts and
 * the check-in figures already worked out under the small-numbers rule, never
 * a note, an answer or who said what. Nothing here is server-only.
 */
import type { db, Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { figuresThreshold, storedFigure } from '@/lib/supervision/figures';

type Client = Tx | typeof db;

/**
 * When the arrangement `r` is next due, as lib/supervision/rules.ts nextDue
 * says (every N weeks after its last session, or from its start), as SQL.
 */
const nextDueSql = Prisma.sql`coalesce((SELECT max(s."heldOn") FROM "SupervisionSession" s WHERE s."arrangementId" = r.id) + r."everyWeeks" * 7, r."startsOn")`;

export interface TeamSupervisionMeasures {
  sessions: number;
  peerSessions: number;
  boundaryTopics: number;
  livedExperienceTopics: number;
  withoutPeerSupervision: number;
  libraryEntries: number;
}

const EMPTY: TeamSupervisionMeasures = { sessions: 0, peerSessions: 0, boundaryTopics: 0, livedExperienceTopics: 0, withoutPeerSupervision: 0, libraryEntries: 0 };

/**
 * For each team, since `since`: sessions held (an amendment is the same
 * session, so not counted again), how many were peer supervision, and the
 * topics about boundaries and about lived experience among them; library
 * entries published; and, as things stand on `today`, current placements with
 * no peer supervisor named or with peer supervision overdue (due as
 * lib/supervision/rules.ts says: every N weeks after the last session, or
 * from the arrangement's start).
 */
export async function supervisionMeasuresByTeam(client: Client, { since, today, boundaryTopics, livedExperienceTopics }: { since: Date; today: Date; boundaryTopics: readonly string[]; livedExperienceTopics: readonly string[] }): Promise<Map<string, TeamSupervisionMeasures>> {
  const [sessions, placements, library] = await Promise.all([
    client.$queryRaw<Array<{ teamId: string; sessions: number; peerSessions: number; boundaryTopics: number; livedExperienceTopics: number }>>`
      SELECT a."teamId"::text AS "teamId", count(*)::int AS sessions, (count(*) FILTER (WHERE s.type = 'PEER'))::int AS "peerSessions",
        coalesce(sum(cardinality(ARRAY(SELECT unnest(s.topics) INTERSECT SELECT unnest(${[...boundaryTopics]}::text[])))), 0)::int AS "boundaryTopics",
        coalesce(sum(cardinality(ARRAY(SELECT unnest(s.topics) INTERSECT SELECT unnest(${[...livedExperienceTopics]}::text[])))), 0)::int AS "livedExperienceTopics"
      FROM "SupervisionSession" s JOIN "SupervisionAgreement" a ON a.id = s."agreementId"
      WHERE s."heldOn" >= ${since}::date AND s."amendsId" IS NULL
      GROUP BY a."teamId"`,
    client.$queryRaw<Array<{ teamId: string; withoutPeerSupervision: number }>>`
      SELECT p."teamId"::text AS "teamId", (count(*) FILTER (WHERE p."peerSupervisorId" IS NULL OR EXISTS (
        SELECT 1 FROM "SupervisionAgreement" a JOIN "SupervisionArrangement" r ON r."agreementId" = a.id
        WHERE a."placementId" = p.id AND r.type = 'PEER' AND r."endedAt" IS NULL
          AND ${nextDueSql} < ${today}::date
      )))::int AS "withoutPeerSupervision"
      FROM "Placement" p WHERE p."endedAt" IS NULL
      GROUP BY p."teamId"`,
    client.$queryRaw<Array<{ teamId: string; entries: number }>>`
      SELECT "teamId"::text AS "teamId", count(*)::int AS entries FROM "LibraryEntry"
      WHERE status = 'PUBLISHED' AND "reviewedAt" >= ${since}
      GROUP BY "teamId"`,
  ]);
  const byTeam = new Map<string, TeamSupervisionMeasures>();
  const of = (teamId: string) => byTeam.get(teamId) ?? byTeam.set(teamId, { ...EMPTY }).get(teamId)!;
  for (const row of sessions) Object.assign(of(row.teamId), { sessions: row.sessions, peerSessions: row.peerSessions, boundaryTopics: row.boundaryTopics, livedExperienceTopics: row.livedExperienceTopics });
  for (const row of placements) of(row.teamId).withoutPeerSupervision = row.withoutPeerSupervision;
  for (const row of library) of(row.teamId).libraryEntries = row.entries;
  return byTeam;
}

export interface CheckInAverages {
  clearRole: number | null;
  practiseAsPeer: number | null;
}

/**
 * The last ended quarter's averages for "I am clear about my role" and "I can
 * practise as a peer", as the figures job stored them under the small-numbers
 * rule: for each team with a figure shown, and for the organisation (null
 * where withheld). Null quarter before any is worked out.
 */
export async function latestCheckInAverages(client: Client): Promise<{ quarter: string | null; organisation: CheckInAverages; teams: Map<string, CheckInAverages> }> {
  const [latest, { threshold }] = await Promise.all([
    client.checkInQuarter.findFirst({ orderBy: { quarter: 'desc' }, select: { quarter: true, threshold: true, organisation: true, teams: { select: { teamId: true, figure: true } } } }),
    figuresThreshold(client),
  ]);
  const averages = (value: Parameters<typeof storedFigure>[0]): CheckInAverages => {
    const figure = storedFigure(value);
    return figure.shown ? { clearRole: figure.averages.clearRole, practiseAsPeer: figure.averages.practiseAsPeer } : { clearRole: null, practiseAsPeer: null };
  };
  // Worked out under another threshold: withheld until the figures job works it out again.
  if (!latest || latest.threshold !== threshold) return { quarter: latest?.quarter ?? null, organisation: { clearRole: null, practiseAsPeer: null }, teams: new Map() };
  return { quarter: latest.quarter, organisation: averages(latest.organisation), teams: new Map(latest.teams.map((team) => [team.teamId, averages(team.figure)])) };
}

export { agreementPath } from '@/lib/supervision/paths';

/**
 * Work list rows: supervision overdue in teams this person manages
 * (SUPERVISION), one row an arrangement, due on the day it fell due (as
 * lib/supervision/rules.ts says: every N weeks after the last session, or from
 * the arrangement's start). The peer worker's name and the type: nothing of
 * any session.
 */
export function supervisionWorkSql(managedTeamIds: readonly string[], today: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT 'SUPERVISION' AS kind, r.id::text AS ref, a.id::text AS parent, t.id::text AS "teamId", r.type::text AS extra, u.name AS title, t.name AS team, due.on::timestamp AS at
    FROM "SupervisionArrangement" r
      JOIN "SupervisionAgreement" a ON a.id = r."agreementId"
      JOIN "Placement" p ON p.id = a."placementId" AND p."endedAt" IS NULL
      JOIN "User" u ON u.id = a."peerWorkerId"
      JOIN "Team" t ON t.id = a."teamId"
      CROSS JOIN LATERAL (SELECT ${nextDueSql} AS on) due
    WHERE r."endedAt" IS NULL AND a."teamId" = ANY(${[...managedTeamIds]}::uuid[]) AND due.on < ${today}::date`;
}
