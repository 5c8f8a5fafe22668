import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RemovePanelMemberForm } from '@/components/recruitment/button-forms';
import { BackLink } from '@/components/ui/back-link';
import { loadVacancy } from '@/lib/recruitment/load';
import { vacancyPath } from '@/lib/recruitment/paths';

export const metadata: Metadata = { title: 'Remove a panel member' };

export default async function RemovePanelMemberPage({ params }: { params: Promise<{ vacancyId: string; panelMemberId: string }> }) {
  const { vacancyId, panelMemberId } = await params;
  const { vacancy: detail } = await loadVacancy(vacancyId);
  const member = detail?.seats.find((seat) => seat.id === panelMemberId);
  if (!detail?.canManage || !member) notFound();
  return (
    <>
      <BackLink href={vacancyPath(vacancyId)}>Back to {detail.vacancy.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Remove {member.name} from the panel?</h1>
          <p>They will no longer see this vacancy. Any draft scores they saved are deleted; someone who has submitted scores stays on the panel, since their scores are part of the record.</p>
          <RemovePanelMemberForm panelMemberId={member.id} vacancyId={vacancyId} name={member.name} />
        </div>
      </div>
    </>
  );
}
