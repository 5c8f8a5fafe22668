import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TemplateForm } from '@/components/onboarding/template-form';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { templatePath } from '@/lib/onboarding/paths';
import { loadTemplate } from '@/lib/onboarding/template-queries';

export const metadata: Metadata = { title: 'Change the template’s name or service type' };

export default async function EditTemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  const template = await loadTemplate(await requireUser(), templateId);
  if (!template || template.archivedAt) notFound();
  return (
    <>
      <BackLink href={templatePath(template.id)}>Back to {template.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{template.name}</span>
          <h1>Change the template’s name or service type</h1>
          <TemplateForm template={{ id: template.id, name: template.name, serviceType: template.serviceType, version: template.version }} />
        </div>
      </div>
    </>
  );
}
