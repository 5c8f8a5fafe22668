import { csvResponse } from '@/lib/csv';
import { DIRECTORY_HEADER, directoryRows } from '@/lib/people/directory';
import { can } from '@/lib/permissions';
import { signedInRoute } from '@/lib/route';

/** Everyone's name, email, job title, teams and roles as CSV, streamed a page of people at a time: administrators only, as the people list. */
export const GET = signedInRoute(async (_request, session) => {
  if (!can(session.user, 'person.list')) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return csvResponse('people-and-teams.csv', DIRECTORY_HEADER, directoryRows());
});
