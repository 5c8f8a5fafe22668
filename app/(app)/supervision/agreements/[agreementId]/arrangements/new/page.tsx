import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddArrangementForm } from '@/components/supervision/agreement-forms';
import { BackLink } from '@/components/ui/back-link';
import { PageHeading } from '@/components/ui/page-heading';
import type { SupervisionType } from '@/lib/generated/prisma/enums';
import { loadManagedAgreement } from '@/lib/supervision/load';
import { agreementPath } from '@/lib/supervision/paths';

export const metadata: Metadata = { title: 'Add a type of supervision' };

const TYPES: SupervisionType[] = ['PEER', 'LINE_MANAGEMENT', 'CLINICAL', 'GROUP_REFLECTIVE'];

/** The team's manager or the line manager adds a type of supervision to an agreement: who from, how often, and from when. */
export default async function AddArrangementPage({ params }: { params: Promise<{ agreementId: string }> }) {
  const { agreementId } = await params;
  const { managed } = await loadManagedAgreement(agreementId);
  if (!managed) notFound();
  const { agreement } = managed;
  const back = agreementPath(agreement.id);
  const typesLeft = TYPES.filter((type) => !agreement.arrangements.some((arrangement) => arrangement.type === type));
  return (
    <>
      <BackLink href={back}>Back to the agreement</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {agreement.ended ? (
            <>
              <h1>{agreement.peerWorkerName}’s placement has ended</h1>
              <p>
                Its supervision takes no more changes. <Link href={back}>Go to the agreement</Link>.
              </p>
            </>
          ) : typesLeft.length === 0 ? (
            <>
              <h1>{agreement.peerWorkerName} receives every type of supervision</h1>
              <p>
                To change who gives one, end that arrangement on <Link href={back}>the agreement</Link> and add it again.
              </p>
            </>
          ) : (
            <>
              <PageHeading caption={`${agreement.peerWorkerName}, ${agreement.teamName}`}>Add a type of supervision</PageHeading>
              <AddArrangementForm agreementId={agreement.id} version={agreement.version} peerWorkerName={agreement.peerWorkerName} types={typesLeft} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
