import { csvResponse } from '@/lib/csv';
import { getVacancyRecord } from '@/lib/recruitment/queries';
import { RECORD_HEADER, recordRows } from '@/lib/recruitment/record';
import { signedInRoute } from '@/lib/route';

/** The complete scoring record as CSV, under the same rule as its page: HR only; anyone else finds nothing. */
export const GET = signedInRoute(async (request, session) => {
  const vacancyId = new URL(request.url).pathname.split('/').at(-2) ?? '';
  const record = await getVacancyRecord(session.user, vacancyId);
  if (!record) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return csvResponse(`scoring-record-${vacancyId}.csv`, RECORD_HEADER, recordRows(record));
});
