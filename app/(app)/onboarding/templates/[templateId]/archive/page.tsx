import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArchiveTemplateForm } from '@/components/onboarding/template-button-forms';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { templatePath } from '@/lib/onboarding/paths';
import { loadTemplate } from '@/lib/onboarding/template-queries';

export const metadata: Metadata = { title: 'Archive an onboarding template' };

export default async function ArchiveTemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  const template = await loadTemplate(await requireUser(), templateId);
  if (!template) notFound();
  if (template.archivedAt) {
    // Also what a form post without JavaScript lands on once it has archived the template.
    return (
      <>
        <BackLink href="/onboarding/templates">Back to onboarding templates</BackLink>
        <h1>“{template.name}” is archived</h1>
        <p>Managers can no longer choose it. Plans already made from it are unchanged.</p>
        <p>
          <Link href="/onboarding/templates">Go back to onboarding templates</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <BackLink href={templatePath(template.id)}>Back to {template.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {/* The question is the form's own content: once archived (without JavaScript), the success message is the page's only h1. */}
          <ArchiveTemplateForm templateId={template.id} version={template.version}>
            <h1>Archive “{template.name}”?</h1>
            <p>Managers will no longer be able to choose this template when they start a placement or change one.</p>
            <p>Plans already made from it keep their tasks. You can still read the template, but not change it.</p>
          </ArchiveTemplateForm>
        </div>
      </div>
    </>
  );
}
