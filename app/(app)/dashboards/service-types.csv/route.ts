import { csvResponse } from '@/lib/csv';
import { SERVICE_TYPE_SIGNS_HEADER, serviceTypeSignRows } from '@/lib/dashboards/export';
import { getOrganisationView } from '@/lib/dashboards/queries';
import { signedInRoute } from '@/lib/route';

/** The whole organisation's signs and figures, then each service type's, under the same rule as the page: HR and administrators only. */
export const GET = signedInRoute(async (_request, session) => {
  const view = await getOrganisationView(session.user, { sort: 'name', page: 1, teamsPage: false });
  if (!view) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return csvResponse('service-types-early-warning-signs.csv', SERVICE_TYPE_SIGNS_HEADER, serviceTypeSignRows(view));
});
