import { teamTables } from '@/components/dashboards/team-tables';
import { csvResponse } from '@/lib/csv';
import { teamTableSchema } from '@/lib/dashboards/schemas';
import { getTeamView } from '@/lib/dashboards/queries';
import { signedInRoute } from '@/lib/route';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * One table of a team's view as CSV (/dashboards/teams/{team}/{table}.csv):
 * the rows the page shows this person, built by the same function, so the
 * same access and small-numbers rules hold. Anyone who may not see that part
 * of the team, or the team at all, finds nothing.
 */
export const GET = signedInRoute(async (request, session) => {
  const [teamId, file] = new URL(request.url).pathname.split('/').slice(-2);
  const parsed = teamTableSchema.safeParse({ teamId, file });
  if (!parsed.success) return notFound();
  const view = await getTeamView(session.user, parsed.data.teamId);
  const table = view ? teamTables(view)[parsed.data.table] : null;
  if (!view || !table) return notFound();
  const day = (value: Date) => value.toISOString().slice(0, 10);
  return csvResponse(
    `${view.team.name}-${table.key}.csv`,
    table.header,
    table.rows.map((row) => row.cells.map((value) => (value instanceof Date ? day(value) : value))),
  );
});
