import { csvResponse } from '@/lib/csv';
import { LEVELS_HEADER, levelRows } from '@/lib/dashboards/export';
import { getOrganisationView } from '@/lib/dashboards/queries';
import { signedInRoute } from '@/lib/route';

/** The "teams at a glance" chart's counts: for each sign, how many teams are at each level. HR and administrators only, as the page. */
export const GET = signedInRoute(async (_request, session) => {
  const view = await getOrganisationView(session.user, { sort: 'name', page: 1, teamsPage: false });
  if (!view) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return csvResponse('teams-at-a-glance.csv', LEVELS_HEADER, levelRows(view));
});
