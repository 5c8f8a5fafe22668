import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TemplateTaskTable } from '@/components/onboarding/template-task-table';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { SummaryList } from '@/components/ui/summary-list';
import { Tag } from '@/components/ui/tag';
import { requireUser } from '@/lib/auth/load';
import { templatePath } from '@/lib/onboarding/paths';
import { loadTemplate } from '@/lib/onboarding/template-queries';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';

type Params = Promise<{ templateId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const template = await loadTemplate(await requireUser(), (await params).templateId);
  return { title: template ? `${template.name} – Onboarding templates` : 'Page not found' };
}

const SAVED: Record<string, string> = {
  template: 'Template saved.',
  task: 'Task saved.',
  removed: 'Task removed.',
};

/** One onboarding template: its tasks by section, and the links to change it. */
export default async function TemplatePage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { templateId } = await params;
  const template = await loadTemplate(await requireUser(), templateId);
  if (!template) notFound();
  const saved = lookup(SAVED, searchParam(await searchParams, 'saved'));
  const path = templatePath(template.id);
  const editable = !template.archivedAt;
  const plans = template._count.plans;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: 'Home' },
          { href: '/onboarding', label: 'Onboarding' },
          { href: '/onboarding/templates', label: 'Onboarding templates' },
        ]}
      />
      <span className="nhsuk-caption-l">Onboarding template</span>
      <h1>{template.name}</h1>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      {template.archivedAt ? (
        <p>
          <Tag colour="grey">Archived</Tag> Managers can no longer start plans from this template, and it can no longer be changed.
        </p>
      ) : null}
      <SummaryList
        rows={[
          {
            key: 'Name',
            value: template.name,
            actions: editable ? [{ href: `${path}/edit`, label: 'Change', visuallyHiddenText: 'name or service type' }] : [],
          },
          {
            key: 'Service type',
            value: template.serviceType ? SERVICE_TYPE_LABELS[template.serviceType] : 'Any service',
            actions: editable ? [{ href: `${path}/edit`, label: 'Change', visuallyHiddenText: 'service type' }] : [],
          },
          { key: 'Plans started from it', value: plans === 0 ? 'None yet' : String(plans) },
        ]}
      />
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>A plan copies the template’s tasks when a placement starts. Changing this template does not change plans already started: managers change those plans themselves.</p>
      </div>

      <h2>Tasks</h2>
      {template.tasks.length === 0 ? <p>This template has no tasks yet.</p> : <TemplateTaskTable templateId={template.id} tasks={template.tasks} editable={editable} />}
      {editable ? (
        <>
          <ButtonLink href={`${path}/tasks/new`} variant="secondary">
            Add a task
          </ButtonLink>
          <h2>Archive this template</h2>
          <p>Archive a template that should no longer be used. Managers will not be able to choose it, and plans already made from it stay as they are.</p>
          <p>
            <Link href={`${path}/archive`}>
              Archive this template<span className="nhsuk-u-visually-hidden">: {template.name}</span>
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}
