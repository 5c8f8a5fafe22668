import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PanelMemberForm } from '@/components/recruitment/panel-member-form';
import { BackLink } from '@/components/ui/back-link';
import { loadVacancy } from '@/lib/recruitment/load';
import { vacancyPath } from '@/lib/recruitment/paths';

export const metadata: Metadata = { title: 'Add a panel member' };

export default async function NewPanelMemberPage({ params }: { params: Promise<{ vacancyId: string }> }) {
  const { vacancyId } = await params;
  const { vacancy: detail } = await loadVacancy(vacancyId);
  if (!detail?.canManage) notFound();
  return (
    <>
      <BackLink href={vacancyPath(vacancyId)}>Back to {detail.vacancy.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{detail.vacancy.title}</span>
          <h1>Add a panel member</h1>
          <p>
            Every panel needs at least {detail.rules.minScorers} scorers, {detail.rules.minLivedExperience} with lived experience (a peer worker or a service-user representative) and {detail.rules.minHrOrManager} from HR or a team’s
            management. A panel member sees this vacancy only.
          </p>
          <PanelMemberForm vacancyId={vacancyId} hasChair={detail.seats.some((seat) => seat.role === 'CHAIR')} />
        </div>
      </div>
    </>
  );
}
