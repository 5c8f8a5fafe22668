import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CheckInForm } from '@/components/supervision/check-in-form';
import { BackLink } from '@/components/ui/back-link';
import { searchParam, type SearchParams } from '@/lib/search-params';
import { loadCheckInForm } from '@/lib/supervision/load';
import { CHECK_INS_PATH } from '@/lib/supervision/paths';

export const metadata: Metadata = { title: 'Check in – Supervision' };

/** A peer worker with a current placement checks in: five statements, 1 to 5, with one of their sessions or on its own. */
export default async function NewCheckInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { form } = await loadCheckInForm(searchParam(await searchParams, 'sessionId'));
  if (!form) notFound();
  return (
    <>
      <BackLink href={CHECK_INS_PATH}>Back to my check-ins</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Check in</h1>
          <p>How much do you agree with each of these? Only you see your answers. Your team’s averages are shown only when enough peer workers answered that nobody can be picked out.</p>
          <CheckInForm sessions={form.sessions} selectedSessionId={form.selectedSessionId} />
        </div>
      </div>
    </>
  );
}
