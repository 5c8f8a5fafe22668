import { csvResponse } from '@/lib/csv';
import { teamSignRows, TEAM_SIGNS_HEADER } from '@/lib/dashboards/export';
import { getOrganisationView } from '@/lib/dashboards/queries';
import { teamSortSchema } from '@/lib/dashboards/schemas';
import { signedInRoute } from '@/lib/route';

/** Every team's signs and figures as CSV, in the order the page sorts them, under the same rule as the page: HR and administrators only. */
export const GET = signedInRoute(async (request, session) => {
  const sort = teamSortSchema.parse(new URL(request.url).searchParams.get('sort') ?? 'name');
  const view = await getOrganisationView(session.user, { sort, page: 1, everyTeam: true });
  if (!view) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return csvResponse('teams-early-warning-signs.csv', TEAM_SIGNS_HEADER, teamSignRows(view));
});
