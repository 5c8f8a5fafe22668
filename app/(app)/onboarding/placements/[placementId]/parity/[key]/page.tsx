import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AcceptParityForm } from '@/components/onboarding/parity-form';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { InsetText } from '@/components/ui/inset-text';
import { PageHeading } from '@/components/ui/page-heading';
import { loadParityIssue } from '@/lib/onboarding/load';
import { placementPath } from '@/lib/onboarding/paths';

export const metadata: Metadata = { title: 'Accept a parity issue' };

/** A manager or the line manager accepts one open parity issue, with a reason kept for the peer worker and the team's managers to read. */
export default async function AcceptParityPage({ params }: { params: Promise<{ placementId: string; key: string }> }) {
  const { placementId, key } = await params;
  const { view } = await loadParityIssue(placementId, key);
  if (!view) notFound();
  const { placement, issue, open, acceptance } = view;
  return (
    <>
      <BackLink href={placementPath(placement.id)}>Back to {placement.name}’s placement</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {open ? (
            <>
              <PageHeading caption={`${placement.name}, ${placement.teamName}`}>Accept a parity issue</PageHeading>
              <InsetText>
                <p>{issue.message}</p>
              </InsetText>
              <p>Resolve it if you can: change the arrangements, the team’s meetings or the systems the peer worker has. Accept it only when there is a good reason, agreed with them.</p>
              <p>The acceptance holds while the facts stay the same. If they change, the issue shows again.</p>
              {acceptance ? (
                <p>
                  It was accepted before, by {acceptance.acceptedBy.name} on <DateTime value={acceptance.createdAt} dateOnly />, but the facts have changed since. The reason then was: {acceptance.reason}
                </p>
              ) : null}
              <AcceptParityForm placementId={placement.id} issueKey={issue.key} />
            </>
          ) : (
            // Accepted already: just now without JavaScript, or by someone else.
            <>
              <PageHeading caption={`${placement.name}, ${placement.teamName}`}>This parity issue is accepted</PageHeading>
              <InsetText>
                <p>{issue.message}</p>
              </InsetText>
              {acceptance ? (
                <p>
                  Accepted by {acceptance.acceptedBy.name} on <DateTime value={acceptance.createdAt} dateOnly />: {acceptance.reason}
                </p>
              ) : null}
              <p>
                <Link href={placementPath(placement.id)}>Go back to the placement</Link>
              </p>
            </>
          )}
        </div>
      </div>
    </>
  );
}
