import { csvResponse } from '@/lib/csv';
import { getOwnImport, previewOf } from '@/lib/people/import-records';
import { IMPORT_OUTCOME_LABELS } from '@/lib/people/labels';
import { can } from '@/lib/permissions';
import { signedInRoute } from '@/lib/route';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

/**
 * Each row of an import and what happened to it (or, before it is confirmed,
 * what would): only for the administrator who uploaded it.
 */
export const GET = signedInRoute(async (request, session) => {
  if (!can(session.user, 'person.import')) return notFound();
  const importId = new URL(request.url).pathname.split('/').at(-2) ?? '';
  const stored = await getOwnImport(importId, session.user.id);
  if (!stored || (stored.status !== 'DRAFT' && stored.status !== 'DONE')) return notFound();
  const rows = stored.status === 'DONE' ? (stored.outcomes ?? []) : (await previewOf(stored)).rows;
  return csvResponse(
    stored.status === 'DONE' ? 'import-result.csv' : 'import-preview.csv',
    ['Line', 'Name', 'Email', 'Team', stored.status === 'DONE' ? 'What happened' : 'What would happen', 'Problem'],
    rows.map((row) => [String(row.line), row.name, row.email, row.team, IMPORT_OUTCOME_LABELS[row.outcome], row.errors.join('; ')]),
  );
});
