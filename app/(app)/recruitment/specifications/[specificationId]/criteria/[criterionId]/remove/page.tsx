import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RemoveCriterionForm } from '@/components/recruitment/button-forms';
import { BackLink } from '@/components/ui/back-link';
import { loadSpecification } from '@/lib/recruitment/load';
import { specificationPath } from '@/lib/recruitment/paths';

export const metadata: Metadata = { title: 'Remove a criterion' };

export default async function RemoveCriterionPage({ params }: { params: Promise<{ specificationId: string; criterionId: string }> }) {
  const { specificationId, criterionId } = await params;
  const { specification: detail } = await loadSpecification(specificationId);
  const criterion = detail?.criteria.find((item) => item.id === criterionId);
  if (!detail?.canEdit || detail.locked || !criterion) notFound();
  return (
    <>
      <BackLink href={specificationPath(specificationId)}>Back to {detail.specification.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Remove “{criterion.wording}”?</h1>
          <RemoveCriterionForm criterionId={criterion.id} version={detail.specification.version} specificationId={specificationId}>
            <p>The criterion, its score descriptors and its interview questions are removed from the person specification. Candidates’ answers to it, if any, stop it being removed.</p>
          </RemoveCriterionForm>
        </div>
      </div>
    </>
  );
}
