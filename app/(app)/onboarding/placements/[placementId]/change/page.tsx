import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ChangePlacementForm } from '@/components/onboarding/placement-form';
import { BackLink } from '@/components/ui/back-link';
import { PageHeading } from '@/components/ui/page-heading';
import { loadChangePlacementForm } from '@/lib/onboarding/load';
import { placementPath } from '@/lib/onboarding/paths';

export const metadata: Metadata = { title: 'Change arrangements' };

/** A team's manager changes a current placement: the history keeps what it was, and a short plan can start for the change. */
export default async function ChangePlacementPage({ params }: { params: Promise<{ placementId: string }> }) {
  const { placementId } = await params;
  const { form } = await loadChangePlacementForm(placementId);
  if (!form) notFound();
  const { placement, templates } = form;
  return (
    <>
      <BackLink href={placementPath(placement.id)}>Back to {placement.name}’s placement</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading caption={`${placement.name}, ${placement.teamName}`}>Change arrangements</PageHeading>
          <p>
            {placement.roleTitle}, agreed version {placement.versionNumber}. The placement’s history keeps what each arrangement was before, and who changed it.
          </p>
          <ChangePlacementForm
            placementId={placement.id}
            version={placement.version}
            newerAgreedVersion={placement.newerAgreedVersion}
            templates={templates}
            current={{
              startDate: placement.startDate,
              contractType: placement.contractType,
              band: placement.band,
              hoursPerWeek: placement.hoursPerWeek,
              workingDays: placement.workingDays,
              lineManagerEmail: placement.lineManagerEmail,
              peerSupervisorEmail: placement.peerSupervisorEmail,
            }}
          />
        </div>
      </div>
    </>
  );
}
