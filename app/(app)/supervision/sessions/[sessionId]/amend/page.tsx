import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { UNREADABLE } from '@/components/supervision/actions-list';
import { TYPE_LABELS } from '@/components/supervision/labels';
import { AmendSessionForm } from '@/components/supervision/session-form';
import { sessionValues } from '@/components/supervision/session-values';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { PageHeading } from '@/components/ui/page-heading';
import { loadSessionToRevise } from '@/lib/supervision/load';
import { sessionPath } from '@/lib/supervision/paths';

export const metadata: Metadata = { title: 'Amend the record – Supervision' };

/** Either of the two people in a session amends its co-signed record: a new record naming it, and both are kept. */
export default async function AmendSessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const { view } = await loadSessionToRevise(sessionId, 'amend');
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
            // Amended a moment ago without JavaScript, or an old link.
            <>
              <h1>{session.placementEnded ? 'This record can no longer be amended' : session.amendedById ? 'This record has been amended' : 'This record is not co-signed yet'}</h1>
              <p>
                {session.placementEnded ? (
                  <>
                    The placement has ended, so its supervision record is kept as it is. <Link href={back}>Go to the record</Link>.
                  </>
                ) : session.amendedById ? (
                  <>
                    <Link href={sessionPath(session.amendedById)}>See the amendment</Link>: to amend it again, amend that one.
                  </>
                ) : (
                  <>
                    Whoever recorded it can still change it. <Link href={back}>Go to the record</Link>.
                  </>
                )}
              </p>
            </>
          ) : view.values.notes === null || view.values.attendees === null ? (
            <>
              <h1>This record cannot be amended</h1>
              <p>
                {UNREADABLE} <Link href={back}>Go to the record</Link>.
              </p>
            </>
          ) : (
            <>
              <PageHeading caption={`${TYPE_LABELS[session.type]}, ${session.peerWorkerName} with ${session.supervisorName}`}>Amend the record</PageHeading>
              <p>
                This record was co-signed on <DateTime value={session.cosignedAt!} dateOnly />, so it is never changed. Your amendment is saved as a new record beside it, and {otherParty} is asked to co-sign that.
              </p>
              <AmendSessionForm sessionId={session.id} topics={view.topics} values={sessionValues(session, { notes: view.values.notes, attendees: view.values.attendees })} otherParty={otherParty} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
