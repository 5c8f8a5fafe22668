import 'server-only';
import { cache } from 'react';
import { requireUser } from '@/lib/auth/load';
import { dashboardTeams, getDashboardSettings, getOrganisationReport, getOrganisationView, getTeamView, type TeamSort } from '@/lib/dashboards/queries';
import { getWorkList, soonestFirst, WORK_LIST_SIZE, type WorkItem } from '@/lib/dashboards/worklist';
import { loadSupervisionDue } from '@/lib/supervision/load';
import { agreementPath } from '@/lib/supervision/gate';

/*
 * What the dashboards' pages load, once per request. Null where the person
 * may see nothing: the page answers "not found".
 */

export const loadOrganisationView = cache(async (sort: TeamSort, page: number) => {
  const user = await requireUser();
  return { user, view: await getOrganisationView(user, { sort, page }) };
});

export const loadOrganisationReport = cache(async () => {
  const user = await requireUser();
  return { user, report: await getOrganisationReport(user) };
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

/** The home page's work list: what needs this person now, with the supervision due to them (as the peer worker or a supervisor) folded in. */
export const loadWorkList = cache(async () => {
  const user = await requireUser();
  // Every arrangement due to them (not the first few), so that each overdue one is listed or counted.
  const [list, supervision] = await Promise.all([getWorkList(user), loadSupervisionDue(500)]);
  // Supervision overdue to the person themselves, unless in a team they manage: the work list has those already (listed or counted).
  const managed = new Set(user.memberships.filter((membership) => membership.role === 'MANAGER').map((membership) => membership.teamId));
  const own = supervision.items
    .filter((due) => due.state === 'OVERDUE' && !managed.has(due.teamId))
    .map((due): WorkItem => ({ key: `SUPERVISION:${due.arrangementId}`, kind: 'SUPERVISION', title: due.withName, detail: null, team: due.teamName, href: agreementPath(due.agreementId), at: due.due, due: true }));
  const items = [...list.items, ...own].sort(soonestFirst).slice(0, WORK_LIST_SIZE);
  return { user, items, total: list.total + own.length, managesTeams: list.managesTeams, supervision };
});
