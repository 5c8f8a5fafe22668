import type { db, Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { RecruitmentOutcome, ShortlistOutcome } from '@/lib/generated/prisma/enums';

/*
 * What other workflows may take from recruitment: the appointments waiting to
 * become placements (onboarding takes them up and marks them placed), and the
 * recruitment rules' small pieces others show. Nothing here carries candidate
 * data beyond the appointed person's account.
 */

/** Appointments in these teams not yet taken up as placements, oldest first. */
export function pendingPlacements(client: Tx | typeof db, teamIds: readonly string[]) {
  return client.appointment.findMany({
    where: { teamId: { in: [...teamIds] }, placedAt: null },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      teamId: true,
      roleVersionId: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
      vacancy: { select: { id: true, title: true } },
    },
  });
}

/** Onboarding marks an appointment placed when the placement it became starts. Returns false when it was already placed. */
export async function markPlaced(tx: Tx, appointmentId: string, at = new Date()): Promise<boolean> {
  const { count } = await tx.appointment.updateMany({ where: { id: appointmentId, placedAt: null }, data: { placedAt: at } });
  return count === 1;
}

/** SQL: whether the person (a uuid expression) sits on the panel of a vacancy not yet closed. The header shows them "Recruitment". */
export const onPanelSql = (userId: Prisma.Sql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "PanelMember" p JOIN "Vacancy" v ON v.id = p."vacancyId" WHERE p."userId" = ${userId} AND v.status <> 'CLOSED')`;

/**
 * For each team, the appointments made since `since`, and how many were to a
 * vacancy whose candidates were reached by direct approach rather than an
 * open advert (the dashboards' "expectations differ" sign). Counts only.
 */
export async function appointmentsByTeam(client: Tx | typeof db, since: Date): Promise<Map<string, { appointments: number; directApproach: number }>> {
  const rows = await client.$queryRaw<Array<{ teamId: string; appointments: number; directApproach: number }>>`
    SELECT a."teamId"::text AS "teamId", count(*)::int AS appointments, (count(*) FILTER (WHERE v.reach = 'DIRECT_APPROACH'))::int AS "directApproach"
    FROM "Appointment" a JOIN "Vacancy" v ON v.id = a."vacancyId"
    WHERE a."createdAt" >= ${since}
    GROUP BY a."teamId"`;
  return new Map(rows.map((row) => [row.teamId, { appointments: row.appointments, directApproach: row.directApproach }]));
}

/**
 * Work list rows: vacancies where this person sits on the panel for the stage
 * the vacancy is at and has candidates still to score at it (SCORING), due by
 * the closing date. Counts of nothing else: no candidate's name or data.
 */
export function scoringWorkSql(userId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT 'SCORING' AS kind, v.id::text AS ref, NULL::text AS parent, t.id::text AS "teamId", v.status::text AS extra, v.title, t.name AS team, v."closingDate"::timestamp AS at
    FROM "PanelMember" m JOIN "Vacancy" v ON v.id = m."vacancyId" JOIN "Team" t ON t.id = v."teamId"
    WHERE m."userId" = ${userId}::uuid
      AND ((v.status = 'SHORTLISTING' AND m.shortlisting) OR (v.status = 'INTERVIEWING' AND m.interview))
      AND EXISTS (
        SELECT 1 FROM "Candidate" c
        WHERE c."vacancyId" = v.id AND c."purgedAt" IS NULL AND (v.status = 'SHORTLISTING' OR c."shortlistOutcome" = 'INVITED')
          AND NOT EXISTS (
            SELECT 1 FROM "ScoreSheet" s WHERE s."candidateId" = c.id AND s."userId" = ${userId}::uuid AND s."submittedAt" IS NOT NULL
              AND s.stage = (CASE WHEN v.status = 'SHORTLISTING' THEN 'SHORTLISTING' ELSE 'INTERVIEW' END)::"ScoringStage"
          )
      )`;
}
export { vacancyPath } from '@/lib/recruitment/paths';

/** Where a candidate is: their outcome once decided, else whether they were invited to interview, else applied. */
export type CandidateStage = 'APPLIED' | ShortlistOutcome | RecruitmentOutcome;
export const CANDIDATE_STAGES: readonly CandidateStage[] = ['APPLIED', ...Object.values(ShortlistOutcome), ...Object.values(RecruitmentOutcome)];

/**
 * A team's recruitment pipeline for its dashboard, as one SQL value (JSON)
 * for the dashboard's single statement; `recruitmentPipelineFrom` reads it
 * back: how many vacancies are at each status, and how many candidates of its
 * vacancies not yet closed are at each stage. Counts only: no candidate's
 * name, number or data.
 */
export function recruitmentPipelineSql(teamId: string): Prisma.Sql {
  return Prisma.sql`json_build_object(
    'vacancies', (SELECT coalesce(json_object_agg(x.status, x.count), '{}'::json) FROM (
      SELECT v.status::text AS status, count(*)::int AS count FROM "Vacancy" v WHERE v."teamId" = ${teamId}::uuid GROUP BY v.status) x),
    'candidates', (SELECT coalesce(json_object_agg(x.stage, x.count), '{}'::json) FROM (
      SELECT CASE WHEN c.outcome IS NOT NULL THEN c.outcome::text WHEN c."shortlistOutcome" IS NOT NULL THEN c."shortlistOutcome"::text ELSE 'APPLIED' END AS stage, count(*)::int AS count
      FROM "Candidate" c JOIN "Vacancy" v ON v.id = c."vacancyId"
      WHERE v."teamId" = ${teamId}::uuid AND v.status <> 'CLOSED'
      GROUP BY 1) x)
  )`;
}

export function recruitmentPipelineFrom(value: unknown): { vacancies: Map<string, number>; candidates: Map<CandidateStage, number> } {
  const object = (value ?? {}) as { vacancies?: Record<string, number>; candidates?: Record<string, number> };
  return {
    vacancies: new Map(Object.entries(object.vacancies ?? {})),
    candidates: new Map(Object.entries(object.candidates ?? {}).filter((entry): entry is [CandidateStage, number] => (CANDIDATE_STAGES as readonly string[]).includes(entry[0]))),
  };
}
