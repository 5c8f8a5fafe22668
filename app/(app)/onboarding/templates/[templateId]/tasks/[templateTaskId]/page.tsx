import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TemplateTaskForm } from '@/components/onboarding/template-task-form';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { templatePath } from '@/lib/onboarding/paths';
import { loadTemplate } from '@/lib/onboarding/template-queries';

export const metadata: Metadata = { title: 'Change a task in an onboarding template' };

export default async function EditTemplateTaskPage({ params }: { params: Promise<{ templateId: string; templateTaskId: string }> }) {
  const { templateId, templateTaskId } = await params;
  const template = await loadTemplate(await requireUser(), templateId);
  // The task is found among this template's own tasks: an id from elsewhere finds nothing.
  const task = template?.tasks.find((item) => item.id === templateTaskId);
  if (!template || template.archivedAt || !task) notFound();
  return (
    <>
      <BackLink href={templatePath(template.id)}>Back to {template.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{template.name}</span>
          <h1>Change a task</h1>
          <p>Plans started from now on will use the changed task. Plans already started keep the task as it was.</p>
          <TemplateTaskForm templateId={template.id} version={template.version} task={task} />
        </div>
      </div>
    </>
  );
}
