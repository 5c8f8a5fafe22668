/*
 * What other workflows may take from supervision: today, what the
 * dashboards' nightly job measures (lib/dashboards/measures.ts). Counts and
 * the check-in figures already worked out under the small-numbers rule, never
 * a note, an answer or who said what. Nothing here is server-only.
 */
import type { db, Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { LibraryScope, SupervisionType } from '@/lib/generated/prisma/enums';
import { figureAsSeen, figuresCountingOthers, figuresThreshold, storedFigure, TOO_FEW, type ShownFigure } from '@/lib/supervision/figures';
import { checkInThreshold, dueState, quarterOf, type DueState } from '@/lib/supervision/rules';

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

/** A calendar day as SQL writes it into JSON ("2026-11-03"), at UTC midnight. */
const dayOf = (text: string) => new Date(`${text}T00:00:00Z`);

/**
 * A team's current peer workers for its dashboard, by name, as one SQL value
 * (a JSON array) for the dashboard's single statement;
 * `supervisionOfTeamFrom` reads it back: the supervision each receives and
 * where each type stands (due as lib/supervision/rules.ts says), and their
 * sessions since `since` and how many were peer supervision. That
 * supervision happened, never what was said. Peer workers with no agreement
 * yet only `withoutAgreement` (for those who may see placements): anyone
 * else learns of a placement only from its supervision.
 */
export function supervisionOfTeamSql(teamId: string, since: Date, { withoutAgreement }: { withoutAgreement: boolean }): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object(
      'placementId', p.id, 'personName', u.name, 'agreementId', a.id,
      'types', (SELECT coalesce(json_agg(json_build_object('type', r.type, 'everyWeeks', r."everyWeeks", 'due', to_char(${nextDueSql}, 'YYYY-MM-DD')) ORDER BY r.type, r."startsOn"), '[]'::json)
        FROM "SupervisionArrangement" r WHERE r."agreementId" = a.id AND r."endedAt" IS NULL),
      'sessions', (SELECT count(*) FROM "SupervisionSession" s WHERE s."agreementId" = a.id AND s."heldOn" >= ${since}::date AND s."amendsId" IS NULL),
      'peerSessions', (SELECT count(*) FROM "SupervisionSession" s WHERE s."agreementId" = a.id AND s."heldOn" >= ${since}::date AND s."amendsId" IS NULL AND s.type = 'PEER')
    ) ORDER BY u.name, p.id), '[]'::json)
    FROM "Placement" p JOIN "User" u ON u.id = p."userId" LEFT JOIN "SupervisionAgreement" a ON a."placementId" = p.id
    WHERE p."teamId" = ${teamId}::uuid AND p."endedAt" IS NULL ${withoutAgreement ? Prisma.empty : Prisma.sql`AND a.id IS NOT NULL`}
  )`;
}

export function supervisionOfTeamFrom(value: unknown, today: Date): PeerWorkerSupervision[] {
  const rows = (Array.isArray(value) ? value : []) as Array<{ placementId: string; personName: string; agreementId: string | null; types: Array<{ type: SupervisionType; everyWeeks: number; due: string }>; sessions: number; peerSessions: number }>;
  return rows.map((row) => ({
    placementId: row.placementId,
    personName: row.personName,
    agreementId: row.agreementId,
    types: row.types.map((type) => ({ type: type.type, everyWeeks: type.everyWeeks, due: dayOf(type.due), state: dueState(dayOf(type.due), today) })),
    sessions: Number(row.sessions),
    peerSessions: Number(row.peerSessions),
  }));
}

/** How many quarters of library entries a team's dashboard counts, the current one last. */
export const LIBRARY_QUARTERS = 4;

/** How many of a team's newest published entries its dashboard names. */
export const LIBRARY_NEWEST = 5;

/** A timestamp as milliseconds since 1970 (stored timestamps are UTC), for JSON. */
const epochMs = (column: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${column}) * 1000)::bigint`;

/**
 * A team's peer practice library for its dashboard, as one SQL value (JSON);
 * `libraryOfTeamFrom` reads it back: the entries published from `from` (the
 * first day of the first of the last LIBRARY_QUARTERS quarters), counted by
 * quarter, and its newest published entries' titles. Each entry's own page
 * decides who may open it.
 */
export function libraryOfTeamSql(teamId: string, from: Date): Prisma.Sql {
  return Prisma.sql`json_build_object(
    'published', (SELECT coalesce(json_agg(${epochMs(Prisma.sql`e."reviewedAt"`)}), '[]'::json) FROM "LibraryEntry" e
      WHERE e."teamId" = ${teamId}::uuid AND e.status = 'PUBLISHED' AND e."reviewedAt" >= ${from}),
    'newest', (SELECT coalesce(json_agg(json_build_object('id', n.id, 'title', n.title, 'publishedAt', ${epochMs(Prisma.sql`n."reviewedAt"`)}, 'scope', n.scope) ORDER BY n."reviewedAt" DESC, n.id), '[]'::json)
      FROM (SELECT e.id, e.title, e."reviewedAt", e.scope FROM "LibraryEntry" e WHERE e."teamId" = ${teamId}::uuid AND e.status = 'PUBLISHED' ORDER BY e."reviewedAt" DESC, e.id LIMIT ${LIBRARY_NEWEST}) n)
  )`;
}

export function libraryOfTeamFrom(value: unknown): { byQuarter: Map<string, number>; newest: Array<{ id: string; title: string; publishedAt: Date; scope: LibraryScope }> } {
  const object = (value ?? {}) as { published?: number[]; newest?: Array<{ id: string; title: string; publishedAt: number; scope: LibraryScope }> };
  const byQuarter = new Map<string, number>();
  for (const at of object.published ?? []) {
    const quarter = quarterOf(new Date(Number(at)));
    byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + 1);
  }
  return { byQuarter, newest: (object.newest ?? []).map((entry) => ({ id: entry.id, title: entry.title, publishedAt: new Date(Number(entry.publishedAt)), scope: entry.scope })) };
}

/**
 * The UK calendar quarter a check-in `c` was answered in, as SQL ("2026-Q4"),
 * as lib/supervision/rules.ts quarterOf names it: stored times are UTC.
 */
export const checkInQuarterSql = Prisma.sql`to_char((c."answeredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-"Q"Q')`;

/** How many ended quarters a team's check-in trend shows. */
export const TEAM_TREND_QUARTERS = 8;

/**
 * A team's check-in averages for its last TEAM_TREND_QUARTERS ended quarters,
 * as one SQL value (JSON): each quarter's stored figure for the team (none
 * when nobody in it answered), the threshold it was worked out under, and
 * whether `userId` answered in that quarter themselves; with the
 * organisation's threshold setting. `teamCheckInTrendFrom` reads it as the
 * figures page shows it.
 */
export function teamCheckInTrendSql(teamId: string, userId: string): Prisma.Sql {
  return Prisma.sql`json_build_object(
    'setting', (SELECT "smallNumbersThreshold" FROM "SupervisionSettings" WHERE id = 1),
    'quarters', (SELECT coalesce(json_agg(json_build_object(
        'quarter', q.quarter, 'threshold', q.threshold,
        'figure', (SELECT f.figure FROM "CheckInTeamFigure" f WHERE f.quarter = q.quarter AND f."teamId" = ${teamId}::uuid),
        'answered', EXISTS (SELECT 1 FROM "CheckIn" c WHERE c."peerWorkerId" = ${userId}::uuid
          AND ${checkInQuarterSql} = q.quarter)
      ) ORDER BY q.quarter DESC), '[]'::json)
      FROM (SELECT quarter, threshold FROM "CheckInQuarter" ORDER BY quarter DESC LIMIT ${TEAM_TREND_QUARTERS}) q)
  )`;
}

/**
 * The trend as a page shows it, newest first: a quarter worked out under
 * another threshold, or with no figure for the team, is withheld; for a
 * quarter the viewer answered in themselves the figure counts only the
 * others (one more query, only then), so a figure shown to everyone else may
 * be withheld from them.
 */
export async function teamCheckInTrendFrom(client: Client, value: unknown, teamId: string, userId: string) {
  const object = (value ?? {}) as { setting?: number | null; quarters?: Array<{ quarter: string; threshold: number; figure: Prisma.JsonValue | null; answered: boolean }> };
  const minimum = checkInThreshold(object.setting);
  const quarters = object.quarters ?? [];
  const forViewer = await figuresCountingOthers(
    client as Tx,
    userId,
    quarters.filter((row) => row.answered).map((row) => row.quarter),
    quarters.map((row) => row.quarter),
    minimum,
  );
  return {
    threshold: minimum,
    quarters: quarters.map((row) => {
      const stale = row.threshold !== minimum;
      const figure: ShownFigure = stale || row.figure === null ? TOO_FEW : figureAsSeen(storedFigure(row.figure), forViewer.get(row.quarter)?.teams.get(teamId));
      return { quarter: row.quarter, stale, countsOthersOnly: forViewer.has(row.quarter), figure };
    }),
  };
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
