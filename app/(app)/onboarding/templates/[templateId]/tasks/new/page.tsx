import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TemplateTaskForm } from '@/components/onboarding/template-task-form';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { templatePath } from '@/lib/onboarding/paths';
import { loadTemplate } from '@/lib/onboarding/template-queries';

export const metadata: Metadata = { title: 'Add a task to an onboarding template' };

export default async function NewTemplateTaskPage({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  const template = await loadTemplate(await requireUser(), templateId);
  if (!template || template.archivedAt) notFound();
  return (
    <>
      <BackLink href={templatePath(template.id)}>Back to {template.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{template.name}</span>
          <h1>Add a task</h1>
          <p>Plans started from now on will include this task. Plans already started are not changed.</p>
          <TemplateTaskForm templateId={template.id} version={template.version} />
        </div>
      </div>
    </>
  );
}
