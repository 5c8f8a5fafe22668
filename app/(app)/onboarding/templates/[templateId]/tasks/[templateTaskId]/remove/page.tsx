import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RemoveTemplateTaskForm } from '@/components/onboarding/template-button-forms';
import { BackLink } from '@/components/ui/back-link';
import { requireUser } from '@/lib/auth/load';
import { templatePath } from '@/lib/onboarding/paths';
import { loadTemplate } from '@/lib/onboarding/template-queries';

export const metadata: Metadata = { title: 'Remove a task from an onboarding template' };

export default async function RemoveTemplateTaskPage({ params }: { params: Promise<{ templateId: string; templateTaskId: string }> }) {
  const { templateId, templateTaskId } = await params;
  const template = await loadTemplate(await requireUser(), templateId);
  const task = template?.tasks.find((item) => item.id === templateTaskId);
  if (!template) notFound();
  if (template.archivedAt || !task) {
    // The template is the administrator's to see; only the task is missing. Also what a form post without
    // JavaScript lands on once it has removed the task.
    return (
      <>
        <BackLink href={templatePath(template.id)}>Back to {template.name}</BackLink>
        <h1>This task is not in the template</h1>
        <p>It may have been removed already. Plans started before it was removed keep it.</p>
        <p>
          <Link href={templatePath(template.id)}>Go back to {template.name}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <BackLink href={templatePath(template.id)}>Back to {template.name}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {/* The question is the form's own content: once removed (without JavaScript), the success message is the page's only h1. */}
          <RemoveTemplateTaskForm templateId={template.id} templateTaskId={task.id} version={template.version}>
            <span className="nhsuk-caption-l">{template.name}</span>
            <h1>Remove “{task.title}”?</h1>
            <p>Plans started from now on will not include this task. Plans already started keep it.</p>
          </RemoveTemplateTaskForm>
        </div>
      </div>
    </>
  );
}
