/*
 * What other workflows may take from supervision: today, what the
 * dashboards' nightly job measures (lib/dashboards/measures.ts). Counts and
 * the check-in figures already worked out under the small-numbers rule, never
 * a note, an answer or who said what. Nothing here is server-only.
 */
import type { db, Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { SupervisionType } from '@/lib/generated/prisma/enums';
import { figuresThreshold, storedFigure } from '@/lib/supervision/figures';
import { dueState, quarterOf, type DueState } from '@/lib/supervision/rules';

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

export interface PeerWorkerSupervision {
  placementId: string;
  personName: string;
  /** Null until the manager sets up a supervision agreement. */
  agreementId: string | null;
  /** Each type they receive now: how often, when next due and whether that is on time, soon or overdue. */
  types: Array<{ type: SupervisionType; everyWeeks: number; due: Date; state: DueState }>;
  /** Sessions held since `since` (an amendment is the same session), and how many were peer supervision. */
  sessions: number;
  peerSessions: number;
}

/**
 * A team's current peer workers for its dashboard, by name: the supervision
 * each receives and where each type stands on `today` (due as
 * lib/supervision/rules.ts says), and the share of their sessions since
 * `since` that were peer supervision. Two queries whatever the team's size;
 * that supervision happened, never what was said.
 */
export async function supervisionOfTeam(client: Client, teamId: string, { today, since }: { today: Date; since: Date }): Promise<PeerWorkerSupervision[]> {
  const [arrangements, sessions] = await Promise.all([
    client.$queryRaw<Array<{ placementId: string; personName: string; agreementId: string | null; type: SupervisionType | null; everyWeeks: number | null; due: Date | null }>>`
      SELECT p.id::text AS "placementId", u.name AS "personName", a.id::text AS "agreementId", r.type::text AS type, r."everyWeeks", ${nextDueSql} AS due
      FROM "Placement" p JOIN "User" u ON u.id = p."userId"
        LEFT JOIN "SupervisionAgreement" a ON a."placementId" = p.id
        LEFT JOIN "SupervisionArrangement" r ON r."agreementId" = a.id AND r."endedAt" IS NULL
      WHERE p."teamId" = ${teamId}::uuid AND p."endedAt" IS NULL
      ORDER BY u.name, p.id, r.type`,
    client.$queryRaw<Array<{ placementId: string; sessions: number; peerSessions: number }>>`
      SELECT a."placementId"::text AS "placementId", count(*)::int AS sessions, (count(*) FILTER (WHERE s.type = 'PEER'))::int AS "peerSessions"
      FROM "SupervisionSession" s JOIN "SupervisionAgreement" a ON a.id = s."agreementId"
      WHERE a."teamId" = ${teamId}::uuid AND s."heldOn" >= ${since}::date AND s."amendsId" IS NULL
      GROUP BY a."placementId"`,
  ]);
  const held = new Map(sessions.map((row) => [row.placementId, row]));
  const byPlacement = new Map<string, PeerWorkerSupervision>();
  for (const row of arrangements) {
    let person = byPlacement.get(row.placementId);
    if (!person) {
      person = { placementId: row.placementId, personName: row.personName, agreementId: row.agreementId, types: [], sessions: held.get(row.placementId)?.sessions ?? 0, peerSessions: held.get(row.placementId)?.peerSessions ?? 0 };
      byPlacement.set(row.placementId, person);
    }
    if (row.type && row.everyWeeks !== null && row.due) person.types.push({ type: row.type, everyWeeks: row.everyWeeks, due: row.due, state: dueState(row.due, today) });
  }
  return [...byPlacement.values()];
}

/** How many quarters of library entries a team's dashboard counts, the current one last. */
export const LIBRARY_QUARTERS = 4;

/** How many of a team's newest published entries its dashboard names. */
export const LIBRARY_NEWEST = 5;

/**
 * A team's peer practice library for its dashboard: entries published in
 * each of the last LIBRARY_QUARTERS quarters (from `from`, the first day of
 * the first of them), and its newest published entries' titles. Each entry's
 * own page decides who may open it.
 */
export async function libraryOfTeam(client: Client, teamId: string, from: Date): Promise<{ byQuarter: Map<string, number>; newest: Array<{ id: string; title: string; publishedAt: Date; scope: 'TEAM' | 'ORGANISATION' }> }> {
  const [published, newest] = await Promise.all([
    client.libraryEntry.findMany({ where: { teamId, status: 'PUBLISHED', reviewedAt: { gte: from } }, select: { reviewedAt: true } }),
    client.libraryEntry.findMany({ where: { teamId, status: 'PUBLISHED' }, orderBy: [{ reviewedAt: 'desc' }, { id: 'asc' }], take: LIBRARY_NEWEST, select: { id: true, title: true, reviewedAt: true, scope: true } }),
  ]);
  const byQuarter = new Map<string, number>();
  for (const entry of published) if (entry.reviewedAt) byQuarter.set(quarterOf(entry.reviewedAt), (byQuarter.get(quarterOf(entry.reviewedAt)) ?? 0) + 1);
  return { byQuarter, newest: newest.map((entry) => ({ id: entry.id, title: entry.title, publishedAt: entry.reviewedAt ?? new Date(0), scope: entry.scope })) };
}

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
