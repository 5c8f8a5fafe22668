import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CriterionForm } from '@/components/recruitment/criterion-form';
import { BackLink } from '@/components/ui/back-link';
import { loadSpecification } from '@/lib/recruitment/load';
import { specificationPath } from '@/lib/recruitment/paths';

export const metadata: Metadata = { title: 'Add a criterion' };

export default async function NewCriterionPage({ params }: { params: Promise<{ specificationId: string }> }) {
  const { specificationId } = await params;
  const { specification: detail } = await loadSpecification(specificationId);
  if (!detail?.canEdit || detail.locked) notFound();
  return (
    <>
      <BackLink href={specificationPath(specificationId)}>Back to {detail.specification.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{detail.specification.title}</span>
          <h1>Add a criterion</h1>
          <CriterionForm specificationId={specificationId} version={detail.specification.version} />
        </div>
      </div>
    </>
  );
}
