import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecordSessionForm } from '@/components/supervision/session-form';
import { BackLink } from '@/components/ui/back-link';
import { PageHeading } from '@/components/ui/page-heading';
import { loadRecordSessionForm } from '@/lib/supervision/load';
import { agreementPath } from '@/lib/supervision/paths';

export const metadata: Metadata = { title: 'Record a session – Supervision' };

/** The peer worker or one of their supervisors records a session: its type among the arrangements they are in, and private notes only the two of them read. */
export default async function RecordSessionPage({ params }: { params: Promise<{ agreementId: string }> }) {
  const { agreementId } = await params;
  const { form } = await loadRecordSessionForm(agreementId);
  if (!form) notFound();
  const { agreement, arrangements, topics, isPeerWorker } = form;
  const back = agreementPath(agreement.id);
  return (
    <>
      <BackLink href={back}>Back to the agreement</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {agreement.ended ? (
            <>
              <h1>{isPeerWorker ? 'Your placement has ended' : `${agreement.peerWorkerName}’s placement has ended`}</h1>
              <p>
                No more sessions are recorded for it. <Link href={back}>Go to the agreement</Link>.
              </p>
            </>
          ) : (
            <>
              <PageHeading caption={isPeerWorker ? `Your supervision, ${agreement.teamName}` : `${agreement.peerWorkerName}, ${agreement.teamName}`}>Record a session</PageHeading>
              <RecordSessionForm agreementId={agreement.id} arrangements={arrangements} topics={topics} isPeerWorker={isPeerWorker} peerWorkerName={agreement.peerWorkerName} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
