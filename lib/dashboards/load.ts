import 'server-only';
import { cache } from 'react';
import { requireUser } from '@/lib/auth/load';
import { dashboardTeams, getDashboardSettings, getOrganisationView, getTeamView, type TeamSort } from '@/lib/dashboards/queries';

/*
 * What the dashboards' pages load, once per request. Null where the person
 * may see nothing: the page answers "not found".
 */

export const loadOrganisationView = cache(async (sort: TeamSort, page: number) => {
  const user = await requireUser();
  return { user, view: await getOrganisationView(user, { sort, page }) };
});

export const loadTeamView = cache(async (teamId: string) => {
  const user = await requireUser();
  return { user, view: await getTeamView(user, teamId) };
});

/** A manager's teams, for the dashboards' starting page when they may not see the organisation. */
export const loadDashboardTeams = cache(async () => {
  const user = await requireUser();
  return { user, teams: await dashboardTeams(user) };
});

export const loadDashboardSettings = cache(() => getDashboardSettings());
