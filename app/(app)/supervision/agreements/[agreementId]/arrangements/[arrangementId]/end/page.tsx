import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EndArrangementForm } from '@/components/supervision/agreement-forms';
import { everyWeeks, TYPE_LABELS } from '@/components/supervision/labels';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { loadArrangementToEnd } from '@/lib/supervision/load';
import { agreementPath } from '@/lib/supervision/paths';

export const metadata: Metadata = { title: 'End a supervision arrangement' };

export default async function EndArrangementPage({ params }: { params: Promise<{ agreementId: string; arrangementId: string }> }) {
  const { agreementId, arrangementId } = await params;
  const { view } = await loadArrangementToEnd(agreementId, arrangementId);
  if (!view) notFound();
  const { agreement, arrangement } = view;
  const back = agreementPath(agreement.id);
  const what = `${TYPE_LABELS[arrangement.type].toLowerCase()} from ${arrangement.supervisorName}`;
  return (
    <>
      <BackLink href={back}>Back to the agreement</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {arrangement.endedAt || agreement.ended ? (
            // Just ended without JavaScript, or an old link.
            <>
              <h1>{arrangement.endedAt ? 'This supervision arrangement has ended' : `${agreement.peerWorkerName}’s placement has ended`}</h1>
              {arrangement.endedAt ? (
                <p>
                  {agreement.peerWorkerName}’s {what} ended on <DateTime value={arrangement.endedAt} dateOnly />.
                </p>
              ) : null}
              <p>
                <Link href={back}>Go to the agreement</Link>: its sessions are kept.
              </p>
            </>
          ) : (
            <EndArrangementForm agreementId={agreement.id} arrangementId={arrangement.id} version={agreement.version}>
              <h1>
                End {agreement.peerWorkerName}’s {what}?
              </h1>
              <p>
                They have it {everyWeeks(arrangement.everyWeeks)}. Once ended, it is no longer due and no more sessions are recorded under it. The sessions already recorded are kept.
              </p>
              <p>To change who gives it, end it and then add it again with the new supervisor.</p>
            </EndArrangementForm>
          )}
        </div>
      </div>
    </>
  );
}
