import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EndPlacementForm } from '@/components/onboarding/button-forms';
import { BackLink } from '@/components/ui/back-link';
import { loadManagedPlacement } from '@/lib/onboarding/load';
import { placementPath } from '@/lib/onboarding/paths';

export const metadata: Metadata = { title: 'End the placement' };

export default async function EndPlacementPage({ params }: { params: Promise<{ placementId: string }> }) {
  const { placementId } = await params;
  const { managed } = await loadManagedPlacement(placementId);
  if (!managed) notFound();
  const { placement } = managed;
  return (
    <>
      <BackLink href={placementPath(placement.id)}>Back to {placement.name}’s placement</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {placement.endedAt ? (
            // Just ended without JavaScript, or an old link.
            <>
              <h1>{placement.name}’s placement has ended</h1>
              <p>
                <Link href={placementPath(placement.id)}>Go to the placement</Link>: its plan and history are kept.
              </p>
            </>
          ) : (
            <EndPlacementForm placementId={placement.id} version={placement.version}>
              <h1>
                End {placement.name}’s placement in {placement.teamName}?
              </h1>
              <p>Do this when they leave the team or the role. Their plan, its tasks and the placement’s history are kept as they are, and nobody is reminded of unfinished tasks any more.</p>
              <p>It cannot be undone: to place them again, start a new placement.</p>
            </EndPlacementForm>
          )}
        </div>
      </div>
    </>
  );
}
