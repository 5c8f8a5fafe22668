import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CandidateForm } from '@/components/recruitment/candidate-form';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { vacancyPath } from '@/lib/recruitment/paths';
import { getCandidateForm } from '@/lib/recruitment/queries';

export const metadata: Metadata = { title: 'Record a candidate' };

export default async function NewCandidatePage({ params }: { params: Promise<{ vacancyId: string }> }) {
  const { vacancyId } = await params;
  const form = await getCandidateForm(await requireUser(), vacancyId);
  if (!form) notFound();
  const { access: detail, criteria } = form;
  const open = detail.vacancy.status === 'DRAFT' || detail.vacancy.status === 'OPEN';
  return (
    <>
      <BackLink href={vacancyPath(vacancyId)}>Back to {detail.vacancy.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{detail.vacancy.title}</span>
          <h1>Record a candidate</h1>
          {open ? <CandidateForm vacancyId={vacancyId} criteria={criteria} /> : <p>Shortlisting has started: no more candidates can be added to this vacancy.</p>}
        </div>
      </div>
    </>
  );
}
