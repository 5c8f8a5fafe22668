import 'server-only';
import type { CurrentUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import { VacancyStatus } from '@/lib/generated/prisma/enums';
import { MEASURE_DAYS } from '@/lib/dashboards/measures';
import { onboardingOfTeam } from '@/lib/onboarding/gate';
import { can } from '@/lib/permissions';
import { CANDIDATE_STAGES, recruitmentPipelineOfTeam } from '@/lib/recruitment/gate';
import { rolesOfTeam } from '@/lib/roles/gate';
import { LIBRARY_QUARTERS, libraryOfTeam, supervisionOfTeam } from '@/lib/supervision/gate';
import { calendarDay, quarterOf, quarterStart, quartersBetween, previousQuarter } from '@/lib/supervision/rules';

/*
 * What a team's view shows below its four signs (issue 13 §2), as things
 * stand now: its roles by stage (with those whose contested activities were
 * unsettled when last counted), its recruitment pipeline, each placement's
 * onboarding and open parity issues, each peer worker's supervision, and its
 * library. Each part comes from the workflow that owns it, through its gate,
 * in a fixed number of queries whatever the team's size, and only to those
 * who may see that part of the team anyway: recruitment to HR and the
 * managers, placements to HR and the managers, supervision (that it happened,
 * never what was said) to HR, administrators and the managers. Counts, names
 * and states: no candidate data, note, answer or wellbeing plan.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export async function getTeamDetail(user: CurrentUser, teamId: string, unsettledRoleIds: readonly string[], now = new Date()) {
  const today = calendarDay(now);
  const since = new Date(now.getTime() - MEASURE_DAYS * DAY_MS);
  const current = quarterOf(now);
  let first = current;
  for (let count = 1; count < LIBRARY_QUARTERS; count += 1) first = previousQuarter(first);
  const quarters = quartersBetween(first, current);
  const sees = {
    roles: can(user, 'role.view', { teamId }),
    recruitment: can(user, 'recruitment.view', { teamId }),
    onboarding: can(user, 'onboarding.view', { teamId }),
    supervision: can(user, 'supervision.view', { teamId }),
  };
  const [roles, pipeline, placements, supervision, library] = await Promise.all([
    sees.roles ? rolesOfTeam(db, teamId, { withUnagreed: can(user, 'role.draft', { teamId }) }) : null,
    sees.recruitment ? recruitmentPipelineOfTeam(db, teamId) : null,
    sees.onboarding ? onboardingOfTeam(db, teamId, today) : null,
    sees.supervision ? supervisionOfTeam(db, teamId, { today, since }) : null,
    libraryOfTeam(db, teamId, quarterStart(first)),
  ]);
  const unsettled = new Set(unsettledRoleIds);
  return {
    /** Null where this person may not see that part of the team. */
    roles: roles && roles.map((role) => ({ ...role, contestedUnsettled: unsettled.has(role.id) })),
    pipeline: pipeline && {
      vacancies: Object.values(VacancyStatus).map((status) => ({ status, count: pipeline.vacancies.get(status) ?? 0 })),
      candidates: CANDIDATE_STAGES.map((stage) => ({ stage, count: pipeline.candidates.get(stage) ?? 0 })),
    },
    placements,
    supervision,
    library: { quarters: quarters.map((quarter) => ({ quarter, entries: library.byQuarter.get(quarter) ?? 0 })), newest: library.newest },
  };
}

export type TeamDetail = Awaited<ReturnType<typeof getTeamDetail>>;
