import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { UNREADABLE } from '@/components/supervision/actions-list';
import { TYPE_LABELS } from '@/components/supervision/labels';
import { ChangeSessionForm } from '@/components/supervision/session-form';
import { sessionValues } from '@/components/supervision/session-values';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { PageHeading } from '@/components/ui/page-heading';
import { loadSessionToRevise } from '@/lib/supervision/load';
import { sessionPath } from '@/lib/supervision/paths';

export const metadata: Metadata = { title: 'Change the record – Supervision' };

/** Whoever recorded a session changes the record, until the other person co-signs it. */
export default async function ChangeSessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const { view } = await loadSessionToRevise(sessionId, 'change');
  if (!view) notFound();
  const { session } = view;
  const back = sessionPath(session.id);
  const otherParty = view.access.isPeerWorker ? session.supervisorName : session.peerWorkerName;
  return (
    <>
      <BackLink href={back}>Back to the record</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {!view.allowed ? (
            // Co-signed a moment ago, or an old link.
            <>
              <h1>This record can no longer be changed</h1>
              <p>
                {session.cosignedAt ? 'It has been co-signed, so it is never edited: amend it instead, and both records are kept.' : 'Only the person who recorded it can change it, while the placement is current.'}{' '}
                <Link href={back}>Go to the record</Link>.
              </p>
            </>
          ) : view.values.notes === null || view.values.attendees === null ? (
            <>
              <h1>This record cannot be changed</h1>
              <p>
                {UNREADABLE} <Link href={back}>Go to the record</Link>.
              </p>
            </>
          ) : (
            <>
              <PageHeading caption={`${TYPE_LABELS[session.type]}, ${session.peerWorkerName} with ${session.supervisorName}`}>Change the record</PageHeading>
              <p>
                Recorded on <DateTime value={session.createdAt} dateOnly /> and not yet co-signed. {otherParty} is asked to co-sign the changed record.
              </p>
              <ChangeSessionForm sessionId={session.id} version={session.version} topics={view.topics} values={sessionValues(session, { notes: view.values.notes, attendees: view.values.attendees })} otherParty={otherParty} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
