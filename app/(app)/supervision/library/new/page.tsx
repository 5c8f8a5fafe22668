import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TYPE_LABELS } from '@/components/supervision/labels';
import { ProposeEntryForm } from '@/components/supervision/library-forms';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { searchParam, type SearchParams } from '@/lib/search-params';
import { loadProposeEntryForm } from '@/lib/supervision/load';
import { LIBRARY_PATH } from '@/lib/supervision/paths';

export const metadata: Metadata = { title: 'Propose a reflection – Peer practice library' };

/** A peer worker with a current placement proposes a reflection for the library, from one of their sessions or on its own. Nothing is copied from the session's notes. */
export default async function ProposeEntryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { form } = await loadProposeEntryForm(searchParam(await searchParams, 'sessionId'));
  if (!form) notFound();
  return (
    <>
      <BackLink href={LIBRARY_PATH}>Back to the library</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Propose a reflection</h1>
          {form.session ? (
            <p>
              From your {TYPE_LABELS[form.session.type].toLowerCase()} on <DateTime value={form.session.heldOn} dateOnly />. Nothing from the session’s notes is copied: write it afresh, in general terms.
            </p>
          ) : null}
          <p>Share something you learned about practising as a peer, so that other peer workers can learn from it. A peer supervisor reads it before it is published, and you can withdraw it at any time.</p>
          <ProposeEntryForm sessionId={form.session?.id ?? null} teamName={form.teamName} />
        </div>
      </div>
    </>
  );
}
