import 'server-only';
import type { CurrentUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { VacancyStatus } from '@/lib/generated/prisma/enums';
import { MEASURE_DAYS } from '@/lib/dashboards/measures';
import { onboardingOfTeam, type PlacementProgress } from '@/lib/onboarding/gate';
import { can } from '@/lib/permissions';
import { CANDIDATE_STAGES, recruitmentPipelineFrom, recruitmentPipelineSql } from '@/lib/recruitment/gate';
import { rolesOfTeamFrom, rolesOfTeamSql } from '@/lib/roles/gate';
import { LIBRARY_QUARTERS, libraryOfTeamFrom, libraryOfTeamSql, supervisionOfTeamFrom, supervisionOfTeamSql, teamCheckInTrendFrom, teamCheckInTrendSql } from '@/lib/supervision/gate';
import { calendarDay, previousQuarter, quarterOf, quarterStart, quartersBetween } from '@/lib/supervision/rules';

/*
 * What a team's view shows below its four signs (issue 13 §2), as things
 * stand now: its roles by stage (with those whose contested activities were
 * unsettled when last counted), its recruitment pipeline, each placement's
 * onboarding and open parity issues, each peer worker's supervision, its
 * check-in trend and its library. Each part is written by the workflow that
 * owns it, through its gate, as a column of one statement (as the work list
 * is one UNION of the gates' rows), read back by the same gate; placements
 * are judged for parity in code, so they are one query beside it. So the
 * page makes the same few round trips whatever the team's size. Each part
 * only to those who may see that part of the team anyway: recruitment and
 * placements to HR and the managers, supervision (that it happened, never
 * what was said) and check-in figures to HR, administrators and the
 * managers. Counts, names and states: no candidate data, note, answer or
 * wellbeing plan.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The detail's columns, as the view's statement returns them. */
export interface TeamDetailColumns {
  roles: unknown;
  pipeline: unknown;
  supervision: unknown;
  library: unknown;
  trend: unknown;
}

/**
 * The team detail for this person: the columns to add to the view's one
 * statement, the placements' own query (started at once, to run beside it),
 * and how to read the columns back once both are in.
 */
export function teamDetail(user: CurrentUser, teamId: string, now = new Date()) {
  const today = calendarDay(now);
  const since = new Date(now.getTime() - MEASURE_DAYS * DAY_MS);
  const current = quarterOf(now);
  let first = current;
  for (let count = 1; count < LIBRARY_QUARTERS; count += 1) first = previousQuarter(first);
  const quarters = quartersBetween(first, current);
  const withUnagreed = can(user, 'role.draft', { teamId });
  // The full breakdown of candidates' outcomes is for those who decide them (HR); a manager sees what the vacancy page shows them.
  const everyStage = can(user, 'recruitment.decide', { teamId });
  const sees = {
    roles: can(user, 'role.view', { teamId }),
    recruitment: can(user, 'recruitment.view', { teamId }),
    onboarding: can(user, 'onboarding.view', { teamId }),
    supervision: can(user, 'supervision.view', { teamId }),
    checkIns: can(user, 'supervision.figures.view', { teamId }),
  };
  const nothing = Prisma.sql`NULL::json`;
  return {
    columns: Prisma.sql`
      ${sees.roles ? rolesOfTeamSql(teamId, { withUnagreed }) : nothing} AS roles,
      ${sees.recruitment ? recruitmentPipelineSql(teamId) : nothing} AS pipeline,
      ${sees.supervision ? supervisionOfTeamSql(teamId, since, { withoutAgreement: sees.onboarding }) : nothing} AS supervision,
      ${libraryOfTeamSql(teamId, quarterStart(first))} AS library,
      ${sees.checkIns ? teamCheckInTrendSql(teamId, user.id) : nothing} AS trend`,
    placements: sees.onboarding ? onboardingOfTeam(db, teamId, today) : Promise.resolve(null),
    async read(row: TeamDetailColumns, placements: PlacementProgress[] | null, unsettledRoleIds: readonly string[] | null) {
      const unsettled = new Set(unsettledRoleIds);
      const pipeline = sees.recruitment ? recruitmentPipelineFrom(row.pipeline) : null;
      const library = libraryOfTeamFrom(row.library);
      return {
        detail: {
          /** Null where this person may not see that part of the team. */
          // Whether contested activities are settled, role by role, only for those who draft the team's roles (as the role
          // pages show it): for anyone else a flag on an agreed role would give away a version in review they cannot see.
          /** Whether this person drafts the team's roles: they see versions in review, and whether contested activities are settled. */
          draftsRoles: withUnagreed,
          roles: sees.roles
            ? rolesOfTeamFrom(row.roles, { withUnagreed }).map((role) => ({
                ...role,
                contestedUnsettled: !withUnagreed || unsettledRoleIds === null ? null : role.inReviewVersion !== null || role.recruitedTo ? unsettled.has(role.id) : null,
              }))
            : null,
          pipeline: pipeline && {
            vacancies: Object.values(VacancyStatus).map((status) => ({ status, count: pipeline.vacancies.get(status) ?? 0 })),
            candidates: everyStage
              ? CANDIDATE_STAGES.map((stage) => ({ stage, count: pipeline.candidates.get(stage) ?? 0 }))
              : [
                  { stage: 'ALL' as const, count: [...pipeline.candidates.values()].reduce((sum, count) => sum + count, 0) },
                  { stage: 'APPOINTED' as const, count: pipeline.candidates.get('APPOINTED') ?? 0 },
                ],
          },
          placements,
          supervision: sees.supervision ? supervisionOfTeamFrom(row.supervision, today) : null,
          library: { quarters: quarters.map((quarter) => ({ quarter, entries: library.byQuarter.get(quarter) ?? 0 })), newest: library.newest },
        },
        /** The check-in trend as the figures page shows it; null where this person may not see the team's figures. */
        checkIns: sees.checkIns ? await teamCheckInTrendFrom(db, row.trend, teamId, user.id) : null,
      };
    },
  };
}
