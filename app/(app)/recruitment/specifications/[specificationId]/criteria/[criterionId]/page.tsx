import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CriterionForm } from '@/components/recruitment/criterion-form';
import { BackLink } from '@/components/ui/back-link';
import { loadSpecification } from '@/lib/recruitment/load';
import { specificationPath } from '@/lib/recruitment/paths';

export const metadata: Metadata = { title: 'Change a criterion' };

export default async function EditCriterionPage({ params }: { params: Promise<{ specificationId: string; criterionId: string }> }) {
  const { specificationId, criterionId } = await params;
  const { specification: detail } = await loadSpecification(specificationId);
  const criterion = detail?.criteria.find((item) => item.id === criterionId);
  if (!detail?.canEdit || detail.locked || !criterion) notFound();
  return (
    <>
      <BackLink href={specificationPath(specificationId)}>Back to {detail.specification.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{detail.specification.title}</span>
          <h1>Change a criterion</h1>
          <CriterionForm specificationId={specificationId} version={detail.specification.version} criterion={criterion} />
        </div>
      </div>
    </>
  );
}
